package nl.bijstandsportaal.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.bijstandsportaal.platform.Pure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of the code, as tests (ArchUnit), so a newcomer can rely on them without reading everything:
 * capabilities do not depend on each other in a circle, pure rules stay pure, the app's contract does not know
 * the backend, and only the clock factory reads the system clock.
 */
class BoundariesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/platform/db/generated/"))
            .importPackages("nl.bijstandsportaal");

    @Test
    void capabilitiesDoNotDependOnEachOtherInACircle() {
        slices().matching("nl.bijstandsportaal.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void pureRulesUseNoWebDatabaseOrFramework() {
        classes().that().areAnnotatedWith(Pure.class).should().onlyDependOnClassesThat()
                .resideInAnyPackage("java.lang..", "java.math..", "java.time..", "java.util..", "java.text..", "java.nio.charset..",
                        "java.security..", "nl.bijstandsportaal..")
                .andShould().onlyDependOnClassesThat(new DescribedPredicate<>("pure themselves, or from the JDK") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaClass target) {
                        return !target.getPackageName().startsWith("nl.bijstandsportaal")
                                || isPure(target);
                    }
                })
                .check(PRODUCTION);
    }

    @Test
    void theAppContractDoesNotKnowTheBackend() {
        noClasses().that().resideInAPackage("nl.bijstandsportaal.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("nl.bijstandsportaal.api..", "java..", "javax..",
                        "jakarta..", "io.micronaut..", "io.swagger..", "com.fasterxml..", "org.reactivestreams..")
                .check(PRODUCTION);
    }

    /** Every "today" comes from the injected Clock (platform.time.ClockFactory), so tests and demos can set it. */
    @Test
    void onlyTheClockFactoryReadsTheSystemClock() {
        Set<String> clockTypes = Set.of("java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime", "java.time.Instant",
                "java.time.ZonedDateTime", "java.time.OffsetDateTime", "java.time.YearMonth", "java.time.Year", "java.time.MonthDay");
        DescribedPredicate<JavaMethodCall> readsTheSystemClock = new DescribedPredicate<>("reads the system clock") {
            @Override
            public boolean test(JavaMethodCall call) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                boolean nowWithoutClock = name.equals("now") && clockTypes.contains(owner)
                        && call.getTarget().getRawParameterTypes().stream().noneMatch(p -> p.isEquivalentTo(Clock.class));
                boolean systemClock = owner.equals("java.time.Clock") && name.startsWith("system");
                boolean millis = owner.equals("java.lang.System") && name.equals("currentTimeMillis");
                boolean legacyDate = owner.equals("java.util.Date") && name.equals("<init>") && call.getTarget().getRawParameterTypes().isEmpty();
                return nowWithoutClock || systemClock || millis || legacyDate;
            }
        };
        noClasses().that().doNotHaveFullyQualifiedName("nl.bijstandsportaal.platform.time.ClockFactory")
                .should().callMethodWhere(readsTheSystemClock)
                .because("a page or rule that reads the real clock is wrong in tests and demos; inject java.time.Clock")
                .check(PRODUCTION);
    }

    private static boolean isPure(com.tngtech.archunit.core.domain.JavaClass type) {
        com.tngtech.archunit.core.domain.JavaClass candidate = type.getBaseComponentType();
        while (true) {
            if (candidate.isAnnotatedWith(Pure.class) || candidate.isEquivalentTo(Pure.class)) {
                return true;
            }
            if (candidate.getEnclosingClass().isEmpty()) {
                return false;
            }
            candidate = candidate.getEnclosingClass().get();
        }
    }
}

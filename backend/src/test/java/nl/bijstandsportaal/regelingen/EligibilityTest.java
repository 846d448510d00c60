package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.regelingen.CheckAnswers.Children;
import nl.bijstandsportaal.regelingen.CheckAnswers.LowIncome;
import nl.bijstandsportaal.regelingen.Eligibility.Result;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleFiles;
import nl.bijstandsportaal.rules.RuleKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Waar heb ik recht op?" against the seed rule data on a fixed day (15 November 2026, whose norms are known): the
 * income limits at the cent, the asset limits, the IIT's reference period and the draagkracht examples of
 * shared/domain.md. The day is fixed, so the outcome does not depend on when the test runs.
 */
class EligibilityTest {

    private static final RuleBook RULES = RuleFiles.loadSeed();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 15);
    private static final String UTRECHT = "0344";
    private static final String WESTLAND = "1783";
    /** Norm alleenstaande 21 tot AOW, July to December 2026, including vakantietoeslag (rules/normen.csv). */
    private static final BigDecimal NORM_SINGLE = new BigDecimal("1419.46");

    private static Household single(int age) {
        return new Household(Leefvorm.ALLEENSTAAND, DAY.minusYears(age).minusDays(1), null, false, List.of());
    }

    private static CheckAnswers answers(String gemeente, Household household, String income, String savings,
                                        LowIncome low, Boolean better, Children children) {
        return new CheckAnswers(gemeente, household, income == null ? null : new BigDecimal(income), false,
                savings == null ? null : new BigDecimal(savings), low, better, children);
    }

    private static Result result(List<Result> results, Regeling regeling) {
        return results.stream().filter(r -> r.regeling() == regeling).findFirst()
                .orElseThrow(() -> new AssertionError(regeling + " not offered"));
    }

    @Test
    void eachMunicipalityOffersItsOwnRegelingen() {
        assertEquals(List.of(Regeling.INDIVIDUELE_INKOMENSTOESLAG, Regeling.KWIJTSCHELDING, Regeling.MEEDOENREGELING,
                Regeling.BIJZONDERE_BIJSTAND), Eligibility.offered(UTRECHT, RULES, DAY), "Utrecht's U-polis ended on 1 January 2025");
        assertTrue(Eligibility.offered(UTRECHT, RULES, LocalDate.of(2024, 12, 31)).contains(Regeling.ZORGVERZEKERING));
        assertEquals(List.of(Regeling.values()).size(), Eligibility.offered(WESTLAND, RULES, DAY).size(), "Westland offers all five");
    }

    /** The income limits, at the cent: 110% (IIT), 100% (kwijtschelding), 120% (zorg Westland), 125% (meedoen Utrecht). */
    @ParameterizedTest(name = "{0} {1}: {2} a month is {3}")
    @CsvSource({
            // 110% of 1,419.46 = 1,561.406 -> 1,561.41
            "0344, INDIVIDUELE_INKOMENSTOESLAG, 1561.41, JA",
            "0344, INDIVIDUELE_INKOMENSTOESLAG, 1561.42, NEE",
            "0344, KWIJTSCHELDING, 1419.46, JA",
            "0344, KWIJTSCHELDING, 1419.47, NEE",
            // 120% = 1,703.352 -> 1,703.35
            "1783, ZORGVERZEKERING, 1703.35, JA",
            "1783, ZORGVERZEKERING, 1703.36, NEE",
            // 125% = 1,774.325 -> 1,774.33
            "0344, MEEDOENREGELING, 1774.33, JA",
            "0344, MEEDOENREGELING, 1774.34, NEE",
    })
    void incomeLimitsAreAPercentageOfTheNorm(String gemeente, Regeling regeling, String income, Uitkomst expected) {
        CheckAnswers a = answers(gemeente, single(40), income, "0", new LowIncome(48, 48, null), false, Children.NONE);
        Result r = result(Eligibility.check(a, RULES, DAY), regeling);
        assertEquals(expected, r.uitkomst(), r.reasons().toString());
        String key = expected == Uitkomst.JA ? "regelingen.reason.incomeBelow" : "regelingen.reason.incomeAbove";
        assertTrue(r.reasons().stream().anyMatch(x -> x.text().key().equals(key)), r.reasons().toString());
    }

    @Test
    void theIndividueleInkomenstoeslagWithEverythingKnown() {
        CheckAnswers a = answers(UTRECHT, single(40), "1419.46", "500", new LowIncome(40, 40, null), false, Children.NONE);
        Result r = result(Eligibility.check(a, RULES, DAY), Regeling.INDIVIDUELE_INKOMENSTOESLAG);
        assertEquals(Uitkomst.JA, r.uitkomst(), r.reasons().toString());
        assertEquals(Text.of("regelingen.iit.amount", new BigDecimal("276")), r.amount(), "Utrecht, single person");
        assertTrue(r.provisional(), "Utrecht's amounts of 2024 are the latest found: provisional");
        assertEquals(8, r.decisionWeeks());
    }

    /** The reference period: 36 months of low income; fewer is no, with the day from which it may be yes. */
    @ParameterizedTest(name = "{0} to {1} months: {2}")
    @CsvSource({"36, 36, JA", "35, 35, NEE", "12, 35, NEE", "12, , MISSCHIEN", "36, , JA"})
    void theReferencePeriodOfTheToeslag(int min, Integer max, Uitkomst expected) {
        CheckAnswers a = answers(UTRECHT, single(40), "1419.46", "0", new LowIncome(min, max, null), false, Children.NONE);
        assertEquals(expected, result(Eligibility.check(a, RULES, DAY), Regeling.INDIVIDUELE_INKOMENSTOESLAG).uitkomst());
    }

    @Test
    void aCitizenOnBijstandSinceADayHearsFromWhenItMayBeYes() {
        LocalDate since = LocalDate.of(2025, 3, 1);
        CheckAnswers a = new CheckAnswers(UTRECHT, single(40), NORM_SINGLE, true, BigDecimal.ZERO,
                LowIncome.since(since, DAY), false, Children.NONE);
        Result r = result(Eligibility.check(a, RULES, DAY), Regeling.INDIVIDUELE_INKOMENSTOESLAG);
        assertEquals(Uitkomst.NEE, r.uitkomst());
        assertEquals(Text.of("regelingen.iit.reason.lowIncomeFrom", since, "36", LocalDate.of(2028, 3, 1)), r.mainReason());
        assertNull(r.tip(), "no tip for what is a no");

        CheckAnswers long3 = new CheckAnswers(UTRECHT, single(40), NORM_SINGLE, true, null,
                LowIncome.since(LocalDate.of(2023, 6, 1), DAY), null, Children.NONE);
        Result maybe = result(Eligibility.check(long3, RULES, DAY), Regeling.INDIVIDUELE_INKOMENSTOESLAG);
        assertEquals(Uitkomst.MISSCHIEN, maybe.uitkomst(), "savings and prospect are not known");
        assertEquals(Text.of("regelingen.iit.tip", "3"), maybe.tip());
    }

    /** A citizen whose last income report says more than the limit hears it from that report, with its last day. */
    @Test
    void theIncomeOfTheLastReportCounts() {
        LocalDate until = LocalDate.of(2026, 10, 31);
        CheckAnswers below = new CheckAnswers(UTRECHT, single(40), NORM_SINGLE, true, until, BigDecimal.ZERO,
                new LowIncome(48, 48, null), false, Children.NONE);
        Result yes = result(Eligibility.check(below, RULES, DAY), Regeling.KWIJTSCHELDING);
        assertEquals(Uitkomst.JA, yes.uitkomst());
        assertTrue(yes.reasons().stream().anyMatch(r -> r.text().key().equals("regelingen.reason.incomeReportBelow")
                && r.text().args().contains(until)), yes.reasons().toString());

        CheckAnswers above = new CheckAnswers(UTRECHT, single(40), NORM_SINGLE.add(new BigDecimal("0.01")), true, until, BigDecimal.ZERO,
                new LowIncome(48, 48, null), false, Children.NONE);
        Result no = result(Eligibility.check(above, RULES, DAY), Regeling.KWIJTSCHELDING);
        assertEquals(Uitkomst.NEE, no.uitkomst());
        assertEquals("regelingen.reason.incomeReportAbove", no.mainReason().key());
    }

    @ParameterizedTest(name = "age {0}: {1}")
    @CsvSource({"20, NEE", "21, JA", "66, JA", "68, NEE"})
    void theToeslagIsFrom21ToPensionAge(int age, Uitkomst expected) {
        CheckAnswers a = answers(UTRECHT, single(age), "1000", "0", new LowIncome(48, 48, null), false, Children.NONE);
        assertEquals(expected, result(Eligibility.check(a, RULES, DAY), Regeling.INDIVIDUELE_INKOMENSTOESLAG).uitkomst());
    }

    @Test
    void savingsAboveTheLimitOfArticle34AreANo() {
        // 2026: 8,000 for a single person (art. 34 lid 3 sub a).
        CheckAnswers at = answers(UTRECHT, single(40), "1419.46", "8000", new LowIncome(48, 48, null), false, Children.NONE);
        CheckAnswers above = answers(UTRECHT, single(40), "1419.46", "8000.01", new LowIncome(48, 48, null), false, Children.NONE);
        assertEquals(Uitkomst.JA, result(Eligibility.check(at, RULES, DAY), Regeling.INDIVIDUELE_INKOMENSTOESLAG).uitkomst());
        assertEquals(Uitkomst.NEE, result(Eligibility.check(above, RULES, DAY), Regeling.INDIVIDUELE_INKOMENSTOESLAG).uitkomst());
    }

    /** Kwijtschelding: savings up to the margin are fine; above margin plus a month of costs no; between, it depends. */
    @ParameterizedTest(name = "savings {0}: {1}")
    @CsvSource({"1500, JA", "1500.01, MISSCHIEN", "2919.46, MISSCHIEN", "2919.47, NEE"})
    void kwijtscheldingLooksAtSavingsClosely(String savings, Uitkomst expected) {
        CheckAnswers a = answers(UTRECHT, single(40), "1419.46", savings, null, null, Children.NONE);
        assertEquals(expected, result(Eligibility.check(a, RULES, DAY), Regeling.KWIJTSCHELDING).uitkomst());
    }

    @Test
    void westlandsKindpakketIsForChildrenFrom4() {
        Household parent = new Household(Leefvorm.ALLEENSTAANDE_OUDER, DAY.minusYears(35), null, false, List.of(), true);
        CheckAnswers toddler = answers(WESTLAND, parent, "1419.46", "0", null, null, new Children(1, 0, 0));
        Result no = result(Eligibility.check(toddler, RULES, DAY), Regeling.MEEDOENREGELING);
        assertEquals(Uitkomst.NEE, no.uitkomst());
        assertEquals(Text.of("regelingen.meedoen.reason.childrenOnly", "4"), no.mainReason());
        CheckAnswers schoolChild = answers(WESTLAND, parent, "1419.46", "0", null, null, new Children(1, 1, 0));
        assertEquals(Uitkomst.JA, result(Eligibility.check(schoolChild, RULES, DAY), Regeling.MEEDOENREGELING).uitkomst());
        CheckAnswers adult = answers(UTRECHT, single(40), "1419.46", "0", null, null, Children.NONE);
        Result upas = result(Eligibility.check(adult, RULES, DAY), Regeling.MEEDOENREGELING);
        assertEquals(Uitkomst.JA, upas.uitkomst(), "Utrecht's U-pas is for adults too");
        assertEquals(Text.of("regelingen.meedoen.amountAdult", new BigDecimal("150")), upas.amount());
    }

    /** shared/domain.md: "0 up to 100% of the norm, then 35% of income above it; or 0 up to 120%, then 20%". */
    @ParameterizedTest(name = "norm {0}, free to {1}%, income {2}, {3}% over {4} months: {5} a month, {6} in all")
    @CsvSource({
            "1419.46, 100, 1419.46, 35, 12, 0.00, 0.00",
            "1419.46, 100, 1619.46, 35, 12, 70.00, 840.00",
            "1000.00, 120, 1300.00, 20, 12, 20.00, 240.00",
            "1000.00, 120, 1150.00, 20, 12, 0.00, 0.00",
            "1419.46, 110, 1600.00, 35, 12, 13.51, 162.12",
    })
    void draagkrachtIsAShareOfTheIncomeAboveTheLimit(String norm, String free, String income, String share, int months,
                                                    String perMonth, String total) {
        Draagkracht d = Draagkracht.of(new BigDecimal(norm), new BigDecimal(free), new BigDecimal(income), new BigDecimal(share), months);
        assertEquals(new BigDecimal(perMonth), d.perMonth());
        assertEquals(new BigDecimal(total), d.total());
        assertEquals(d.total().signum() == 0 ? "regelingen.draagkracht.none" : "regelingen.draagkracht.total", d.explanation().get(0).key());
    }

    @Test
    void bijzondereBijstandIsAlwaysAMaybeWithTheDraagkrachtWorkedOut() {
        CheckAnswers a = answers(WESTLAND, single(40), "1600.00", "0", null, null, Children.NONE);
        Result r = result(Eligibility.check(a, RULES, DAY), Regeling.BIJZONDERE_BIJSTAND);
        assertEquals(Uitkomst.MISSCHIEN, r.uitkomst());
        assertEquals(new BigDecimal("162.12"), r.draagkracht().total(), "35% of (1,600.00 - 1,561.41) = 13.51 a month, x 12");
        CheckAnswers rich = answers(WESTLAND, single(40), "1600.00", "9000", null, null, Children.NONE);
        assertEquals(Uitkomst.NEE, result(Eligibility.check(rich, RULES, DAY), Regeling.BIJZONDERE_BIJSTAND).uitkomst());
    }

    @Test
    void whatIsNotKnownIsAMaybeNeverAGuess() {
        CheckAnswers nothing = answers(UTRECHT, single(40), null, null, null, null, null);
        for (Result r : Eligibility.check(nothing, RULES, DAY)) {
            assertEquals(Uitkomst.MISSCHIEN, r.uitkomst(), r.regeling().name());
            assertFalse(r.reasons().isEmpty());
        }
        // A day whose norms are not in the rule data: the limits cannot be worked out.
        List<Result> later = Eligibility.check(answers(UTRECHT, single(40), "1000", "0", new LowIncome(48, 48, null), false,
                Children.NONE), RULES, LocalDate.of(2031, 1, 15));
        assertTrue(later.stream().allMatch(r -> r.uitkomst() != Uitkomst.JA
                && r.reasons().stream().anyMatch(x -> x.text().key().equals("regelingen.reason.normUnknown"))), later.toString());
    }

    @Test
    void everyRegelingHasItsRules() {
        for (Regeling r : Regeling.values()) {
            assertTrue(RULES.find(r.decisionWeeks(), UTRECHT, DAY).isPresent(), r.name());
            assertTrue(RULES.find(RuleKey.valueOf(r.offered().name()), WESTLAND, DAY).isPresent(), r.name());
        }
    }
}

package nl.bijstandsportaal.platform.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import nl.bijstandsportaal.platform.atrest.DataKeys;
import nl.bijstandsportaal.platform.db.DatabaseSettings;
import nl.bijstandsportaal.platform.db.DatabaseTls;
import nl.bijstandsportaal.platform.demo.DemoMode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Outside a demo the portal does not start with a secret anyone can read in this repository, or none at all: a
 * session cookie signed with the demo key would open any file. The check runs at start-up and names each setting
 * that is wrong (first of the beans built at start, before the database is touched), and refuses a clock that stands still (PORTAL_CLOCK); a demo ({@code PORTAL_DEMO=true}, embedded database only) keeps its demo values (ADR 0034).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupSecrets {

    /** The demo values in application.yml. Outside a demo they are refused like an empty setting. */
    static final String DEMO_JWT_SECRET = "demo-only-secret-change-me-0123456789abcdef0123456789";
    static final String DEMO_CSRF_SECRET = "demo-only-csrf-secret-change-me-0123456789abcdef";
    /** HS256 wants a key of at least 256 bits. */
    static final int MIN_BYTES = 32;

    StartupSecrets(DemoMode demo, DatabaseSettings database,
                   @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String jwtSecret,
                   @Value("${portal.csrf.secret:}") String csrfSecret,
                   @Value("${portal.clock.fixed:}") String fixedClock,
                   @Value("${portal.data-keys.keys:}") String dataKeys,
                   @Value("${portal.data-keys.bsn-index-key:}") String bsnIndexKey) {
        List<String> problems = problems(demo.isActive(), jwtSecret, csrfSecret, fixedClock);
        // The keys that encrypt BSNs and files at rest (ADR 0042): in a demo only their form is checked.
        problems.addAll(DataKeys.problems(demo.isActive(), dataKeys, bsnIndexKey));
        // A database of its own only over TLS with its certificate checked (ADR 0042).
        if (database.isExternal()) {
            DatabaseTls.problem(database.getUrl(), database.getTls()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The portal does not start: " + String.join(" ", problems)
                    + " (docs/operations.md, \"Secrets and the demo\").");
        }
    }

    /** What is wrong with the secrets, one sentence per setting; empty when the portal may start. */
    static List<String> problems(boolean demo, String jwtSecret, String csrfSecret, String fixedClock) {
        List<String> problems = new ArrayList<>();
        if (demo) {
            return problems;
        }
        check("JWT_SECRET", jwtSecret, DEMO_JWT_SECRET, problems);
        check("CSRF_SECRET", csrfSecret, DEMO_CSRF_SECRET, problems);
        if (fixedClock != null && !fixedClock.isBlank()) {
            problems.add("PORTAL_CLOCK is set; the clock can stand still only in a demo (PORTAL_DEMO=true).");
        }
        return problems;
    }

    private static void check(String name, String value, String demoValue, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is not set.");
        } else if (value.equals(demoValue) || value.startsWith("demo-only")) {
            problems.add(name + " still has the demo value from the repository; set a random value of your own.");
        } else if (value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            problems.add(name + " is shorter than " + MIN_BYTES + " bytes.");
        }
    }
}

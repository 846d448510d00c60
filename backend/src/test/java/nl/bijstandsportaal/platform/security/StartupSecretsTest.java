package nl.bijstandsportaal.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outside a demo, no secret from the repository, none missing or short, and no clock that stands still. */
class StartupSecretsTest {

    private static final String GOOD_JWT = "f3a9c1e07b5d42a8b6e1c9d04f7a2b3c5d6e7f8091a2b3c4";
    private static final String GOOD_CSRF = "0c1d2e3f405162738495a6b7c8d9eafb0c1d2e3f40516273";

    @Test
    void aDemoKeepsItsDemoValues() {
        assertEquals(List.of(), StartupSecrets.problems(true, StartupSecrets.DEMO_JWT_SECRET, StartupSecrets.DEMO_CSRF_SECRET, "2026-11-23T10:00"));
    }

    @Test
    void ownSecretsAndTheRealClockStart() {
        assertEquals(List.of(), StartupSecrets.problems(false, GOOD_JWT, GOOD_CSRF, ""));
    }

    @Test
    void theDemoValuesAreRefusedNamingTheSetting() {
        List<String> problems = StartupSecrets.problems(false, StartupSecrets.DEMO_JWT_SECRET, StartupSecrets.DEMO_CSRF_SECRET, null);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("JWT_SECRET"), problems.toString());
        assertTrue(problems.get(1).startsWith("CSRF_SECRET"), problems.toString());
    }

    @Test
    void missingAndShortSecretsAreRefused() {
        assertTrue(StartupSecrets.problems(false, "", GOOD_CSRF, "").get(0).contains("JWT_SECRET is not set"));
        assertTrue(StartupSecrets.problems(false, GOOD_JWT, null, "").get(0).contains("CSRF_SECRET is not set"));
        assertTrue(StartupSecrets.problems(false, "short", GOOD_CSRF, "").get(0).contains("shorter than 32 bytes"));
    }

    @Test
    void theTestClockCannotBeSetOutsideADemo() {
        List<String> problems = StartupSecrets.problems(false, GOOD_JWT, GOOD_CSRF, "2026-11-23T10:00");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("PORTAL_CLOCK"));
    }
}

package nl.bijstandsportaal.platform.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static nl.bijstandsportaal.platform.limits.RateLimitRules.Kind.LOGIN;
import static nl.bijstandsportaal.platform.limits.RateLimitRules.Kind.NONE;
import static nl.bijstandsportaal.platform.limits.RateLimitRules.Kind.SUBMIT;
import static nl.bijstandsportaal.platform.limits.RateLimitRules.Kind.UPLOAD;
import static nl.bijstandsportaal.platform.limits.RateLimitRules.kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitRulesTest {

    @Test
    void loginStepsAndTokenEndpointsAreLogins() {
        assertEquals(LOGIN, kind("POST", "/api/v1/auth/token", "application/x-www-form-urlencoded"));
        assertEquals(LOGIN, kind("POST", "/api/v1/auth/revoke", null));
        assertEquals(LOGIN, kind("GET", "/api/v1/auth/authorize", null));
        assertEquals(LOGIN, kind("GET", "/oauth/login/digid", null));
        assertEquals(LOGIN, kind("GET", "/oauth/callback/gemeente", null));
        assertEquals(LOGIN, kind("POST", "/demo/digid", "application/x-www-form-urlencoded"));
        assertEquals(NONE, kind("GET", "/demo/digid", null), "the page to choose is only read");
    }

    @Test
    void filesAreUploadsOtherChangesAreSubmissions() {
        assertEquals(UPLOAD, kind("POST", "/documenten/abc", "multipart/form-data; boundary=x"));
        assertEquals(UPLOAD, kind("POST", "/api/v1/documentverzoeken/abc/bestanden", "image/jpeg"));
        assertEquals(UPLOAD, kind("POST", "/api/v1/inkomsten/2026-11/bewijs", "application/pdf"));
        assertEquals(SUBMIT, kind("POST", "/api/v1/aanvragen", "application/json"));
        assertEquals(SUBMIT, kind("PUT", "/api/v1/aanvragen/x/schermen/y", "application/json"));
        assertEquals(SUBMIT, kind("DELETE", "/api/v1/apparaten/1", null));
        assertEquals(SUBMIT, kind("POST", "/inkomsten/2026-11", "application/x-www-form-urlencoded"));
    }

    @Test
    void readingAndLoggingOutAreNotLimited() {
        assertEquals(NONE, kind("GET", "/overzicht", null));
        assertEquals(NONE, kind("GET", "/api/v1/ik", null));
        assertEquals(NONE, kind("POST", "/uitloggen", "application/x-www-form-urlencoded"));
    }

    @Test
    void aBucketRefusesWithTheSecondsToWait() {
        RateLimiter limiter = new RateLimiter(true, 10, 2, Duration.ofMinutes(1), 0, 0, Duration.ofMinutes(1), 0, 0, Duration.ofMinutes(1), "memory", null, java.time.Clock.systemUTC());
        assertTrue(limiter.takeForAddress(LOGIN, "10.0.0.1").isEmpty());
        assertTrue(limiter.takeForAddress(LOGIN, "10.0.0.1").isEmpty());
        long wait = limiter.takeForAddress(LOGIN, "10.0.0.1").orElseThrow();
        assertTrue(wait >= 1 && wait <= 30, "one of two per minute comes back within 30 s: " + wait);
        assertTrue(limiter.takeForAddress(LOGIN, "10.0.0.2").isEmpty(), "another address has its own bucket");
        assertTrue(limiter.takeForAccount(SUBMIT, "CITIZEN:1").isEmpty(), "0 is no limit");
    }

    @Test
    void switchedOffNothingIsCounted() {
        RateLimiter limiter = new RateLimiter(false, 10, 1, Duration.ofMinutes(1), 1, 1, Duration.ofMinutes(1), 1, 1, Duration.ofMinutes(1), "memory", null, java.time.Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.takeForAddress(LOGIN, "10.0.0.1").isEmpty());
        }
    }
}

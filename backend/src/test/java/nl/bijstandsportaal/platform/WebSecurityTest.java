package nl.bijstandsportaal.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security headers, the idle timeout and its renewal, and friendly error pages. */
@MicronautTest
class WebSecurityTest extends PortalTest {

    @Inject
    TokenGenerator tokens;

    @Test
    void everyAnswerCarriesStrictSecurityHeaders() {
        WebClient web = browser();
        for (HttpResponse<String> response : List.of(web.get("/"), web.get("/bestaat-niet"), web.getJson("/api/v1/ik", null))) {
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'"), response.uri() + ": " + csp);
            assertFalse(csp.contains("unsafe-inline"));
            assertTrue(csp.contains("frame-ancestors 'none'"));
            assertTrue(response.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="));
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @Test
    void anExpiredSessionLeadsToTheSessionEndedPage() {
        WebClient web = citizen(SANNE);
        web.cookies().put("portal_session", token(Instant.now().minusSeconds(1000), Instant.now().minusSeconds(100)));
        HttpResponse<String> response = web.get("/overzicht");
        assertEquals(303, response.statusCode());
        assertEquals("/sessie-verlopen", WebClient.location(response));
        HttpResponse<String> page = web.get("/sessie-verlopen");
        assertEquals(200, page.statusCode());
        assertTrue(web.cookie("portal_was_signed_in").isEmpty(), "the marker is cleared once shown");

        web.cookies().remove("portal_session");
        assertEquals("/inloggen", WebClient.location(web.get("/overzicht")), "without a former session: the login page");
    }

    @Test
    void activityRenewsTheSessionButAFreshOneIsLeftAlone() {
        WebClient web = citizen(SANNE);
        HttpResponse<String> first = web.get("/overzicht");
        assertTrue(first.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("portal_session=")),
                "a token younger than a minute is not reissued");

        String old = token(Instant.now().minusSeconds(600), Instant.now().plusSeconds(300), web.cookie("portal_session").orElseThrow());
        web.cookies().put("portal_session", old);
        HttpResponse<String> second = web.get("/overzicht");
        assertEquals(200, second.statusCode());
        String renewed = web.cookie("portal_session").orElseThrow();
        assertNotEquals(old, renewed, "a token older than a minute is reissued with 15 fresh minutes");
        assertEquals(200, web.get("/overzicht").statusCode(), "the renewed token works");
        assertEquals(204, web.get("/sessie/verlengen").statusCode());
    }

    @Test
    void unknownPagesGetAFriendlyNotFoundPage() {
        HttpResponse<String> response = browser().get("/bestaat-niet");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("<h1"));
    }

    @Test
    void aCrashShowsAFriendlyPageWithAReferenceAndNoStackTrace() {
        HttpResponse<String> page = browser().get("/test/crash");
        assertEquals(500, page.statusCode());
        assertFalse(page.body().contains("IllegalStateException"));
        assertFalse(page.body().contains("secret detail"));
        assertFalse(page.body().contains("at nl.bijstandsportaal"));

        HttpResponse<String> api = browser().getJson("/test/crash", null);
        assertEquals(500, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(api.body().contains("\"incident\""));
        assertFalse(api.body().contains("secret detail"));
    }

    private String token(Instant issued, Instant expires) {
        return tokens.generateToken(Map.of(
                "sub", "burger:1", "iat", issued.getEpochSecond(), "nbf", issued.getEpochSecond(), "exp", expires.getEpochSecond(),
                "roles", List.of("CITIZEN"), "kind", "CITIZEN", "uid", 1, "gemeente", 1, "naam", "Sanne")).orElseThrow();
    }

    /** The same session as {@code current} (its server-side record, ADR 0039), with other timestamps. */
    private String token(Instant issued, Instant expires, String current) {
        return tokens.generateToken(Map.of(
                "sub", "burger:" + claim(current, "uid"), "iat", issued.getEpochSecond(), "nbf", issued.getEpochSecond(),
                "exp", expires.getEpochSecond(), "roles", List.of("CITIZEN"), "kind", "CITIZEN",
                "uid", Long.parseLong(claim(current, "uid")), "gemeente", Long.parseLong(claim(current, "gemeente")), "naam", "Sanne",
                "sid", claim(current, "sid"))).orElseThrow();
    }

    /** A claim of a JWT, as text. */
    static String claim(String jwt, String name) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(payload);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + payload);
        }
        return m.group(1);
    }

    /** A route that breaks, to see what a visitor gets when something breaks. */
    @Controller("/test")
    @Requires(env = "test")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class CrashController {
        @Get(value = "/crash", produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
        String crash() {
            throw new IllegalStateException("secret detail");
        }
    }
}

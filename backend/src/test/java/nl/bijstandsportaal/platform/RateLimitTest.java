package nl.bijstandsportaal.platform;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits (ADR 0034) with small numbers: per client address on login and token requests, per account on forms,
 * answered with 429 and Retry-After: problem+json for the app, a plain page for the browser. Each test is its own
 * client address (the header the portal is told to trust behind a proxy), so the tests do not share buckets.
 */
@MicronautTest
class RateLimitTest extends PortalTest {

    private static final String CLIENT = "X-Test-Client";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.rate-limits.enabled", "true");
        properties.put("portal.rate-limits.client-address-header", CLIENT);
        properties.put("portal.rate-limits.login.per-address", "3");
        properties.put("portal.rate-limits.submit.per-address", "100");
        properties.put("portal.rate-limits.submit.per-account", "2");
        properties.put("portal.rate-limits.upload.per-account", "1");
        return properties;
    }

    @Test
    void tokenGuessesFromOneAddressAreStopped() {
        WebClient app = browser();
        for (int i = 0; i < 3; i++) {
            assertEquals(400, token(app, "10.1.0.1", "guess-" + i).statusCode());
        }
        HttpResponse<String> stopped = token(app, "10.1.0.1", "guess-4");
        assertEquals(429, stopped.statusCode());
        assertTrue(stopped.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(stopped.body().contains("/problems/too-many-requests"), stopped.body());
        long retryAfter = Long.parseLong(stopped.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "one of three per minute is back within 20 s: " + retryAfter);

        assertEquals(400, token(app, "10.1.0.2", "guess-5").statusCode(), "another address is not held back");
    }

    @Test
    void theDemoLoginPageSaysToWaitInPlainWords() {
        WebClient web = browser();
        String token = WebClient.csrfToken(web.get("/demo/digid").body());
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = web.send(HttpRequest.newBuilder(web.base().resolve("/demo/digid")).header(CLIENT, "10.2.0.1")
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(Map.of("csrfToken", token, "bsn", "123456789")))));
            if (i < 3) {
                assertNotEquals(429, last.statusCode());
            }
        }
        assertEquals(429, last.statusCode());
        assertTrue(last.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        String text = Jsoup.parse(last.body()).text();
        assertTrue(text.contains("Even wachten") && text.contains("Wacht een paar minuten"), text);
    }

    @Test
    void formsAreLimitedPerAccount() {
        WebClient sanne = demoLogin(SANNE, "10.3.0.1");
        WebClient fatima = demoLogin(FATIMA, "10.3.0.2");
        for (int i = 0; i < 2; i++) {
            assertNotEquals(429, answer(sanne).statusCode());
        }
        HttpResponse<String> third = answer(sanne);
        assertEquals(429, third.statusCode());
        assertTrue(third.headers().firstValue("Retry-After").isPresent());
        assertNotEquals(429, answer(fatima).statusCode(), "another citizen from the same address still can");
    }

    @Test
    void filesAreLimitedPerAccountOnTheirOwn() {
        WebClient henk = demoLogin(HENK, "10.4.0.1");
        String token = WebClient.csrfToken(henk.get("/gesprekken/nieuw").body());
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("csrfToken", token);
        fields.put("onderwerp", " ");
        fields.put("bericht", "Hallo");
        assertEquals(400, henk.postMultipartRaw("/gesprekken/nieuw", fields, "bestand", "", "", null).statusCode());
        HttpResponse<String> second = henk.postMultipartRaw("/gesprekken/nieuw", fields, "bestand", "", "", null);
        assertEquals(429, second.statusCode(), "one upload per period in this test");
        assertTrue(Jsoup.parse(second.body()).text().contains("Even wachten"));
        assertNotEquals(429, answer(henk).statusCode(), "a form without a file counts against its own limit");
    }

    /** An incomplete request for an appointment: refused at its fields, nothing stored, but a form sent all the same. */
    private static HttpResponse<String> answer(WebClient web) {
        String token = WebClient.csrfToken(web.get("/gesprek-aanvragen").body());
        return web.postForm("/gesprek-aanvragen", Map.of("csrfToken", token));
    }

    private WebClient demoLogin(String bsn, String address) {
        WebClient web = browser();
        String token = WebClient.csrfToken(web.get("/demo/digid").body());
        HttpResponse<String> in = web.send(HttpRequest.newBuilder(web.base().resolve("/demo/digid")).header(CLIENT, address)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(Map.of("csrfToken", token, "bsn", bsn)))));
        assertEquals(303, in.statusCode(), in.body());
        return web;
    }

    private static HttpResponse<String> token(WebClient web, String address, String refreshToken) {
        return web.send(HttpRequest.newBuilder(web.base().resolve("/api/v1/auth/token")).header(CLIENT, address)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)))));
    }
}

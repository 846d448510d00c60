package nl.bijstandsportaal.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static nl.bijstandsportaal.testsupport.MobileApp.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ETag and If-None-Match on the app's reads (issue 19, ADR 0052): an unchanged answer is 304 without a body, a changed
 * one (by the citizen's own action, or another language) a 200 with a new tag; only the phone may keep the answer. Every
 * answer here is also checked against the contract (WebClient).
 */
@MicronautTest
class ApiETagsTest extends PortalTest {

    @Inject
    JsonMapper json;

    private HttpResponse<String> get(WebClient client, String path, String token, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.base().resolve(path)).GET()
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request);
    }

    private static String tag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response.headers().map()));
    }

    @Test
    void anUnchangedReadIsNotModifiedAndAChangedOneComesWhole() {
        String token = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        WebClient app = browser();

        HttpResponse<String> first = get(app, "/api/v1/rechten", token, null);
        assertEquals(200, first.statusCode(), first.body());
        String etag = tag(first);
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag);
        assertEquals("private, no-cache", first.headers().firstValue("Cache-Control").orElse(null), "only the phone keeps it, and asks again");
        assertTrue(first.headers().firstValue("Vary").orElse("").contains("Accept-Language"));

        HttpResponse<String> again = get(app, "/api/v1/rechten", token, etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, tag(again));
        assertEquals("1.1.0", again.headers().firstValue("API-Version").orElse(null));
        assertEquals(304, get(app, "/api/v1/rechten", token, "\"old\", W/" + etag).statusCode(), "a list of tags, weak comparison");
        assertEquals(200, get(app, "/api/v1/rechten", token, "\"old\"").statusCode());

        // The citizen says she has read her rights: the answer changes, so the old tag gets the whole new answer.
        assertEquals(204, app.postJson("/api/v1/rechten/gelezen", "", auth(token, null)).statusCode());
        HttpResponse<String> changed = get(app, "/api/v1/rechten", token, etag);
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, tag(changed));
        assertNotEquals(first.body(), changed.body());

        // Another language is another answer.
        HttpResponse<String> english = get(browser().language("en"), "/api/v1/rechten", token, tag(changed));
        assertEquals(200, english.statusCode());
        assertNotEquals(tag(changed), tag(english));
    }

    @Test
    void everyReadOfTheAppHasATagAndWritesAndErrorsAreNeverKept() {
        String token = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        WebClient app = browser();
        for (String path : new String[] {"/api/v1/ik", "/api/v1/taken", "/api/v1/meldingen", "/api/v1/inkomsten", "/api/v1/aanvragen",
                "/api/v1/regelingen", "/api/v1/gesprekken", "/api/v1/afspraken", "/api/v1/documentverzoeken", "/api/v1/apparaten",
                "/api/v1/meldingsvoorkeuren", "/api/v1/wijzigingen"}) {
            HttpResponse<String> read = get(app, path, token, null);
            assertEquals(200, read.statusCode(), path + ": " + read.body());
            assertEquals(304, get(app, path, token, tag(read)).statusCode(), path);
        }
        HttpResponse<String> missing = get(app, "/api/v1/aanvragen/00000000-0000-0000-0000-000000000000", token, "*");
        assertEquals(404, missing.statusCode(), "If-None-Match: * does not turn a 404 into a 304");
        assertTrue(missing.headers().firstValue("ETag").isEmpty());
        assertEquals("no-store", missing.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<String> write = app.postJson("/api/v1/rechten/gelezen", "", auth(token, null));
        assertEquals("no-store", write.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(write.headers().firstValue("ETag").isEmpty());
    }
}

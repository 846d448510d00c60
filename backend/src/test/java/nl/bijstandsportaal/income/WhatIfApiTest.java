package nl.bijstandsportaal.income;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Wat als ik ga werken?" in the app's API: open without a token, personal with one, 422 naming the fields. */
@MicronautTest
class WhatIfApiTest extends PortalTest {

    @Inject
    JsonMapper json;


    @Test
    void withoutATokenForTheChosenSituation() throws IOException {
        HttpResponse<String> response = browser().getJson(
                "/api/v1/wat-als-ik-ga-werken?gemeente=1783&leefvorm=ALLEENSTAAND&uren=12&uurloon=12,00&start=2026-11", null);
        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> answer = json.readValue(response.body(), Map.class);
        assertEquals(false, answer.get("personal"));
        List<?> months = (List<?>) answer.get("months");
        assertEquals(12, months.size());
        Map<?, ?> november = (Map<?, ?>) months.get(0);
        // As on the page: Westland, single, 624 wages, keep 156, paid 903.89, 179.40 more than without work.
        assertEquals("2026-11", november.get("month"));
        assertEquals(Map.of("amount", "903.89", "currency", "EUR"), november.get("paid"));
        assertEquals(Map.of("amount", "179.40", "currency", "EUR"), november.get("more"));
        assertEquals(true, ((Map<?, ?>) months.get(2)).get("assumed"), "January 2027: norms not known yet");
        assertTrue(((List<?>) answer.get("summary")).get(0).toString().replace('\u00a0', ' ').startsWith("In november 2026 heb je samen € 1.527,89"));
        assertTrue(answer.get("leavesOut").toString().contains("toeslagen"));
    }

    @Test
    void withACitizensTokenForTheirOwnSituation() throws IOException {
        String henk = new MobileApp(server.getURI(), json).login(citizen(HENK)).access();
        HttpResponse<String> response = browser().getJson("/api/v1/wat-als-ik-ga-werken?maandloon=500&gemeente=1783&start=2026-11", henk);
        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> answer = json.readValue(response.body(), Map.class);
        assertEquals(true, answer.get("personal"));
        // Henk's own household in Utrecht (the gemeente sent is ignored): paid 606.95 as on the page.
        assertEquals(Map.of("amount", "606.95", "currency", "EUR"), ((Map<?, ?>) ((List<?>) answer.get("months")).get(0)).get("paid"));
    }

    @Test
    void badOrMissingInputIs422NamingEachField() throws IOException {
        HttpResponse<String> bad = browser().getJson("/api/v1/wat-als-ik-ga-werken?leefvorm=ALLEENSTAAND&uren=-3&uurloon=twaalf", null);
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String body = bad.body();
        assertTrue(body.contains("\"field\":\"gemeente\"") && body.contains("\"field\":\"uren\"") && body.contains("\"field\":\"uurloon\""), body);
        assertFalse(body.contains("Exception"), body);
        HttpResponse<String> empty = browser().getJson("/api/v1/wat-als-ik-ga-werken", null);
        assertEquals(422, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("\"field\":\"maandloon\""), empty.body());
    }
}

package nl.bijstandsportaal.income;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.testsupport.MobileApp.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's income reports: estimate, idempotent sending, receipts, errors, other people's reports. */
@MicronautTest
class IncomeApiTest extends PortalTest {

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.clock.fixed", "2026-11-23T10:00");
        return properties;
    }

    private String token(String bsn) {
        return new MobileApp(server.getURI(), json).login(citizen(bsn)).access();
    }

    @Test
    void theAppEstimatesThenSendsOnceWithAnIdempotencyKey() throws IOException {
        String sanne = token(SANNE);
        String body = "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"WERK\",\"naam\":\"Bakkerij\",\"netto\":\"380,00\",\"loonstrookVolgt\":true}]}";
        HttpResponse<String> estimate = browser().postJson("/api/v1/inkomsten/2026-10/schatting", body, auth(sanne, null));
        assertEquals(200, estimate.statusCode(), estimate.body());
        Map<?, ?> e = json.readValue(estimate.body(), Map.class);
        assertEquals(Map.of("amount", "1077.74", "currency", "EUR"), e.get("paid"));
        assertEquals(Map.of("amount", "95.00", "currency", "EUR"), e.get("kept"));

        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = browser().postJson("/api/v1/inkomsten/2026-10", body, auth(sanne, key));
        HttpResponse<String> retry = browser().postJson("/api/v1/inkomsten/2026-10", body, auth(sanne, key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body());
        Map<?, ?> receipt = json.readValue(first.body(), Map.class);
        assertEquals(1, receipt.get("version"), "the retry did not make a correction");
        assertEquals(true, receipt.get("late"));
        long sanneId = db.select(BURGER.ID).from(BURGER).where(BURGER.BSN.eq(SANNE)).fetchSingle(BURGER.ID);
        assertEquals(1, db.fetchCount(INKOMSTENOPGAVE, INKOMSTENOPGAVE.BURGER_ID.eq(sanneId).and(INKOMSTENOPGAVE.PERIODE_CODE.eq("2026-10"))));

        List<Map> periods = json.readValue(browser().getJson("/api/v1/inkomsten", sanne).body(), io.micronaut.core.type.Argument.listOf(Map.class));
        assertTrue(periods.stream().anyMatch(p -> "2026-10".equals(p.get("code")) && "VERSTUURD".equals(p.get("state"))));
        assertEquals(404, browser().getJson("/api/v1/inkomsten/2026-10", token(FATIMA)).statusCode(), "another citizen's report");
    }

    @Test
    void badInputGetsProblemJsonNamingTheField() throws IOException {
        String jan = token(JAN);
        HttpResponse<String> response = browser().postJson("/api/v1/inkomsten/2026-10-08-4W",
                "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"LOTERIJ\",\"naam\":\"\",\"netto\":\"-3\"}]}", auth(jan, UUID.randomUUID().toString()));
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Map<?, ?> problem = json.readValue(response.body(), Map.class);
        List<?> errors = (List<?>) problem.get("errors");
        assertEquals(List.of("bronnen[0].soort", "bronnen[0].naam", "bronnen[0].netto"),
                errors.stream().map(x -> ((Map<?, ?>) x).get("field")).toList());
        assertEquals(404, browser().postJson("/api/v1/inkomsten/2030-01", "{\"geenInkomsten\":true}", auth(jan, null)).statusCode());
    }
}

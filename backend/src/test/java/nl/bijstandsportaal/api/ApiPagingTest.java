package nl.bijstandsportaal.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestRows;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cursor paging and "changed since" on the app's inbox (issue 19, ADR 0053): 130 messages come whole in pages of 50,
 * newest first, none twice, also when a new one arrives while the app pages; gewijzigdSinds gives only what was made or
 * read since; wrong parameters are a 422 naming them. Every answer is checked against the contract (WebClient).
 */
@MicronautTest
class ApiPagingTest extends PortalTest {

    private static final Pattern NEXT = Pattern.compile("<(/api/v1/meldingen\\?[^>]+)>; rel=\"next\"");

    @Inject
    DSLContext db;
    @Inject
    Outbox outbox;
    @Inject
    JsonMapper json;

    private long burger(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }

    /** A message made at {@code at}; its public id. */
    private String write(long burgerId, Instant at) {
        Outbox.Message message = new Outbox.Message(burgerId, Topic.INKOMSTEN, "test/" + UUID.randomUUID(), "notification.income.soon",
                "[\"2026-11-01\",\"2026-11-30\",\"2026-12-10\"]", "/inkomsten");
        long id = db.transactionResult(tx -> outbox.write(tx.dsl(), message, at)).orElseThrow();
        return db.select(MELDING.PUBLIC_ID).from(MELDING).where(MELDING.ID.eq(id)).fetchSingle(MELDING.PUBLIC_ID);
    }

    private List<Map<String, Object>> items(HttpResponse<String> response) throws IOException {
        return json.readValue(response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private static String next(HttpResponse<String> response) {
        return response.headers().firstValue("Link").map(link -> {
            Matcher m = NEXT.matcher(link);
            assertTrue(m.matches(), link);
            return m.group(1);
        }).orElse(null);
    }

    @Test
    void theWholeInboxComesInPagesNewestFirstAndNoneTwice() throws IOException {
        long fatima = burger(FATIMA);
        Instant start = TestToday.instant().minus(200, ChronoUnit.MINUTES);
        for (int i = 0; i < 130; i++) {
            write(fatima, start.plus(i, ChronoUnit.MINUTES));
        }
        int total = db.fetchCount(MELDING, MELDING.BURGER_ID.eq(fatima));
        String token = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        WebClient app = browser();

        List<String> ids = new ArrayList<>();
        List<String> moments = new ArrayList<>();
        String path = "/api/v1/meldingen";
        int pages = 0;
        while (path != null) {
            HttpResponse<String> page = app.getJson(path, token);
            assertEquals(200, page.statusCode(), page.body());
            List<Map<String, Object>> items = items(page);
            assertTrue(items.size() <= 50, "at most 50 when aantal is left out");
            items.forEach(m -> {
                ids.add((String) m.get("id"));
                moments.add((String) m.get("gemaaktOp"));
            });
            if (pages == 0) {
                write(fatima, start.plus(300, ChronoUnit.MINUTES)); // a new message while the app pages: not on page 2
            }
            path = next(page);
            pages++;
        }
        assertEquals(total, ids.size(), "every message once");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "none twice");
        assertEquals((total + 49) / 50, pages);
        List<String> sorted = new ArrayList<>(moments);
        sorted.sort(java.util.Comparator.comparing(Instant::parse).reversed());
        assertEquals(sorted, moments, "newest first");

        HttpResponse<String> small = app.getJson("/api/v1/meldingen?aantal=7", token);
        assertEquals(7, items(small).size());
        assertTrue(next(small).contains("aantal=7"), "the next page keeps the size");
    }

    @Test
    void changedSinceGivesOnlyWhatWasMadeOrReadSinceThen() throws IOException {
        long jan = burger(JAN);
        Instant now = TestToday.instant();
        String old = write(jan, now.minus(3, ChronoUnit.DAYS));
        String recent = write(jan, now.minus(1, ChronoUnit.HOURS));
        String token = new MobileApp(server.getURI(), json).login(citizen(JAN)).access();
        WebClient app = browser();
        String since = now.minus(2, ChronoUnit.HOURS).toString();

        List<String> changed = items(app.getJson("/api/v1/meldingen?gewijzigdSinds=" + since, token)).stream().map(m -> (String) m.get("id")).toList();
        assertTrue(changed.contains(recent), changed.toString());
        assertTrue(!changed.contains(old), "made three days ago and not read since: " + changed);

        // The old message read now counts as changed.
        assertEquals(204, app.postJson("/api/v1/meldingen/" + old + "/gelezen", "", MobileApp.auth(token, null)).statusCode());
        List<Map<String, Object>> after = items(app.getJson("/api/v1/meldingen?gewijzigdSinds=" + since, token));
        assertTrue(after.stream().anyMatch(m -> old.equals(m.get("id")) && Boolean.TRUE.equals(m.get("gelezen"))), after.toString());
        assertEquals(changed.size() + 1, after.size());
    }

    @Test
    void wrongParametersAreNamed() throws IOException {
        String token = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        WebClient app = browser();
        for (String[] wrong : new String[][] {{"aantal=0", "aantal"}, {"aantal=101", "aantal"}, {"aantal=veel", "aantal"},
                {"na=bestaat-niet", "na"}, {"gewijzigdSinds=gisteren", "gewijzigdSinds"}, {"gewijzigdSinds=2026-12-01", "gewijzigdSinds"}}) {
            HttpResponse<String> response = app.getJson("/api/v1/meldingen?" + wrong[0], token);
            assertEquals(422, response.statusCode(), wrong[0] + ": " + response.body());
            assertTrue(response.body().contains("\"" + wrong[1] + "\""), response.body());
        }
        HttpResponse<String> last = app.getJson("/api/v1/meldingen?aantal=100", token);
        assertEquals(200, last.statusCode());
        assertNull(next(last), "a short list has no next page");
    }

    /**
     * The changes list pages the same way (it stopped at the newest 100 before): newest reported first, none twice;
     * "changed since" sees a change the consulent started on, not only new ones (V32 gewijzigd_op).
     */
    @Test
    void changesComeInPagesAndChangedSinceSeesTheConsulentsStep() throws IOException {
        String app = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        long fatima = burger(FATIMA);
        List<String> reported = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String body = "{\"soort\":\"BUITENLAND\",\"land\":\"Marokko\",\"datum\":\"" + TestToday.date().plusDays(20 + 30 * i)
                    + "\",\"datumTot\":\"" + TestToday.date().plusDays(25 + 30 * i) + "\"}";
            HttpResponse<String> sent = browser().postJson("/api/v1/wijzigingen", body, MobileApp.auth(app, UUID.randomUUID().toString()));
            assertEquals(201, sent.statusCode(), sent.body());
            reported.add((String) json.readValue(sent.body(), Map.class).get("id"));
        }
        // Reported an hour apart, the first one longest ago.
        for (int i = 0; i < reported.size(); i++) {
            java.time.LocalDateTime at = java.time.LocalDateTime.ofInstant(TestToday.instant().minus(7 - i, ChronoUnit.HOURS), java.time.ZoneOffset.UTC);
            db.update(WIJZIGING).set(WIJZIGING.INGEDIEND_OP, at).set(WIJZIGING.GEWIJZIGD_OP, at)
                    .where(WIJZIGING.PUBLIC_ID.eq(reported.get(i))).execute();
        }
        List<String> newestFirst = new java.util.ArrayList<>(reported);
        java.util.Collections.reverse(newestFirst);

        List<String> seen = new java.util.ArrayList<>();
        String path = "/api/v1/wijzigingen?aantal=3";
        int pages = 0;
        while (path != null) {
            HttpResponse<String> page = browser().getJson(path, app);
            assertEquals(200, page.statusCode(), page.body());
            items(page).forEach(item -> seen.add((String) item.get("id")));
            String link = page.headers().firstValue("Link").orElse(null);
            path = link == null ? null : link.substring(1, link.indexOf('>'));
            assertTrue(path == null || path.startsWith("/api/v1/wijzigingen?na="), link);
            pages++;
        }
        int total = db.fetchCount(WIJZIGING, WIJZIGING.BURGER_ID.eq(fatima));
        assertEquals((total + 2) / 3, pages, total + " changes in pages of 3");
        assertEquals(newestFirst, seen.stream().filter(reported::contains).toList(), "newest first, none twice, none left out");

        // Since half an hour ago nothing changed; then the consulent starts on the oldest one.
        String since = java.net.URLEncoder.encode(TestToday.instant().minus(30, ChronoUnit.MINUTES).toString(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(List.of(), items(browser().getJson("/api/v1/wijzigingen?gewijzigdSinds=" + since, app)).stream()
                .map(item -> item.get("id")).filter(reported::contains).toList());
        WebClient marieke = employee(MARIEKE);
        String file = marieke.get("/consulent/burgers/" + fatima).body();
        HttpResponse<String> started = marieke.postForm("/consulent/burgers/" + fatima + "/wijzigingen/" + reported.get(0),
                Map.of("csrfToken", WebClient.csrfToken(file), "status", "IN_BEHANDELING"));
        assertEquals(303, started.statusCode(), started.body());
        List<Map<String, Object>> changed = items(browser().getJson("/api/v1/wijzigingen?gewijzigdSinds=" + since, app));
        assertEquals(List.of(reported.get(0)), changed.stream().map(item -> item.get("id")).filter(reported::contains).toList());
        assertEquals("IN_BEHANDELING", changed.get(0).get("status"));

        HttpResponse<String> wrong = browser().getJson("/api/v1/wijzigingen?aantal=0&gewijzigdSinds=gisteren", app);
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("\"field\":\"aantal\"") && wrong.body().contains("\"field\":\"gewijzigdSinds\""), wrong.body());
    }
}

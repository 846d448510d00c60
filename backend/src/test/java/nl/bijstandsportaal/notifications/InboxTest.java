package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDINGSVOORKEUR;
import static nl.bijstandsportaal.testsupport.MobileApp.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox and the notification settings, on the pages and in the app; only ever the citizen's own. */
@MicronautTest
class InboxTest extends PortalTest {

    private static final String AHMED = "999990068";
    private static final Instant SENT = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    DSLContext db;
    @Inject
    Outbox outbox;
    @Inject
    JsonMapper json;

    private long burger(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }

    /** A message as the reminder scheduler writes it: the income reminder, with its dates; returns its public id. */
    private String write(String bsn, String firstArgument) {
        long id = burger(bsn);
        String args = "[\"" + firstArgument + "\",\"2026-11-30\",\"2026-12-10\"]";
        Outbox.Message message = new Outbox.Message(id, Topic.INKOMSTEN, "test/" + UUID.randomUUID(), "notification.income.soon",
                args, "/inkomsten");
        long melding = db.transactionResult(tx -> outbox.write(tx.dsl(), message, SENT)).orElseThrow();
        return db.select(MELDING.PUBLIC_ID).from(MELDING).where(MELDING.ID.eq(melding)).fetchSingle(MELDING.PUBLIC_ID);
    }

    private int unread(String bsn) {
        return db.fetchCount(MELDING, MELDING.BURGER_ID.eq(burger(bsn)).and(MELDING.GELEZEN_OP.isNull()));
    }

    private static Element item(Document page, String publicId) {
        Element link = page.selectFirst("a[href=/berichten/" + publicId + "]");
        assertNotNull(link, "the message is in the list: " + page.text());
        return link.closest("li");
    }

    private static String menu(Document page) {
        return page.select("nav.portal-menu a[href=/berichten]").text();
    }

    @Test
    void theInboxShowsOwnMessagesAsNewUntilOpened() {
        String id = write(SANNE, "2026-11-01");
        WebClient web = citizen(SANNE);

        HttpResponse<String> list = web.get("/berichten");
        assertEquals(200, list.statusCode(), list.body());
        Document page = Jsoup.parse(list.body());
        String item = item(page, id).text();
        assertTrue(item.contains("Nieuw"), item);
        assertTrue(item.contains("Ontvangen op 23 november 2026"), item);
        assertTrue(item.contains("Geef je inkomsten door over 1 november 2026 tot en met 30 november 2026. Dat kan tot en met 10 december 2026."), item);
        assertEquals("Berichten (" + unread(SANNE) + " nieuw)", menu(page));
        assertNotNull(page.selectFirst("a[href=/meldingen/instellingen]"), "the inbox links to the settings");

        int before = unread(SANNE);
        HttpResponse<String> opened = web.get("/berichten/" + id);
        assertEquals(200, opened.statusCode(), opened.body());
        Document message = Jsoup.parse(opened.body());
        assertTrue(message.select("main").text().contains("Geef je inkomsten door over 1 november 2026"), message.text());
        assertNotNull(message.selectFirst("main a[href=/inkomsten]"), "a link to the page it is about");
        assertNotNull(db.select(MELDING.GELEZEN_OP).from(MELDING).where(MELDING.PUBLIC_ID.eq(id)).fetchSingle(MELDING.GELEZEN_OP));
        assertEquals(before - 1, unread(SANNE));

        Document after = Jsoup.parse(web.get("/berichten").body());
        assertFalse(item(after, id).text().contains("Nieuw"), "read now");
        String expected = unread(SANNE) == 0 ? "Berichten" : "Berichten (" + unread(SANNE) + " nieuw)";
        assertEquals(expected, menu(after));
    }

    @Test
    void aTextFromSomeoneIsShownEscaped() {
        String id = write(SANNE, "<script>alert(1)</script>");
        WebClient web = citizen(SANNE);
        for (String path : List.of("/berichten", "/berichten/" + id)) {
            String html = web.get(path).body();
            assertFalse(html.contains("<script>alert(1)"), path);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), path);
        }
    }

    @Test
    void anotherCitizensMessageIsNotFound() throws IOException {
        String fatimas = write(FATIMA, "2026-11-01");
        WebClient sanne = citizen(SANNE);
        assertEquals(404, sanne.get("/berichten/" + fatimas).statusCode());
        assertEquals(404, sanne.get("/berichten/" + UUID.randomUUID()).statusCode());
        assertFalse(sanne.get("/berichten").body().contains(fatimas));

        String token = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        HttpResponse<String> read = browser().postJson("/api/v1/meldingen/" + fatimas + "/gelezen", "", auth(token, null));
        assertEquals(404, read.statusCode(), read.body());
        assertTrue(read.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("/problems/not-found", json.readValue(read.body(), Map.class).get("type"));
        HttpResponse<String> one = browser().getJson("/api/v1/meldingen/" + fatimas, token);
        assertEquals(404, one.statusCode(), one.body());
        assertEquals("/problems/not-found", json.readValue(one.body(), Map.class).get("type"));
        assertFalse(browser().getJson("/api/v1/meldingen", token).body().contains(fatimas));
        assertNull(db.select(MELDING.GELEZEN_OP).from(MELDING).where(MELDING.PUBLIC_ID.eq(fatimas)).fetchSingle(MELDING.GELEZEN_OP),
                "still unread for Fatima");
    }

    @Test
    void preferencesAreSavedAndShownAgain() {
        WebClient web = citizen(JAN);
        Document form = Jsoup.parse(web.get("/meldingen/instellingen").body());
        assertEquals(Topic.values().length * 2, form.select("input[type=checkbox][checked]").size(), "everything is on at first");
        assertEquals("21:00", form.selectFirst("#van").val());

        Map<String, String> fields = new HashMap<>();
        fields.put("csrfToken", WebClient.csrfToken(form.outerHtml()));
        for (Topic topic : Topic.values()) {
            fields.put(topic + ".PUSH", "aan");
            if (topic != Topic.INKOMSTEN) {
                fields.put(topic + ".EMAIL", "aan");
            }
        }
        fields.put("van", "22.30");
        fields.put("tot", "7:00");
        HttpResponse<String> saved = web.postForm("/meldingen/instellingen", fields);
        assertEquals(303, saved.statusCode(), saved.body());
        Document again = Jsoup.parse(web.follow(saved).body());
        assertTrue(again.text().contains("Je keuzes zijn opgeslagen."), again.text());
        assertFalse(again.selectFirst("#INKOMSTEN-EMAIL").hasAttr("checked"));
        assertTrue(again.selectFirst("#INKOMSTEN-PUSH").hasAttr("checked"));
        assertTrue(again.selectFirst("#STATUS-EMAIL").hasAttr("checked"));
        assertEquals("22:30", again.selectFirst("#van").val());
        assertEquals("07:00", again.selectFirst("#tot").val());
        assertEquals(false, db.select(MELDINGSVOORKEUR.AAN).from(MELDINGSVOORKEUR).where(MELDINGSVOORKEUR.BURGER_ID.eq(burger(JAN)))
                .and(MELDINGSVOORKEUR.ONDERWERP.eq("INKOMSTEN")).and(MELDINGSVOORKEUR.KANAAL.eq("EMAIL")).fetchSingle(MELDINGSVOORKEUR.AAN));
        assertEquals(LocalTime.of(22, 30), db.select(BURGER.STILLE_UREN_VAN).from(BURGER).where(BURGER.ID.eq(burger(JAN))).fetchSingle(BURGER.STILLE_UREN_VAN));

        fields.remove("csrfToken");
        assertEquals(403, web.postForm("/meldingen/instellingen", fields).statusCode(), "no CSRF token, nothing saved");
    }

    @Test
    void aBadTimeKeepsWhatWasTypedAndNamesTheField() {
        WebClient web = citizen(HENK);
        String form = web.get("/meldingen/instellingen").body();
        Map<String, String> fields = Map.of("csrfToken", WebClient.csrfToken(form), "BERICHTEN.PUSH", "aan",
                "van", "half tien", "tot", "08:00");
        HttpResponse<String> back = web.postForm("/meldingen/instellingen", fields);
        assertEquals(400, back.statusCode());
        Document page = Jsoup.parse(back.body());
        Element summary = page.selectFirst("#fouten a[href=#van]");
        assertNotNull(summary, "the error summary links to the field: " + page.text());
        assertEquals("Stille uren, van: dit is geen tijd die we kunnen lezen. Schrijf de tijd zo: 21:00.", summary.text());
        assertEquals("half tien", page.selectFirst("#van").val());
        assertEquals("true", page.selectFirst("#van").attr("aria-invalid"));
        assertTrue(page.selectFirst("#van-fout").text().contains("Stille uren, van"));
        assertEquals("08:00", page.selectFirst("#tot").val());
        assertTrue(page.selectFirst("#BERICHTEN-PUSH").hasAttr("checked"), "the boxes as they were ticked");
        assertFalse(page.selectFirst("#BERICHTEN-EMAIL").hasAttr("checked"));
        assertTrue(page.title().startsWith("Verbeter je antwoorden"), page.title());
        assertEquals(LocalTime.of(21, 0), db.select(BURGER.STILLE_UREN_VAN).from(BURGER).where(BURGER.ID.eq(burger(HENK)))
                .fetchSingle(BURGER.STILLE_UREN_VAN), "nothing saved");
        assertEquals(0, db.fetchCount(MELDINGSVOORKEUR, MELDINGSVOORKEUR.BURGER_ID.eq(burger(HENK))));
    }

    @Test
    void theAppListsMarksReadAndSetsPreferences() throws IOException {
        String id = write(AHMED, "2026-11-01");
        String token = new MobileApp(server.getURI(), json).login(citizen(AHMED)).access();

        Map<?, ?> message = find(browser().getJson("/api/v1/meldingen", token), id);
        assertEquals("INKOMSTEN", message.get("onderwerp"));
        assertEquals("Geef je inkomsten door over 1 november 2026 tot en met 30 november 2026. Dat kan tot en met 10 december 2026. "
                + "Had je geen inkomsten? Geef dat dan ook door.", message.get("tekst"));
        assertEquals("/api/v1/inkomsten", message.get("link"), "an API path for the app, not the web page");
        assertEquals("2026-11-23T10:00:00Z", message.get("gemaaktOp"));
        assertEquals(false, message.get("gelezen"));
        Map<?, ?> english = find(browser().language("en").getJson("/api/v1/meldingen", token), id);
        assertTrue(english.get("tekst").toString().startsWith("Report your income for 1 November 2026"), english.toString());

        Map<?, ?> one = json.readValue(browser().getJson("/api/v1/meldingen/" + id, token).body(), Map.class);
        assertEquals(message, one, "one message: the same as in the list");
        assertEquals(false, find(browser().getJson("/api/v1/meldingen", token), id).get("gelezen"), "reading one does not mark it read");

        assertEquals(204, browser().postJson("/api/v1/meldingen/" + id + "/gelezen", "", auth(token, null)).statusCode());
        assertEquals(204, browser().postJson("/api/v1/meldingen/" + id + "/gelezen", "", auth(token, null)).statusCode(), "again: the same");
        assertEquals(true, find(browser().getJson("/api/v1/meldingen", token), id).get("gelezen"));

        Map<?, ?> preferences = json.readValue(browser().getJson("/api/v1/meldingsvoorkeuren", token).body(), Map.class);
        assertEquals(Map.of("van", "21:00", "tot", "08:00"), preferences.get("stilleTijden"));
        assertEquals(Topic.values().length, ((List<?>) preferences.get("onderwerpen")).size());
        assertTrue(((List<?>) preferences.get("onderwerpen")).contains(Map.of("onderwerp", "BERICHTEN", "push", true, "email", true)));

        HttpResponse<String> saved = put(token, "{\"onderwerpen\":[{\"onderwerp\":\"BERICHTEN\",\"push\":false,\"email\":true}],"
                + "\"stilleTijden\":{\"van\":\"22:00\",\"tot\":\"7:30\"}}");
        assertEquals(200, saved.statusCode(), saved.body());
        Map<?, ?> after = json.readValue(browser().getJson("/api/v1/meldingsvoorkeuren", token).body(), Map.class);
        assertEquals(json.readValue(saved.body(), Map.class), after);
        assertEquals(Map.of("van", "22:00", "tot", "07:30"), after.get("stilleTijden"));
        List<?> topics = (List<?>) after.get("onderwerpen");
        assertTrue(topics.contains(Map.of("onderwerp", "BERICHTEN", "push", false, "email", true)), topics.toString());
        assertTrue(topics.contains(Map.of("onderwerp", "INKOMSTEN", "push", true, "email", true)), "a topic left out keeps its setting");

        // A topic outside the contract's list is refused first, on its own (StrictApiInput).
        HttpResponse<String> unknownTopic = put(token, "{\"onderwerpen\":[{\"onderwerp\":\"ONZIN\",\"push\":true}]}");
        assertEquals(422, unknownTopic.statusCode(), unknownTopic.body());
        assertTrue(unknownTopic.body().contains("\"field\":\"onderwerpen[0].onderwerp\""), unknownTopic.body());
        HttpResponse<String> wrong = put(token, "{\"onderwerpen\":[{\"onderwerp\":\"BERICHTEN\",\"push\":true}],"
                + "\"stilleTijden\":{\"van\":\"25:00\",\"tot\":\"08:00\"}}");
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Map<?, ?> problem = json.readValue(wrong.body(), Map.class);
        assertEquals("/problems/validation", problem.get("type"));
        List<?> fields = ((List<?>) problem.get("errors")).stream().map(e -> ((Map<?, ?>) e).get("field")).toList();
        assertEquals(List.of("onderwerpen[0].email", "stilleTijden.van"), fields);
        assertTrue(wrong.body().contains("Stille uren, van: dit is geen tijd die we kunnen lezen."), wrong.body());
        assertEquals(after, json.readValue(browser().getJson("/api/v1/meldingsvoorkeuren", token).body(), Map.class), "nothing saved");
    }

    private Map<?, ?> find(HttpResponse<String> response, String id) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        List<Map> messages = json.readValue(response.body(), Argument.listOf(Map.class));
        return messages.stream().filter(m -> id.equals(m.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("message " + id + " not in " + response.body()));
    }

    private HttpResponse<String> put(String token, String body) {
        return browser().send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/meldingsvoorkeuren"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }
}

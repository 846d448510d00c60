package nl.bijstandsportaal.account;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Dit moet je doen" (issue 18, ADR 0036): the first thing on the citizen's home page and the same list for the app
 * ({@code GET /api/v1/taken}): late first, then by last day; what the consulent asks appears at once and leaves when it
 * is done; every item has status words, a date and one link; nobody sees another's.
 */
@MicronautTest
class TodoListTest extends PortalTest {

    private static final LocalDate TODAY = TestToday.date();

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;

    private long idOf(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<Map<String, Object>>> taken(String bsn) throws Exception {
        String app = new MobileApp(server.getURI(), json).login(citizen(bsn)).access();
        HttpResponse<String> answer = browser().getJson("/api/v1/taken", app);
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, Object> all = json.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
        Map<String, List<Map<String, Object>>> lists = new java.util.HashMap<>();
        all.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                lists.put(name, (List<Map<String, Object>>) list);
            }
        });
        Map<String, Object> counts = (Map<String, Object>) all.get("aantallen");
        assertEquals(lists.get("taken").size(), ((Number) counts.get("open")).intValue(), "the badge counts what is open");
        return lists;
    }

    private static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("id")).toList();
    }

    @Test
    void henksLateIncomeReportsComeFirstOnHisHomePageAndInTheApp() throws Exception {
        // What the income page calls late is what the to-do list calls late.
        WebClient henk = citizen(HENK);
        Document periods = Jsoup.parse(henk.get("/inkomsten").body());
        long lateOnIncomePage = periods.select(".portal-period--te_laat").size();
        assertTrue(lateOnIncomePage > 0, "the demo data gives Henk late income reports: " + periods.text());

        Document home = Jsoup.parse(henk.get("/overzicht").body());
        Element main = home.getElementById("inhoud");
        assertEquals("te-doen-titel", main.select("h2").first().id(), "the to-do list is the first section");
        var late = home.select("#te-doen-titel ~ ul .portal-todo__item--te_laat");
        assertEquals(lateOnIncomePage, late.stream().filter(e -> e.text().contains("Geef je inkomsten over")).count(), home.text());
        for (Element item : late) {
            assertTrue(item.text().startsWith("Te laat. Dit moest uiterlijk "), item.text());
            assertEquals(1, item.select("a").size(), "one link to do it");
            assertEquals(1, item.select(".portal-todo__status svg[aria-hidden=true]").size(), "a status icon, hidden from screen readers");
            assertTrue(item.select("svg:not([aria-hidden=true])").isEmpty(), "every icon (status, action) is hidden from screen readers");
        }
        var dueItems = home.select("ul[aria-labelledby=te-doen-titel] > li");
        assertTrue(dueItems.first().hasClass("portal-todo__item--te_laat"), "late first");

        // The app: the same items in the same order, API links, statuses as words the app can switch on.
        var taken = taken(HENK);
        assertEquals(dueItems.size(), taken.get("taken").size());
        boolean seenOpen = false;
        LocalDate previous = LocalDate.MIN;
        for (Map<String, Object> t : taken.get("taken")) {
            assertTrue(((String) t.get("link")).startsWith("/api/v1/"), t.toString());
            String status = (String) t.get("status");
            assertTrue(status.equals("te-laat") || status.equals("open"), t.toString());
            if (status.equals("open")) {
                seenOpen = true;
            } else {
                assertFalse(seenOpen, "no late item after an open one: " + taken);
            }
            if (status.equals("te-laat")) {
                LocalDate day = LocalDate.parse((String) t.get("uiterlijk"));
                assertFalse(day.isBefore(previous), "late ones by their last day: " + taken);
                assertTrue(day.isBefore(TODAY), t.toString());
                previous = day;
            }
        }
        assertEquals(lateOnIncomePage, taken.get("taken").stream().filter(t -> "INKOMSTEN".equals(t.get("soort")) && "te-laat".equals(t.get("status"))).count());
        Map<String, Object> first = taken.get("taken").get(0);
        assertTrue(((String) first.get("titel")).startsWith("Geef je inkomsten over "), first.toString());
        assertEquals("Geef je inkomsten door", first.get("actie"));
        for (Map<String, Object> t : taken.get("komtNog")) {
            assertEquals("komt-nog", t.get("status"));
        }
    }

    @Test
    void whatTheConsulentAsksAppearsAtOnceAndLeavesWhenItIsDone() throws Exception {
        long sanne = idOf(SANNE);
        WebClient marieke = employee(MARIEKE);
        String what = "Je bankafschrift " + UUID.randomUUID().toString().substring(0, 6);
        String token = WebClient.csrfToken(marieke.get("/consulent/burgers/" + sanne).body());
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanne + "/documentverzoeken", Map.of("csrfToken", token, "wat", what,
                "waarom", "We willen zien of er geld bij kwam.", "uiterlijk", TODAY.plusDays(9).toString(), "gecontroleerd", "ja")).statusCode());
        String request = db.select(DOCUMENTVERZOEK.PUBLIC_ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.WAT.eq(what)).fetchSingle(DOCUMENTVERZOEK.PUBLIC_ID);
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanne + "/bericht", Map.of("csrfToken", token, "onderwerp", "Je nieuwe adres",
                "bericht", "Ik heb je nieuwe adres gezien. Dank je.", "gecontroleerd", "ja")).statusCode());

        WebClient citizen = citizen(SANNE);
        Document home = Jsoup.parse(citizen.get("/overzicht").body());
        Element doc = home.select(".portal-todo__item:contains(" + what + ")").first();
        assertTrue(doc != null && doc.text().contains("Nu doen. Uiterlijk " + TestToday.dutch(TODAY.plusDays(9))) && doc.text().contains("Stuur ons: " + what),
                home.text());
        assertEquals("/documenten/" + request, doc.select("a").attr("href"));
        Element message = home.select(".portal-todo__item:contains(Je nieuwe adres)").first();
        assertTrue(message != null && message.text().contains("Lees het bericht van Marieke Jansen: Je nieuwe adres."), home.text());

        var taken = taken(SANNE);
        Map<String, Object> item = taken.get("taken").stream().filter(t -> ("documentverzoek/" + request).equals(t.get("id"))).findFirst().orElseThrow();
        assertEquals("DOCUMENT", item.get("soort"));
        assertEquals("open", item.get("status"));
        assertEquals(TODAY.plusDays(9).toString(), item.get("uiterlijk"));
        assertEquals("/api/v1/documentverzoeken/" + request, item.get("link"));
        Map<String, Object> read = taken.get("taken").stream().filter(t -> "BERICHT".equals(t.get("soort"))).findFirst().orElseThrow();
        assertFalse(read.containsKey("uiterlijk"), "reading a message has no last day");

        // She reads the message: it leaves the list. A draft application joins it.
        citizen.get(message.select("a").attr("href"));
        String detail = citizen.get("/regelingen/bijzondere-bijstand").body();
        assertEquals(303, citizen.postForm("/aanvragen/start", Map.of("csrfToken", WebClient.csrfToken(detail), "regeling", "bijzondere-bijstand")).statusCode());
        Document after = Jsoup.parse(citizen.get("/overzicht").body());
        assertTrue(after.select(".portal-todo__item:contains(Je nieuwe adres)").isEmpty(), after.text());
        assertTrue(after.text().contains("Maak je aanvraag af: Bijzondere bijstand. Hij is nog niet verstuurd."), after.text());

        // The consulent withdraws the request: it leaves the list too.
        String requestPage = marieke.get("/consulent/burgers/" + sanne + "/documentverzoeken/" + request).body();
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanne + "/documentverzoeken/" + request,
                Map.of("csrfToken", WebClient.csrfToken(requestPage), "status", "INGETROKKEN")).statusCode());
        assertFalse(ids(taken(SANNE).get("taken")).contains("documentverzoek/" + request));

        // Nobody sees another's: Fatima's list has none of Sanne's items; without a login the API answers 401.
        assertFalse(ids(taken(FATIMA).get("taken")).stream().anyMatch(id -> id.contains(request)));
        assertEquals(401, browser().getJson("/api/v1/taken", null).statusCode());
    }
}

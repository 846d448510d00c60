package nl.bijstandsportaal.regelingen;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.AANVRAAG;
import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.testsupport.TestToday.dutch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Applying for a regeling through HTTP, both sides: the citizen answers screen by screen (each saved, resumed in
 * another session), checks, sends once; the consulent of the municipality sees it with the legal clock and decides;
 * the citizen reads the decision and the last day for bezwaar, and gets a message. Others get 404.
 */
@MicronautTest
class AanvragenTest extends PortalTest {

    @Inject
    DSLContext db;

    private static final String CSRF = "csrfToken";

    @Test
    void aCitizenAppliesAndTheConsulentDecides() {
        WebClient henk = citizen(HENK);
        String detail = henk.get("/regelingen/bijzondere-bijstand").body();
        HttpResponse<String> started = henk.postForm("/aanvragen/start", Map.of(CSRF, WebClient.csrfToken(detail), "regeling", "bijzondere-bijstand"));
        assertEquals(303, started.statusCode(), started.body());
        String path = WebClient.location(started);
        String id = path.substring("/aanvragen/".length());
        assertEquals(404, henk.postForm("/aanvragen/start", Map.of(CSRF, WebClient.csrfToken(detail), "regeling", "bestaat-niet")).statusCode());
        assertEquals(404, henk.postForm("/aanvragen/start", Map.of(CSRF, WebClient.csrfToken(detail), "regeling", "zorgverzekering")).statusCode(),
                "Utrecht no longer offers it");
        assertEquals(404, henk.get(path + "/wijzig/bestaat-niet").statusCode());

        Document screen = Jsoup.parse(henk.get(path).body());
        assertEquals("Waarvoor heb je geld nodig?", screen.select("h1").text());
        assertEquals(303, answer(henk, path, screen, "kosten", Map.of("kosten", "witgoed")).statusCode());
        screen = Jsoup.parse(henk.get(path).body());
        assertEquals("Vertel wat je nodig hebt en waarom", screen.select("h1").text());
        assertEquals(303, answer(henk, path, screen, "omschrijving", Map.of("omschrijving", "Mijn wasmachine is kapot.\nReparatie kan niet meer.")).statusCode());
        assertTrue(db.fetchOne(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id)).getAntwoorden().contains("omschrijving="), "saved after every screen");

        // The session ends; in a new one the application goes on where it was.
        WebClient later = citizen(HENK);
        screen = Jsoup.parse(later.get(path).body());
        assertEquals("Hoeveel kost het?", screen.select("h1").text());
        HttpResponse<String> wrong = answer(later, path, screen, "bedrag", Map.of("bedrag", "heel veel"));
        assertEquals(400, wrong.statusCode());
        Document error = Jsoup.parse(wrong.body());
        assertEquals("heel veel", error.getElementById("bedrag").val(), "what was typed stays");
        assertTrue(error.select(".portal-error-summary a[href=#bedrag]").text().contains("Vul in hoeveel het kost"));
        answer(later, path, error, "bedrag", Map.of("bedrag", "449,95"));
        answer(later, path, Jsoup.parse(later.get(path).body()), "vergoed", Map.of("vergoed", "nee"));
        screen = Jsoup.parse(later.get(path).body());
        if (screen.getElementById("spaargeld") != null) {
            answer(later, path, screen, "spaargeld", Map.of("spaargeld", "250"));
        }

        Document check = Jsoup.parse(later.get(path).body());
        assertTrue(check.select("h1").text().startsWith("Kloppen je antwoorden?"), check.select("h1").text());
        assertTrue(check.text().contains("€ 449,95") || check.text().contains("€\u00a0449,95"), check.text());
        assertTrue(check.select("a[href=/aanvragen/" + id + "/wijzig/bedrag]").size() == 1, "a change link per answer");
        assertTrue(check.text().contains("Een offerte of rekening van de kosten"), "the proof that follows from the answers");
        Document change = Jsoup.parse(later.get(path + "/wijzig/bedrag").body());
        assertEquals("449,95", change.getElementById("bedrag").val(), "changing shows the answer given");

        String csrf = WebClient.csrfToken(check.outerHtml());
        assertEquals(303, later.postForm(path + "/versturen", Map.of(CSRF, csrf)).statusCode());
        assertEquals(303, later.postForm(path + "/versturen", Map.of(CSRF, csrf)).statusCode(), "sending again");
        var row = db.fetchOne(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id));
        assertEquals("VERSTUURD", row.getStatus());
        assertEquals(String.format("A%07d", row.getId()), row.getKenmerk());
        assertEquals(1, db.fetchCount(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id)));
        String answers = row.getAntwoorden();
        answer(later, path, change, "bedrag", Map.of("bedrag", "1"));
        assertEquals(answers, db.fetchOne(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id)).getAntwoorden(), "a sent application never changes");

        LocalDate deadline = Termijnen.decision(TestToday.date(), 8, java.util.List.of(), null, TestToday.date()).deadline();
        String status = Jsoup.parse(later.get(path).body()).text();
        assertTrue(status.contains("Kenmerk: " + row.getKenmerk()) && status.contains("Uitslag uiterlijk " + dutch(deadline)), status);

        // Others: another citizen and a consulent of another municipality get 404.
        assertEquals(404, citizen(SANNE).get(path).statusCode());
        assertEquals(404, employee(MARIEKE).get("/consulent/aanvragen/" + id).statusCode());

        // The consulent of Utrecht sees it with the days left, and decides.
        WebClient dennis = employee(DENNIS);
        String list = Jsoup.parse(dennis.get("/consulent/aanvragen").body()).text();
        assertTrue(list.contains("Henk Bakker") && list.contains(row.getKenmerk()) && list.contains(dutch(deadline)), list);
        Document one = Jsoup.parse(dennis.get("/consulent/aanvragen/" + id).body());
        assertTrue(one.text().contains("Mijn wasmachine is kapot.") && one.text().contains("Reparatie kan niet meer."), "what the citizen typed, whole");
        String kcsrf = WebClient.csrfToken(one.outerHtml());
        HttpResponse<String> noReason = dennis.postForm("/consulent/aanvragen/" + id + "/besluit", Map.of(CSRF, kcsrf, "besluit", "TOEGEKEND", "bedrag", ""));
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.body().contains("href=\"#bedrag\"") && noReason.body().contains("href=\"#reden\""));
        String reason = "Je wasmachine is kapot en je kunt geen nieuwe betalen. Daarom betalen wij een nieuwe.";
        assertEquals(303, dennis.postForm("/consulent/aanvragen/" + id + "/besluit",
                Map.of(CSRF, kcsrf, "besluit", "TOEGEKEND", "bedrag", "449,95", "reden", reason)).statusCode());
        dennis.postForm("/consulent/aanvragen/" + id + "/besluit", Map.of(CSRF, kcsrf, "besluit", "AFGEWEZEN", "reden", "nee"));
        assertEquals("TOEGEKEND", db.fetchOne(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id)).getBesluit(), "a decision is taken once");
        assertEquals(1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AanvraagService.DECIDED)));
        assertTrue(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AanvraagService.OPENED)) >= 1, "opening is audited");

        // The citizen reads the decision, why, and until when bezwaar is possible; and has a message.
        String decided = Jsoup.parse(later.get(path).body()).text().replace('\u00a0', ' ');
        assertTrue(decided.contains("Je krijgt € 449,95.") && decided.contains(reason), decided);
        assertTrue(decided.contains("bezwaar maken tot en met " + dutch(Termijnen.bezwaarUntil(TestToday.date(), 6))), decided);
        long henkId = db.select(BURGER.ID).from(BURGER).where(BURGER.BSN.eq(HENK)).fetchOne(BURGER.ID);
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(henkId).and(MELDING.TEKST.eq("notification.aanvraag.besluit"))));
        assertTrue(later.get("/aanvragen").body().contains(row.getKenmerk()));
    }

    @Test
    void whatTheCheckAskedIsNotAskedAgain() {
        WebClient fatima = citizen(FATIMA);
        String gemeenteCheck = fatima.get("/regelingen/check").body();
        Document s = Jsoup.parse(gemeenteCheck);
        while (!s.select("h1").text().startsWith("Wat kun je")) {
            Map<String, String> form = new LinkedHashMap<>();
            s.select("form[action=/regelingen/check] input[type=hidden]").forEach(i -> form.put(i.attr("name"), i.val()));
            if (s.getElementById("spaargeld") != null) {
                form.put("spaargeld", "0");
            }
            if (s.getElementById("beterInkomen") != null) {
                form.put("beterInkomen", "nee");
            }
            form.put("actie", "verder");
            s = Jsoup.parse(fatima.postForm("/regelingen/check", form).body());
        }
        String detail = fatima.get("/regelingen/individuele-inkomenstoeslag").body();
        HttpResponse<String> started = fatima.postForm("/aanvragen/start", Map.of(CSRF, WebClient.csrfToken(detail), "regeling", "individuele-inkomenstoeslag"));
        if (started.statusCode() == 404) {
            return; // not offered in Fatima's municipality on this day
        }
        Document first = Jsoup.parse(fatima.get(WebClient.location(started)).body());
        assertTrue(first.select("h1").text().startsWith("Kloppen je antwoorden?"), "nothing left to ask: " + first.select("h1").text());
        assertEquals(WebClient.location(started), WebClient.location(fatima.postForm("/aanvragen/start",
                Map.of(CSRF, WebClient.csrfToken(detail), "regeling", "individuele-inkomenstoeslag"))), "one concept per regeling");
        assertFalse(first.text().isBlank());

        // Sent ten weeks ago and not decided: the citizen reads that the municipality is late, and what they can do.
        String path = WebClient.location(started);
        assertEquals(303, fatima.postForm(path + "/versturen", Map.of(CSRF, WebClient.csrfToken(first.outerHtml()))).statusCode());
        db.update(AANVRAAG).set(AANVRAAG.VERSTUURD_OP, TestToday.utc().minusWeeks(10))
                .where(AANVRAAG.PUBLIC_ID.eq(path.substring("/aanvragen/".length()))).execute();
        String late = Jsoup.parse(fatima.get(path).body()).text();
        assertTrue(late.contains("De gemeente is te laat.") && late.contains("ingebrekestelling"), late);
        assertTrue(Jsoup.parse(employee(MARIEKE).get("/consulent/aanvragen").body()).text().contains("te laat"), "flagged for the consulent");
    }

    private static HttpResponse<String> answer(WebClient web, String path, Document screen, String scherm, Map<String, String> typed) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(CSRF, WebClient.csrfToken(screen.outerHtml()));
        form.put("scherm", scherm);
        form.put("actie", "verder");
        form.putAll(typed);
        return web.postForm(path, form);
    }
}

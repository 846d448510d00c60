package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.testsupport.TestRows;

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
import static nl.bijstandsportaal.platform.db.generated.Tables.BEZWAAR;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_STAP;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.testsupport.TestToday.dutch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        HttpResponse<String> noDate = dennis.postForm("/consulent/aanvragen/" + id + "/besluit",
                Map.of(CSRF, kcsrf, "besluit", "TOEGEKEND", "bedrag", "449,95", "reden", reason));
        assertEquals(400, noDate.statusCode());
        assertTrue(noDate.body().contains("href=\"#betaaldatum\""), "a grant says when it is paid");
        assertEquals(reason, Jsoup.parse(noDate.body()).getElementById("reden").val(), "what was typed stays");
        LocalDate paid = TestToday.date().plusDays(10);
        // The first press checks how readable the reason is; nothing is decided yet and the form keeps what was typed.
        HttpResponse<String> checked = dennis.postForm("/consulent/aanvragen/" + id + "/besluit",
                Map.of(CSRF, kcsrf, "besluit", "TOEGEKEND", "bedrag", "449,95", "betaaldatum", paid.toString(), "reden", reason));
        assertEquals(200, checked.statusCode());
        Document readable = Jsoup.parse(checked.body());
        assertTrue(readable.getElementById("leesbaarheid-besluit").text().contains("Leesbaarheid van je tekst"), readable.text());
        assertEquals(reason, readable.getElementById("reden").val());
        assertEquals("449,95", readable.getElementById("bedrag").val());
        assertEquals(1, readable.select("button[name=gecontroleerd][value=ja]").size(), "after the check the consulent can send");
        assertNull(db.fetchOne(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id)).getBesluit(), "nothing decided on the first press");
        assertEquals(303, dennis.postForm("/consulent/aanvragen/" + id + "/besluit",
                Map.of(CSRF, kcsrf, "besluit", "TOEGEKEND", "bedrag", "449,95", "betaaldatum", paid.toString(), "reden", reason,
                        "gecontroleerd", "ja")).statusCode());
        dennis.postForm("/consulent/aanvragen/" + id + "/besluit", Map.of(CSRF, kcsrf, "besluit", "AFGEWEZEN", "reden", "nee", "gecontroleerd", "ja"));
        assertEquals("TOEGEKEND", db.fetchOne(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id)).getBesluit(), "a decision is taken once");
        assertEquals(java.util.List.of("INGETROKKEN"), db.select(DOCUMENTVERZOEK.STATUS).from(DOCUMENTVERZOEK)
                .where(DOCUMENTVERZOEK.AANVRAAG_ID.eq(row.getId())).fetch(DOCUMENTVERZOEK.STATUS),
                "proof not sent is no longer asked once decided: the reminders stop");
        assertEquals(1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AanvraagService.DECIDED).and(AUDIT_EVENT.DETAILS.contains(row.getKenmerk()))));
        assertTrue(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AanvraagService.OPENED)) >= 1, "opening is audited");

        // The citizen reads the decision, why, and until when bezwaar is possible; and has a message.
        String decided = Jsoup.parse(later.get(path).body()).text().replace('\u00a0', ' ');
        assertTrue(decided.contains("Je krijgt € 449,95.") && decided.contains(reason), decided);
        assertTrue(decided.contains("Het geld staat uiterlijk " + dutch(paid) + " op je rekening."), decided);
        assertTrue(decided.contains("Dat kan tot en met " + dutch(Termijnen.bezwaarUntil(TestToday.date(), 6))), decided);
        long henkId = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(HENK)).fetchOne(BURGER.ID);
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(henkId).and(MELDING.TEKST.eq("notification.aanvraag.besluit")).and(MELDING.LINK.eq(path))));
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


    /**
     * The legal clock and both sides of what follows a sent application: the proof list (sent from the phone), a
     * hersteltermijn that stops the clock, a verdaging, a grant above the four-eyes amount that a second employee
     * turns down and then approves, the letter, and a bezwaar that reaches the consulent.
     */
    @Test
    void followedToTheDecisionAndABezwaar() {
        WebClient henk = citizen(HENK);
        String path = applyForWashingMachine(henk, "1250,00");
        String id = path.substring("/aanvragen/".length());
        var row = db.fetchOne(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id));
        long henkId = row.getBurgerId();

        // The receipt, and the proof list: one request per item, to send from the phone now or later.
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(henkId).and(MELDING.TEKST.eq("notification.aanvraag.verstuurd.bewijs")).and(MELDING.LINK.eq(path))));
        Document status = Jsoup.parse(henk.get(path).body());
        assertTrue(status.text().contains("Papieren bij je aanvraag") && status.text().contains("Een offerte of rekening van de kosten"), status.text());
        String proofLink = status.select("#papieren-titel + p + ul a[href^=/documenten/]").attr("href");
        assertFalse(proofLink.isEmpty(), status.html());
        String proofPage = henk.get(proofLink).body();
        assertTrue(Jsoup.parse(proofPage).text().contains(row.getKenmerk()), "the request names the application");
        assertEquals(303, henk.postMultipart(proofLink + "?csrfToken=" + WebClient.csrfToken(proofPage), Map.of(), "bestand",
                "offerte.pdf", "application/pdf", PDF).statusCode());
        assertTrue(Jsoup.parse(henk.get(path).body()).text().contains("Gestuurd op " + dutch(TestToday.date())));

        // Sent ten days ago (moved in the database): the consulent sees the clock.
        db.update(AANVRAAG).set(AANVRAAG.VERSTUURD_OP, TestToday.utc().minusDays(10)).where(AANVRAAG.ID.eq(row.getId())).execute();
        LocalDate received = TestToday.date().minusDays(10);
        WebClient dennis = employee(DENNIS);
        String consulentPath = "/consulent/aanvragen/" + id;
        Document one = Jsoup.parse(dennis.get(consulentPath).body());
        assertTrue(one.text().contains("offerte.pdf"), "the consulent sees the proof sent");
        String csrf = WebClient.csrfToken(one.outerHtml());

        // "Buiten behandeling" needs a hersteltermijn that passed unused (Awb 4:5).
        HttpResponse<String> tooSoon = dennis.postForm(consulentPath + "/besluit", Map.of(CSRF, csrf, "besluit", "BUITEN_BEHANDELING",
                "reden", "Je stuurde niet alles."));
        assertEquals(400, tooSoon.statusCode());
        assertTrue(Jsoup.parse(tooSoon.body()).select(".portal-error-summary a[href=#besluit]").text().contains("Awb 4:5"));

        // A request to complete the application, asked 4 days ago (moved): the clock stands still for the citizen.
        HttpResponse<String> noWhat = dennis.postForm(consulentPath + "/herstel", Map.of(CSRF, csrf, "wat", "", "waarom", "",
                "uiterlijk", TestToday.date().plusDays(14).toString()));
        assertEquals(400, noWhat.statusCode());
        assertTrue(noWhat.body().contains("href=\"#wat\"") && noWhat.body().contains("href=\"#waarom\""));
        String why = "Op de offerte staat geen naam van de winkel.\nStuur een offerte met de naam erop.";
        Map<String, String> herstel = Map.of(CSRF, csrf, "wat", "Een offerte met de naam van de winkel",
                "waarom", why, "uiterlijk", TestToday.date().plusDays(14).toString());
        Document herstelChecked = Jsoup.parse(dennis.postForm(consulentPath + "/herstel", herstel).body());
        assertNotNull(herstelChecked.getElementById("leesbaarheid-herstel"), "the request is checked before it goes out");
        assertEquals(why, herstelChecked.getElementById("waarom").val());
        assertEquals(0, db.fetchCount(DOCUMENTVERZOEK, DOCUMENTVERZOEK.AANVRAAG_ID.eq(row.getId()).and(DOCUMENTVERZOEK.SOORT.eq("HERSTEL"))));
        assertEquals(303, dennis.postForm(consulentPath + "/herstel", seen(herstel)).statusCode());
        db.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.GEVRAAGD_OP, TestToday.utc().minusDays(4))
                .where(DOCUMENTVERZOEK.AANVRAAG_ID.eq(row.getId()).and(DOCUMENTVERZOEK.SOORT.eq("HERSTEL"))).execute();
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(henkId).and(MELDING.TEKST.eq("notification.document.herstel")).and(MELDING.ARGUMENTEN.contains("naam van de winkel"))));
        Document waiting = Jsoup.parse(henk.get(path).body());
        String text = waiting.text();
        assertTrue(text.contains("We hebben iets nodig: Een offerte met de naam van de winkel. Stuur het uiterlijk "
                + dutch(TestToday.date().plusDays(14))), text);
        assertTrue(waiting.html().contains("Op de offerte staat geen naam van de winkel.") && text.contains("Stuur een offerte met de naam erop."),
                "the citizen reads the consulent's words whole");
        assertTrue(text.contains("staat de tijd voor het besluit stil"), text);
        assertTrue(Jsoup.parse(dennis.get("/consulent/aanvragen").body()).text().contains("Staat stil"), "paused in the work list");

        // The citizen sends it: the clock runs again, 4 days later than before.
        String herstelLink = waiting.select("a[href^=/documenten/]").stream().filter(a -> a.text().startsWith("Stuur het nu"))
                .findFirst().orElseThrow().attr("href");
        String herstelPage = henk.get(herstelLink).body();
        assertEquals(303, henk.postMultipart(herstelLink + "?csrfToken=" + WebClient.csrfToken(herstelPage), Map.of(), "bestand",
                "offerte-winkel.pdf", "application/pdf", PDF2).statusCode());
        LocalDate deadline = Termijnen.nextWorkingDay(received.plusWeeks(8).plusDays(4));
        assertTrue(Jsoup.parse(henk.get(path).body()).text().contains("Uitslag uiterlijk " + dutch(deadline)));
        one = Jsoup.parse(dennis.get(consulentPath).body());
        assertTrue(one.text().contains("stond 4 dagen stil") && one.text().contains(dutch(deadline)), one.text());

        // Verdaging: a date after the deadline, at most the period again, with a reason; once.
        HttpResponse<String> early = dennis.postForm(consulentPath + "/verdaging", Map.of(CSRF, csrf, "tot", deadline.toString(), "waaromLater", ""));
        assertEquals(400, early.statusCode());
        assertTrue(early.body().contains("href=\"#tot\"") && early.body().contains("href=\"#waaromLater\""));
        LocalDate later = deadline.plusWeeks(4);
        String laterWhy = "We wachten op een prijs van een tweede winkel.";
        Map<String, String> verdaging = Map.of(CSRF, csrf, "tot", later.toString(), "waaromLater", laterWhy);
        Document verdagingChecked = Jsoup.parse(dennis.postForm(consulentPath + "/verdaging", verdaging).body());
        assertNotNull(verdagingChecked.getElementById("leesbaarheid-verdaging"), "the reason is checked before it goes out");
        assertNull(db.fetchOne(AANVRAAG, AANVRAAG.ID.eq(row.getId())).getVerdaagdTot());
        assertEquals(303, dennis.postForm(consulentPath + "/verdaging", seen(verdaging)).statusCode());
        assertEquals(400, dennis.postForm(consulentPath + "/verdaging", Map.of(CSRF, csrf, "tot", later.plusDays(1).toString(),
                "waaromLater", "Nog later.")).statusCode(), "once");
        text = Jsoup.parse(henk.get(path).body()).text();
        assertTrue(text.contains("De gemeente heeft meer tijd nodig. Uitslag uiterlijk " + dutch(Termijnen.nextWorkingDay(later))) && text.contains(laterWhy), text);
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(henkId).and(MELDING.TEKST.eq("notification.aanvraag.verdaagd")).and(MELDING.LINK.eq(path))));

        // Four eyes: 1.250,00 is above Utrecht's amount; Dennis proposes, cannot approve it himself.
        LocalDate paid = TestToday.date().plusDays(7);
        String reason = "Je wasmachine is kapot. Je kunt geen nieuwe betalen. Wij betalen een nieuwe.";
        assertEquals(303, dennis.postForm(consulentPath + "/besluit", Map.of(CSRF, csrf, "besluit", "TOEGEKEND", "bedrag", "1250,00",
                "betaaldatum", paid.toString(), "reden", reason, "gecontroleerd", "ja")).statusCode());
        assertEquals("VOORGESTELD", db.fetchOne(AANVRAAG, AANVRAAG.ID.eq(row.getId())).getStatus());
        assertFalse(Jsoup.parse(henk.get(path).body()).text().contains(reason), "the citizen hears nothing before the second employee agrees");
        assertEquals(0, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(henkId).and(MELDING.TEKST.eq("notification.aanvraag.besluit")).and(MELDING.LINK.eq(path))));
        assertTrue(Jsoup.parse(dennis.get(consulentPath).body()).text().contains("Een andere medewerker moet het goedkeuren"));
        assertEquals(400, dennis.postForm(consulentPath + "/akkoord", Map.of(CSRF, csrf, "keuze", "akkoord")).statusCode());
        assertEquals("VOORGESTELD", db.fetchOne(AANVRAAG, AANVRAAG.ID.eq(row.getId())).getStatus());

        // Lotte does not agree (a note is required), Dennis reads why and proposes again; then Lotte agrees.
        WebClient lotte = employee(LOTTE);
        Document review = Jsoup.parse(lotte.get(consulentPath).body());
        assertTrue(review.text().contains("Dennis de Boer stelt voor") && review.text().contains(reason), review.text());
        String lcsrf = WebClient.csrfToken(review.outerHtml());
        HttpResponse<String> noNote = lotte.postForm(consulentPath + "/akkoord", Map.of(CSRF, lcsrf, "keuze", "niet", "notitie", ""));
        assertEquals(400, noNote.statusCode());
        assertTrue(noNote.body().contains("href=\"#notitie\""));
        assertEquals(303, lotte.postForm(consulentPath + "/akkoord", Map.of(CSRF, lcsrf, "keuze", "niet",
                "notitie", "Vraag eerst een tweede offerte.")).statusCode());
        assertTrue(Jsoup.parse(dennis.get(consulentPath).body()).text().contains("Vraag eerst een tweede offerte."), "the note reaches the first");
        assertEquals(303, dennis.postForm(consulentPath + "/besluit", Map.of(CSRF, csrf, "besluit", "TOEGEKEND", "bedrag", "1250,00",
                "betaaldatum", paid.toString(), "reden", reason, "gecontroleerd", "ja")).statusCode());
        assertEquals(303, lotte.postForm(consulentPath + "/akkoord", Map.of(CSRF, lcsrf, "keuze", "akkoord")).statusCode());
        var decided = db.fetchOne(AANVRAAG, AANVRAAG.ID.eq(row.getId()));
        assertEquals("BESLOTEN", decided.getStatus());
        long lotteId = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(LOTTE)).fetchOne(MEDEWERKER.ID);
        assertEquals(lotteId, decided.getBeslotenDoor());
        assertEquals(2, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AanvraagService.PROPOSED).and(AUDIT_EVENT.DETAILS.contains(row.getKenmerk()))));
        assertEquals(1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AanvraagService.TURNED_DOWN).and(AUDIT_EVENT.DETAILS.contains(row.getKenmerk()))));
        assertEquals(1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AanvraagService.APPROVED).and(AUDIT_EVENT.DETAILS.contains(row.getKenmerk()))));
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(henkId).and(MELDING.TEKST.eq("notification.aanvraag.besluit")).and(MELDING.LINK.eq(path))));

        // The citizen reads the decision and the letter; another citizen gets 404.
        text = Jsoup.parse(henk.get(path).body()).text().replace('\u00a0', ' ');
        assertTrue(text.contains("Je krijgt € 1.250.") && text.contains("Het geld staat uiterlijk " + dutch(paid) + " op je rekening."), text);
        String letter = Jsoup.parse(henk.get(path + "/brief").body()).text().replace('\u00a0', ' ');
        LocalDate bezwaarUntil = Termijnen.bezwaarUntil(TestToday.date(), 6);
        assertTrue(letter.contains("Kenmerk: " + row.getKenmerk()) && letter.contains(reason) && letter.contains("Participatiewet, artikel 35")
                && letter.contains("Maak dan bezwaar, uiterlijk " + dutch(bezwaarUntil)), letter);
        assertEquals(404, citizen(SANNE).get(path + "/brief").statusCode());

        // Bezwaar: the field is named when empty; sent once; it reaches the consulent's work list, first.
        Document decidedPage = Jsoup.parse(henk.get(path).body());
        String hcsrf = WebClient.csrfToken(decidedPage.outerHtml());
        HttpResponse<String> empty = henk.postForm(path + "/bezwaar", Map.of(CSRF, hcsrf, "waarom", " "));
        assertEquals(400, empty.statusCode());
        assertTrue(Jsoup.parse(empty.body()).select(".portal-error-summary a[href=#waarom]").text().contains("waarom"));
        String objection = "Een nieuwe wasmachine kost meer dan 1.250 euro.\nIk heb 3 offertes.";
        assertEquals(303, henk.postForm(path + "/bezwaar", Map.of(CSRF, hcsrf, "waarom", objection)).statusCode());
        assertEquals(303, henk.postForm(path + "/bezwaar", Map.of(CSRF, hcsrf, "waarom", "nog een keer")).statusCode());
        assertEquals(1, db.fetchCount(BEZWAAR, BEZWAAR.AANVRAAG_ID.eq(row.getId())), "one bezwaar per decision");
        String kenmerk = db.fetchOne(BEZWAAR, BEZWAAR.AANVRAAG_ID.eq(row.getId())).getKenmerk();
        assertTrue(kenmerk.matches("B\\d{7}"), kenmerk);
        assertTrue(Jsoup.parse(henk.get(path).body()).text().contains("Je hebt bezwaar gemaakt op " + dutch(TestToday.date()) + ". Kenmerk: " + kenmerk));
        Document workList = Jsoup.parse(dennis.get("/consulent/aanvragen").body());
        assertTrue(workList.select("tbody tr").first().text().contains("Nieuw bezwaar"), workList.text());
        Document seen = Jsoup.parse(dennis.get(consulentPath).body());
        assertTrue(seen.html().contains("Een nieuwe wasmachine kost meer dan 1.250 euro.") && seen.text().contains("Ik heb 3 offertes."),
                "the consulent reads the bezwaar whole");
        assertFalse(Jsoup.parse(dennis.get("/consulent/aanvragen").body()).text().contains("Nieuw bezwaar"), "seen");
    }

    /** A bijzondere bijstand application for a washing machine, sent; its path. */
    /**
     * A request to complete the application given more time while it runs, answered, then found not good enough and asked
     * again: the decision clock stays right (Awb 4:5, 4:15; Termijnen.herstel, docs/adr/0024).
     */
    @Test
    void aHersteltermijnGetsMoreTimeAndIsAskedAgain() {
        WebClient henk = citizen(HENK);
        String path = applyForWashingMachine(henk, "449,95");
        String id = path.substring("/aanvragen/".length());
        var row = db.fetchOne(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id));
        db.update(AANVRAAG).set(AANVRAAG.VERSTUURD_OP, TestToday.utc().minusDays(20)).where(AANVRAAG.ID.eq(row.getId())).execute();
        LocalDate received = TestToday.date().minusDays(20);
        WebClient dennis = employee(DENNIS);
        String consulentPath = "/consulent/aanvragen/" + id;
        String csrf = WebClient.csrfToken(dennis.get(consulentPath).body());
        assertEquals(303, dennis.postForm(consulentPath + "/herstel", Map.of(CSRF, csrf, "wat", "Een offerte met de naam van de winkel",
                "waarom", "Op de offerte staat geen naam van de winkel.", "uiterlijk", TestToday.date().plusDays(7).toString(),
                "gecontroleerd", "ja")).statusCode());
        // Asked 6 days ago (moved in the database).
        db.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.GEVRAAGD_OP, TestToday.utc().minusDays(6))
                .where(DOCUMENTVERZOEK.AANVRAAG_ID.eq(row.getId()).and(DOCUMENTVERZOEK.SOORT.eq("HERSTEL"))).execute();
        var herstel = db.selectFrom(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.AANVRAAG_ID.eq(row.getId()).and(DOCUMENTVERZOEK.SOORT.eq("HERSTEL"))).fetchSingle();

        // From the application's papers to the request's own page; more time while the term runs.
        Document one = Jsoup.parse(dennis.get(consulentPath).body());
        String link = one.select("#papieren-titel ~ ul a[href*=/documentverzoeken/" + herstel.getPublicId() + "]").attr("href");
        assertTrue(link.endsWith("?terug=" + consulentPath), one.html());
        String requestPath = link.substring(0, link.indexOf('?'));
        String token = WebClient.csrfToken(dennis.get(link).body());
        HttpResponse<String> extended = dennis.postForm(requestPath + "/meer-tijd", Map.of(CSRF, token,
                "verlengTot", TestToday.date().plusDays(14).toString(), "verlengReden", "", "terug", consulentPath));
        assertEquals(303, extended.statusCode(), extended.body());
        assertTrue(WebClient.location(extended).contains("terug=" + consulentPath));
        assertTrue(Jsoup.parse(dennis.get(consulentPath).body()).text().contains("De termijn staat stil"), "still waiting for the citizen");
        assertTrue(Jsoup.parse(henk.get(path).body()).text().contains("We hebben iets nodig: Een offerte met de naam van de winkel. Stuur het uiterlijk "
                + dutch(TestToday.date().plusDays(14))));

        // Henk sends a file today: the pause lasted 6 days, the later last day changes nothing once it is sent.
        String herstelLink = "/documenten/" + herstel.getPublicId();
        assertEquals(303, henk.postMultipart(herstelLink + "?csrfToken=" + WebClient.csrfToken(henk.get(herstelLink).body()), Map.of(), "bestand",
                "offerte.pdf", "application/pdf", PDF).statusCode());
        LocalDate deadline = Termijnen.nextWorkingDay(received.plusWeeks(8).plusDays(6));
        assertTrue(Jsoup.parse(henk.get(path).body()).text().contains("Uitslag uiterlijk " + dutch(deadline)));
        assertTrue(Jsoup.parse(dennis.get(consulentPath).body()).text().contains("stond 6 dagen stil"));

        // The file came 2 days ago (moved); today it is found not good enough: the first pause ended with the file
        // (4 days), the days the municipality had it count, and a new pause starts today.
        db.update(DOCUMENTVERZOEK_STAP).set(DOCUMENTVERZOEK_STAP.OP, TestToday.utc().minusDays(2))
                .where(DOCUMENTVERZOEK_STAP.VERZOEK_ID.eq(herstel.getId()).and(DOCUMENTVERZOEK_STAP.SOORT.eq("FILE_SENT"))).execute();
        HttpResponse<String> again = dennis.postForm(requestPath + "/opnieuw", Map.of(CSRF, token, "bestanden", "1",
                "opnieuwUitleg", "Op deze offerte staat ook geen naam. Vraag de winkel om een offerte met hun naam erop.",
                "opnieuwTot", TestToday.date().plusDays(7).toString(), "terug", consulentPath, "gecontroleerd", "ja"));
        assertEquals(303, again.statusCode(), again.body());
        String consulentText = Jsoup.parse(dennis.get(consulentPath).body()).text();
        assertTrue(consulentText.contains("De termijn staat stil") && consulentText.contains("stond 4 dagen stil"), consulentText);
        String citizenText = Jsoup.parse(henk.get(path).body()).text();
        assertTrue(citizenText.contains("staat de tijd voor het besluit stil") && citizenText.contains("Stuur het uiterlijk " + dutch(TestToday.date().plusDays(7))),
                citizenText);

        // The new file ends the second pause today: 4 days in all, and the date follows.
        assertEquals(303, henk.postMultipart(herstelLink + "?csrfToken=" + WebClient.csrfToken(henk.get(herstelLink).body()), Map.of(), "bestand",
                "offerte-met-naam.pdf", "application/pdf", PDF2).statusCode());
        assertTrue(Jsoup.parse(henk.get(path).body()).text().contains("Uitslag uiterlijk " + dutch(Termijnen.nextWorkingDay(received.plusWeeks(8).plusDays(4)))));
    }

    private String applyForWashingMachine(WebClient web, String amount) {
        String detail = web.get("/regelingen/bijzondere-bijstand").body();
        String path = WebClient.location(web.postForm("/aanvragen/start", Map.of(CSRF, WebClient.csrfToken(detail), "regeling", "bijzondere-bijstand")));
        Map<String, Map<String, String>> answers = Map.of("kosten", Map.of("kosten", "witgoed"),
                "omschrijving", Map.of("omschrijving", "Mijn wasmachine is kapot."), "bedrag", Map.of("bedrag", amount),
                "vergoed", Map.of("vergoed", "nee"), "spaargeld", Map.of("spaargeld", "250"));
        Document screen = Jsoup.parse(web.get(path).body());
        while (screen.select("input[name=scherm]").size() == 1) {
            String scherm = screen.select("input[name=scherm]").val();
            assertEquals(303, answer(web, path, screen, scherm, answers.get(scherm)).statusCode(), scherm);
            screen = Jsoup.parse(web.get(path).body());
        }
        assertEquals(303, web.postForm(path + "/versturen", Map.of(CSRF, WebClient.csrfToken(screen.outerHtml()))).statusCode());
        return path;
    }

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PDF2 = "%PDF-1.4\n2 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The same form, sent after the readability check ("Versturen"). */
    private static Map<String, String> seen(Map<String, String> form) {
        Map<String, String> sent = new LinkedHashMap<>(form);
        sent.put("gecontroleerd", "ja");
        return sent;
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

package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.KnownNorms;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING;
import static nl.bijstandsportaal.testsupport.MobileApp.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Wat krijg ik en wat moet ik doen?" and "Wijziging doorgeven" through HTTP, for the demo citizens, on the suite's
 * day (TestToday): pages, the app's API, bad input, other people's data. Dates are said relative to that day. Amounts
 * are the published ones of the norm period they belong to (1 July 2026); on a day whose norms the rule data does not
 * know yet, the page must say so instead of showing an amount.
 */
@MicronautTest
class RightsPagesTest extends PortalTest {

    /** A text key that was not found shows as itself: such a thing must never reach a page. */
    private static final Pattern RAW_KEY = Pattern.compile("\\b(rights|change|rule|plicht|form|glossary)\\.[a-zA-Z_]+\\.?[a-zA-Z_.]*");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;
    @Inject
    RulesService rules;

    private static final LocalDate TODAY = TestToday.date();

    private boolean normsKnownOn(LocalDate day) {
        return KnownNorms.on(rules.book(), day);
    }

    /** Tim (Henk's son) turns 27 on the 15th of next month (DemoDataSeeder). */
    private static final LocalDate TIM_TURNS_27 = TODAY.plusMonths(1).withDayOfMonth(15);
    /** Fatima's ontheffing ends at the end of next month (DemoDataSeeder). */
    private static final LocalDate FATIMA_EXEMPT_UNTIL = TODAY.plusMonths(2).withDayOfMonth(1).minusDays(1);


    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // who | BSN | paid this month (excl. vakantietoeslag) | a sentence only their situation gives
            "Sanne, single, Westland|999990019|€ 1.348,49|Je mag 4 weken per jaar naar het buitenland.",
            "Fatima, single parent, Westland|999990032|€ 1.348,49|Dit hoef je nu niet te doen. Dat geldt tot en met {fatimaUntil}.",
            "Jan and Petra, partners, Utrecht|999990044|€ 1.926,40|Nederlands leren",
            "Henk with Lisa (29), Utrecht|999990056|€ 963,20|Tim wordt 27 op {timTurns27}.",
            "Ahmed, 23, Westland|999990068|€ 1.348,49|Je leert Nederlands",
    })
    void theOverviewIsAboutThisCitizenWithTheirAmount(String who, String bsn, String perMonth, String own) {
        WebClient web = citizen(bsn);
        HttpResponse<String> page = web.get("/rechten-en-plichten");
        assertEquals(200, page.statusCode(), page.body());
        Document doc = Jsoup.parse(page.body());
        String text = doc.body().text().replace('\u00a0', ' ');
        if (normsKnownOn(TODAY)) {
            assertEquals(perMonth, doc.selectFirst(".portal-amount__value").text().replace('\u00a0', ' '), who);
            assertFalse(doc.select("details summary").isEmpty(), "hoe is dit berekend?");
        } else {
            assertTrue(doc.select(".portal-amount__value").isEmpty(), who + ": no amount while the norms are not known");
            assertTrue(text.contains("De bedragen voor " + TestToday.dutch(java.time.YearMonth.from(TODAY)) + " staan nog niet in het portaal."), text);
        }
        String ownText = own.replace("{fatimaUntil}", TestToday.dutch(FATIMA_EXEMPT_UNTIL)).replace("{timTurns27}", TestToday.dutch(TIM_TURNS_27));
        assertTrue(text.contains(ownText), who + ": " + text);
        assertFalse(RAW_KEY.matcher(text).find(), who + " sees a text key: " + RAW_KEY.matcher(text).results().map(r -> r.group()).toList());
        assertEquals(1, doc.select("h1").size());

        HttpResponse<String> english = web.language("en").get("/rechten-en-plichten");
        String englishText = Jsoup.parse(english.body()).body().text();
        assertTrue(englishText.contains("What do I get?"), englishText);
        assertFalse(RAW_KEY.matcher(englishText).find(), who + " (en) sees a text key: "
                + RAW_KEY.matcher(englishText).results().map(r -> r.group()).toList());
    }

    @Test
    void henksNormIsExplainedWithTheKostendelersnorm() {
        Document doc = Jsoup.parse(citizen(HENK).get("/rechten-en-plichten").body());
        if (normsKnownOn(TODAY)) {
            String how = doc.selectFirst("details.portal-details").text().replace('\u00a0', ' ');
            assertTrue(how.contains("(40 + 2 × 30) / 2 = 50 procent"), how);
            assertTrue(how.contains("Lisa"), how);
        }
        String upcoming = doc.selectFirst("#binnenkort").parent().text().replace('\u00a0', ' ');
        String tim = "Tim wordt 27 op " + TestToday.dutch(TIM_TURNS_27) + ". Vanaf dan deelt Tim de kosten met je";
        assertTrue(upcoming.contains(normsKnownOn(TIM_TURNS_27) ? tim + ". Je norm wordt dan waarschijnlijk € 878,71 per maand."
                : tim + ", en krijg je minder bijstand. We laten je het bedrag weten zodra het bekend is."), upcoming);
    }

    @Test
    void readingIsRememberedAndTheQuizTeaches() {
        WebClient web = citizen(JAN);
        HttpResponse<String> page = web.get("/rechten-en-plichten");
        assertTrue(page.body().contains("Ik heb dit gelezen"));
        HttpResponse<String> read = web.postForm("/rechten-en-plichten/gelezen", Map.of("csrfToken", WebClient.csrfToken(page.body())));
        assertEquals(303, read.statusCode());
        String after = web.follow(read).body();
        assertTrue(after.contains("Je hebt dit gelezen op " + TestToday.dutch(TODAY)), after);

        HttpResponse<String> quiz = web.get("/rechten-en-plichten/quiz");
        assertEquals(200, quiz.statusCode());
        assertTrue(quiz.body().contains("Mag je 6 weken naar het buitenland?"));
        HttpResponse<String> result = web.postForm("/rechten-en-plichten/quiz", Map.of("csrfToken", WebClient.csrfToken(quiz.body()),
                "buitenland", "ja", "boodschappen", "boven-grens", "inwoning", "meteen"));
        assertEquals(200, result.statusCode(), result.body());
        String text = Jsoup.parse(result.body()).text().replace('\u00a0', ' ');
        assertTrue(text.contains("Je had 2 van de 3 vragen goed"), text);
        assertTrue(text.contains("Je mag 4 weken per jaar naar het buitenland."), text);
        assertTrue(web.get("/rechten-en-plichten").body().contains("had 2 van de 3 vragen goed"));
    }

    /** Karim moves in with Henk on the first of next month. */
    private static final LocalDate MOVES_IN = TODAY.plusMonths(1).withDayOfMonth(1);

    @Test
    void aChangeWithProofLandsWithTheConsulentAndSaysWhatItWillProbablyDo() {
        WebClient web = citizen(HENK);
        String form = web.get("/wijziging/iemand-komt-wonen").body();
        HttpResponse<String> sent = postMultipart(web, "/wijziging/iemand-komt-wonen?csrfToken=" + WebClient.csrfToken(form),
                Map.of("naam", "Karim", "geboortedatum", "1990-04-02", "huishoudstatus", "GEEN", "datum", MOVES_IN.toString(),
                        "toelichting", "Karim is mijn broer.\nHij zoekt een eigen huis."), PDF);
        assertEquals(303, sent.statusCode(), sent.body());
        HttpResponse<String> receipt = web.follow(sent);
        String text = Jsoup.parse(receipt.body()).text().replace('\u00a0', ' ');
        assertTrue(text.contains("Je wijziging is verstuurd"), text);
        assertTrue(text.contains("Dennis de Boer, je consulent, bekijkt je wijziging."), text);
        String effect = normsKnownOn(MOVES_IN)
                ? "Je krijgt waarschijnlijk minder bijstand vanaf " + TestToday.dutch(MOVES_IN) + ". Je norm wordt dan € 878,71 per maand in plaats van € 1.013,90"
                : "We kunnen nog niet uitrekenen wat dit doet met je bijstand, omdat de bedragen voor " + TestToday.dutch(java.time.YearMonth.from(MOVES_IN))
                  + " nog niet bekend zijn.";
        assertTrue(text.contains(effect), text);
        assertTrue(text.contains("bewijs.pdf"), text);
        assertTrue(text.contains("Karim") && text.contains("2 april 1990") && text.contains("Karim is mijn broer."), "the receipt shows what was typed");
        assertTrue(web.get("/wijziging").body().contains("Iemand komt bij je wonen"));

        String publicId = receipt.uri().getPath().substring("/wijziging/verstuurd/".length());
        var row = db.selectFrom(WIJZIGING).where(WIJZIGING.PUBLIC_ID.eq(publicId)).fetchSingle();
        assertEquals("INWONER_ERBIJ", row.getSoort());
        assertEquals("NIEUW", row.getStatus());
        assertTrue(row.getConsulentId() != null, "it lands with the consulent");

        assertEquals(404, citizen(SANNE).get("/wijziging/verstuurd/" + publicId).statusCode(), "another citizen's change");

        // The consulent sees it in the file, with what the citizen was told, and opens the proof (audited).
        WebClient dennis = employee(DENNIS);
        Document file = Jsoup.parse(dennis.get("/consulent/burgers/" + row.getBurgerId()).body());
        String fileText = file.text().replace('\u00a0', ' ');
        assertTrue(fileText.contains(row.getKenmerk()), fileText);
        assertTrue(fileText.contains("De burger kreeg te zien: " + effect), fileText);
        // What the citizen typed reaches the consulent whole: who, born when, studying, and their own note.
        assertTrue(fileText.contains("Karim") && fileText.contains("2 april 1990") && fileText.contains("Nee, geen van deze")
                && fileText.contains("Karim is mijn broer.") && fileText.contains("Hij zoekt een eigen huis."), fileText);
        String proofLink = file.select("a[href*=/bewijs/]").last().attr("href");
        HttpResponse<String> proof = dennis.get(proofLink);
        assertEquals(200, proof.statusCode());
        assertEquals("application/pdf", proof.headers().firstValue("Content-Type").orElse(""));
        assertTrue(proof.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(row.getBurgerId()).and(AUDIT_EVENT.ACTION.eq("BEWIJS_BEKEKEN"))));
        assertEquals(404, employee(MARIEKE).get(proofLink).statusCode(), "a consulent of another municipality");

        // The consulent handles it; Henk sees the new state and gets a message, written with the step.
        String token = WebClient.csrfToken(file.outerHtml());
        String step = "/consulent/burgers/" + row.getBurgerId() + "/wijzigingen/" + publicId;
        WebClient marieke = employee(MARIEKE);
        assertEquals(404, marieke.postForm(step, Map.of("csrfToken", WebClient.csrfToken(marieke.get("/consulent").body()),
                "status", "AFGEHANDELD")).statusCode(), "a consulent of another municipality");
        assertEquals(400, dennis.postForm(step, Map.of("csrfToken", token, "status", "WEG")).statusCode());
        long jan = db.select(nl.bijstandsportaal.platform.db.generated.Tables.BURGER.ID).from(nl.bijstandsportaal.platform.db.generated.Tables.BURGER)
                .where(nl.bijstandsportaal.testsupport.TestRows.bsnIs(JAN)).fetchSingle(nl.bijstandsportaal.platform.db.generated.Tables.BURGER.ID);
        assertEquals(404, dennis.postForm("/consulent/burgers/" + jan + "/wijzigingen/" + publicId,
                Map.of("csrfToken", token, "status", "AFGEHANDELD")).statusCode(), "Henk's change through another citizen's file");
        HttpResponse<String> handled = dennis.postForm(step, Map.of("csrfToken", token, "status", "AFGEHANDELD"));
        assertEquals(303, handled.statusCode(), handled.body());
        assertEquals("AFGEHANDELD", db.select(WIJZIGING.STATUS).from(WIJZIGING).where(WIJZIGING.PUBLIC_ID.eq(publicId)).fetchSingle(WIJZIGING.STATUS));
        assertTrue(Jsoup.parse(web.get("/wijziging").body()).text().contains("Je consulent heeft het verwerkt."));
        var told = db.selectFrom(nl.bijstandsportaal.platform.db.generated.Tables.MELDING)
                .where(nl.bijstandsportaal.platform.db.generated.Tables.MELDING.SLEUTEL.eq("wijziging/" + publicId + "/afgehandeld")).fetchSingle();
        assertEquals("notification.change.status.AFGEHANDELD", told.getTekst());
        assertEquals("/wijziging/verstuurd/" + publicId, told.getLink());
        assertEquals(1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(row.getBurgerId()).and(AUDIT_EVENT.ACTION.eq("WIJZIGING_STATUS"))));
        // When and by whom it was handled, for the team lead's processing times.
        var handledRow = db.selectFrom(WIJZIGING).where(WIJZIGING.PUBLIC_ID.eq(publicId)).fetchSingle();
        assertEquals(TestToday.utc().toLocalDate(), handledRow.getAfgehandeldOp().toLocalDate());
        assertNotNull(handledRow.getAfgehandeldDoor());
        String speeds = Jsoup.parse(employee(LOTTE).get("/consulent/team").body()).select("#snelheid-tabel").parents().first().text();
        assertTrue(speeds.contains("Wijziging"), speeds);
    }

    @Test
    void badInputNamesTheFieldAndKeepsWhatWasTyped() {
        WebClient web = citizen(SANNE);
        String form = web.get("/wijziging/gift-of-erfenis").body();
        HttpResponse<String> back = postMultipart(web, "/wijziging/gift-of-erfenis?csrfToken=" + WebClient.csrfToken(form),
                Map.of("bedrag", "heel veel", "datum", TODAY.minusDays(3).toString(), "toelichting", "Boodschappen van mijn moeder"),
                "not a photo".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, back.statusCode());
        Document doc = Jsoup.parse(back.body());
        String summary = doc.selectFirst("#fouten").text();
        assertTrue(summary.contains("Bedrag: schrijf een bedrag in euro"), summary);
        assertTrue(summary.contains("Bewijs: dit soort bestand kunnen we niet openen"), summary);
        assertEquals("heel veel", doc.getElementById("bedrag").val());
        assertEquals("true", doc.getElementById("bedrag").attr("aria-invalid"));
        assertEquals("bedrag-hint bedrag-fout", doc.getElementById("bedrag").attr("aria-describedby"), "hint and error read with the field");
        assertTrue(doc.getElementById("bedrag").hasAttr("required"));
        assertEquals("Boodschappen van mijn moeder", doc.getElementById("toelichting").text());
        assertEquals("#bedrag", doc.selectFirst("#fouten a").attr("href"));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        WebClient web = citizen(SANNE);
        web.get("/wijziging/iets-anders");
        HttpResponse<String> refused = postMultipart(web, "/wijziging/iets-anders",
                Map.of("datum", TODAY.minusDays(3).toString(), "toelichting", "Ik ga trouwen"), null);
        assertEquals(403, refused.statusCode());
    }

    // ---- The app ----------------------------------------------------------------------------------------------

    @Test
    void theAppGetsTheSameOverviewAsData() throws IOException {
        String henk = new MobileApp(server.getURI(), json).login(citizen(HENK)).access();
        HttpResponse<String> response = browser().getJson("/api/v1/rechten", henk);
        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> overview = json.readValue(response.body(), Map.class);
        Map<?, ?> norm = (Map<?, ?>) overview.get("norm");
        if (normsKnownOn(TODAY)) {
            assertEquals(Map.of("bedrag", "963.20", "valuta", "EUR"), norm.get("perMaand"));
            assertEquals(Map.of("bedrag", "1013.90", "valuta", "EUR"), norm.get("inclVakantietoeslag"));
        } else {
            assertEquals(null, norm, "no norm while it is not known");
        }
        List<?> checklist = (List<?>) overview.get("checklist");
        assertEquals("inkomen", ((Map<?, ?>) checklist.get(0)).get("id"));
        List<?> upcoming = (List<?>) overview.get("komend");
        assertEquals("HUISGENOOT_27", ((Map<?, ?>) upcoming.get(0)).get("soort"));
        assertEquals(TIM_TURNS_27.toString(), ((Map<?, ?>) upcoming.get(0)).get("datum"));
        assertFalse(response.body().contains("\"juist\""), "the quiz answers are not given away");
    }

    @Test
    void theAppReportsAChangeOnceWithAnIdempotencyKeyAndAddsProof() throws IOException {
        String sanne = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        String key = UUID.randomUUID().toString();
        String body = "{\"soort\":\"BUITENLAND\",\"land\":\"Marokko\",\"datum\":\"" + TODAY.plusDays(20) + "\",\"datumTot\":\"" + TODAY.plusDays(33) + "\"}";
        HttpResponse<String> first = browser().postJson("/api/v1/wijzigingen", body, auth(sanne, key));
        HttpResponse<String> retry = browser().postJson("/api/v1/wijzigingen", body, auth(sanne, key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(first.body(), retry.body());
        Map<?, ?> receipt = json.readValue(first.body(), Map.class);
        String id = (String) receipt.get("id");
        assertEquals(1, db.fetchCount(WIJZIGING, WIJZIGING.PUBLIC_ID.eq(id)));
        assertTrue(((String) receipt.get("verwachtGevolg")).contains("14 dagen"), receipt.toString());

        HttpResponse<String> proof = browser().send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/wijzigingen/" + id + "/bewijs"))
                .header("Authorization", "Bearer " + sanne).header("Content-Type", "application/pdf")
                .header("X-Bestandsnaam", "ticket.pdf").header("Accept", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)));
        assertEquals(201, proof.statusCode(), proof.body());
        assertTrue(proof.body().contains("ticket.pdf"));

        String henk = new MobileApp(server.getURI(), json).login(citizen(HENK)).access();
        assertEquals(404, browser().getJson("/api/v1/wijzigingen/" + id, henk).statusCode(), "another citizen's change");
    }

    /**
     * ADR 0055: proof sent with a change has an id; the app downloads it, and deletes it while nobody has started on the
     * change (NIEUW); the consulent sees that on the file's timeline and no longer sees the file. After that: 409.
     */
    @Test
    void theAppDownloadsProofByItsIdAndDeletesItUntilTheConsulentStarts() throws IOException {
        String sanne = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        // Not a journey: that would add to the days abroad another test of this class counts (on any day, in any order).
        String body = "{\"soort\":\"ANDERS\",\"datum\":\"" + TODAY.plusDays(5) + "\",\"toelichting\":\"Ik ga een cursus volgen.\"}";
        HttpResponse<String> reported = browser().postJson("/api/v1/wijzigingen", body, auth(sanne, UUID.randomUUID().toString()));
        assertEquals(201, reported.statusCode(), reported.body());
        String id = (String) json.readValue(reported.body(), Map.class).get("id");
        byte[] wrong = (new String(PDF, StandardCharsets.US_ASCII) + "%verkeerd").getBytes(StandardCharsets.US_ASCII);
        assertEquals(201, changeProof(sanne, id, "vliegticket.pdf", PDF).statusCode());
        HttpResponse<String> both = changeProof(sanne, id, "verkeerd.pdf", wrong);
        assertEquals(201, both.statusCode(), both.body());
        List<?> files = (List<?>) json.readValue(both.body(), Map.class).get("bewijsBestanden");
        assertEquals(2, files.size(), both.body());
        String ticketId = (String) ((Map<?, ?>) files.get(0)).get("id");
        String wrongId = (String) ((Map<?, ?>) files.get(1)).get("id");
        assertEquals(true, ((Map<?, ?>) files.get(1)).get("verwijderbaar"));

        HttpResponse<String> download = download(sanne, "/api/v1/wijzigingen/" + id + "/bewijs/" + ticketId);
        assertEquals(200, download.statusCode(), download.body());
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), download.body(), "the bytes as sent");
        assertEquals("no-store", download.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(download.headers().firstValue("ETag").isEmpty());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("vliegticket.pdf"));
        String henk = new MobileApp(server.getURI(), json).login(citizen(HENK)).access();
        assertEquals(404, download(henk, "/api/v1/wijzigingen/" + id + "/bewijs/" + ticketId).statusCode());
        assertEquals(404, download(sanne, "/api/v1/wijzigingen/" + id + "/bewijs/" + UUID.randomUUID()).statusCode());
        assertEquals(404, browser().delete("/api/v1/wijzigingen/" + id + "/bewijs/" + wrongId, henk).statusCode());
        assertEquals(404, browser().delete("/api/v1/wijzigingen/" + id + "/bewijs/" + UUID.randomUUID(), sanne).statusCode());

        HttpResponse<String> deleted = browser().delete("/api/v1/wijzigingen/" + id + "/bewijs/" + wrongId, sanne);
        assertEquals(204, deleted.statusCode(), deleted.body());
        Map<?, ?> after = json.readValue(browser().getJson("/api/v1/wijzigingen/" + id, sanne).body(), Map.class);
        assertEquals(List.of("vliegticket.pdf"), after.get("bewijs"));
        assertEquals(404, download(sanne, "/api/v1/wijzigingen/" + id + "/bewijs/" + wrongId).statusCode(), "gone");
        long burger = db.select(WIJZIGING.BURGER_ID).from(WIJZIGING).where(WIJZIGING.PUBLIC_ID.eq(id)).fetchSingle(WIJZIGING.BURGER_ID);
        WebClient marieke = employee(MARIEKE);
        String timeline = Jsoup.parse(marieke.get("/consulent/burgers/" + burger + "/tijdlijn").body()).text();
        assertTrue(timeline.matches(".*Burger heeft bewijs verkeerd\\.pdf verwijderd om \\d\\d:\\d\\d uur \\(.*"), timeline);
        Document file = Jsoup.parse(marieke.get("/consulent/burgers/" + burger).body());
        String kenmerk = (String) after.get("kenmerk");
        assertEquals(1, file.select("a[href*=/bewijs/]").stream().filter(a -> a.text().contains(kenmerk)).count(), "the consulent sees one proof left");

        // The consulent starts on it: the proof is hers now.
        HttpResponse<String> started = marieke.postForm("/consulent/burgers/" + burger + "/wijzigingen/" + id,
                Map.of("csrfToken", WebClient.csrfToken(file.outerHtml()), "status", "IN_BEHANDELING"));
        assertEquals(303, started.statusCode(), started.body());
        HttpResponse<String> refused = browser().delete("/api/v1/wijzigingen/" + id + "/bewijs/" + ticketId, sanne);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("/problems/file-handled", json.readValue(refused.body(), Map.class).get("type"));
        Map<?, ?> handled = json.readValue(browser().getJson("/api/v1/wijzigingen/" + id, sanne).body(), Map.class);
        assertEquals(false, ((Map<?, ?>) ((List<?>) handled.get("bewijsBestanden")).get(0)).get("verwijderbaar"));
    }

    /**
     * Proof sent with a change is the citizen's to take back on the web too while the change is NIEUW (ADR 0055): a
     * download link, "Verwijderen" to a page that says what will happen, a form with the CSRF token, the same rule as
     * the app; the consulent sees it on the file's timeline. Once she has started: no link, one sentence why, and a
     * direct POST gets 409 with that page. Another citizen: 404.
     */
    @Test
    void theCitizenDeletesProofOnTheWebUntilTheConsulentStarts() {
        WebClient sanne = citizen(SANNE);
        // Not a journey: that would add to the days abroad another test of this class counts (on any day, in any order).
        String form = sanne.get("/wijziging/iets-anders").body();
        HttpResponse<String> sent = sanne.postMultipart("/wijziging/iets-anders?csrfToken=" + WebClient.csrfToken(form),
                Map.of("datum", TODAY.plusDays(6).toString(), "toelichting", "Ik ga een cursus volgen."),
                "bewijs", "reisplan.pdf", "application/pdf", PDF);
        assertEquals(303, sent.statusCode(), sent.body());
        String page = WebClient.location(sent);
        String id = page.substring("/wijziging/verstuurd/".length());
        Document receipt = Jsoup.parse(sanne.get(page).body());
        var deleteLinks = receipt.select("main a[href$=/verwijderen]");
        assertEquals(1, deleteLinks.size(), deleteLinks.toString());
        assertTrue(deleteLinks.get(0).text().contains("Verwijderen (reisplan.pdf)"), deleteLinks.toString());
        String confirmPath = deleteLinks.get(0).attr("href");
        String downloadPath = receipt.select("main a").stream().filter(a -> a.text().equals("Downloaden (reisplan.pdf)"))
                .findFirst().orElseThrow(() -> new AssertionError(receipt.outerHtml())).attr("href");
        HttpResponse<String> download = sanne.get(downloadPath);
        assertEquals(200, download.statusCode(), download.body());
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), download.body(), "her own proof, as sent");
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        WebClient henk = citizen(HENK);
        assertEquals(404, henk.get(downloadPath).statusCode(), "another citizen");

        HttpResponse<String> confirm = sanne.get(confirmPath);
        assertEquals(200, confirm.statusCode(), confirm.body());
        String kenmerk = db.select(WIJZIGING.KENMERK).from(WIJZIGING).where(WIJZIGING.PUBLIC_ID.eq(id)).fetchSingle(WIJZIGING.KENMERK);
        String confirmText = Jsoup.parse(confirm.body()).text();
        assertTrue(confirmText.contains("Bestand reisplan.pdf verwijderen"), confirmText);
        assertTrue(confirmText.contains("Je verwijdert reisplan.pdf. Het bestand is dan weg. Ook je consulent ziet het niet meer bij je wijziging "
                + kenmerk + "."), confirmText);
        assertTrue(confirmText.contains("Ja, verwijder dit bestand") && confirmText.contains("Terug naar je wijziging " + kenmerk), confirmText);
        assertEquals(403, sanne.postForm(confirmPath, Map.of()).statusCode(), "no CSRF token");
        assertEquals(404, henk.get(confirmPath).statusCode(), "another citizen");
        assertEquals(404, henk.postForm(confirmPath, Map.of("csrfToken", WebClient.csrfToken(henk.get("/wijziging").body()))).statusCode(),
                "another citizen");

        HttpResponse<String> deleted = sanne.postForm(confirmPath, Map.of("csrfToken", WebClient.csrfToken(confirm.body())));
        assertEquals(303, deleted.statusCode(), deleted.body());
        String afterText = Jsoup.parse(sanne.follow(deleted).body()).text();
        assertTrue(afterText.contains("Het bestand is verwijderd. Je consulent ziet het niet meer."), afterText);
        assertTrue(afterText.contains("Geen bewijs gestuurd"), afterText);
        assertEquals(404, sanne.get(downloadPath).statusCode(), "gone");

        // The consulent: the proof is gone from the file, its timeline says it was deleted.
        long burger = db.select(WIJZIGING.BURGER_ID).from(WIJZIGING).where(WIJZIGING.PUBLIC_ID.eq(id)).fetchSingle(WIJZIGING.BURGER_ID);
        WebClient marieke = employee(MARIEKE);
        String timeline = Jsoup.parse(marieke.get("/consulent/burgers/" + burger + "/tijdlijn").body()).text();
        assertTrue(timeline.matches(".*Burger heeft bewijs reisplan\\.pdf verwijderd om \\d\\d:\\d\\d uur \\(.*"), timeline);
        Document file = Jsoup.parse(marieke.get("/consulent/burgers/" + burger).body());
        assertEquals(0, file.select("a[href*=/bewijs/]").stream().filter(a -> a.text().contains(kenmerk)).count(), "no proof left");

        // A second file through the app, then the consulent starts: no link, one sentence why; a direct POST gets 409.
        String app = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        HttpResponse<String> again = changeProof(app, id, "ticket.pdf", PDF);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(303, marieke.postForm("/consulent/burgers/" + burger + "/wijzigingen/" + id,
                Map.of("csrfToken", WebClient.csrfToken(file.outerHtml()), "status", "IN_BEHANDELING")).statusCode());
        HttpResponse<String> handled = sanne.get(page);
        Document handledPage = Jsoup.parse(handled.body());
        assertTrue(handledPage.select("main a[href$=/verwijderen]").isEmpty(), handled.body());
        String why = "Je consulent is al bezig met je wijziging. Daarom kun je je bewijs niet meer verwijderen.";
        assertTrue(handledPage.text().contains(why), handledPage.text());
        String ticket = handledPage.select("main a").stream().filter(a -> a.text().equals("Downloaden (ticket.pdf)"))
                .findFirst().orElseThrow(() -> new AssertionError(handled.body())).attr("href");
        HttpResponse<String> late = sanne.postForm(ticket + "/verwijderen", Map.of("csrfToken", WebClient.csrfToken(handled.body())));
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(Jsoup.parse(late.body()).text().contains(why), late.body());
        assertTrue(Jsoup.parse(late.body()).select("main form").isEmpty(), "no button");
    }

    private HttpResponse<String> changeProof(String bearer, String id, String name, byte[] bytes) {
        return browser().send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/wijzigingen/" + id + "/bewijs"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/pdf")
                .header("X-Bestandsnaam", name).header("Accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private HttpResponse<String> download(String bearer, String path) {
        return browser().send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/pdf, image/*, application/json").GET());
    }

    @Test
    void theAppGetsProblemJsonNamingEachWrongField() throws IOException {
        String sanne = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        HttpResponse<String> response = browser().postJson("/api/v1/wijzigingen",
                "{\"soort\":\"ADRES\",\"straat\":\"Dorpsstraat 1\",\"postcode\":\"12\",\"datum\":\"morgen\"}", auth(sanne, UUID.randomUUID().toString()));
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Map<?, ?> problem = json.readValue(response.body(), Map.class);
        Map<String, String> byField = new LinkedHashMap<>();
        ((List<?>) problem.get("errors")).forEach(e -> byField.put((String) ((Map<?, ?>) e).get("field"), (String) ((Map<?, ?>) e).get("message")));
        assertEquals(List.of("datum", "postcode", "woonplaats"), List.copyOf(byField.keySet()));
        assertTrue(byField.get("postcode").startsWith("Postcode: schrijf 4 cijfers"), byField.toString());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A form post with fields and, if given, a file "bewijs.pdf". */
    private static HttpResponse<String> postMultipart(WebClient web, String path, Map<String, String> fields, byte[] file) {
        return web.postMultipart(path, fields, "bewijs", "bewijs.pdf", "application/pdf", file);
    }
}

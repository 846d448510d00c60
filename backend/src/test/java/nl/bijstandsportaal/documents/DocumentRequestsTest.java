package nl.bijstandsportaal.documents;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consulent asks for a document from the citizen's file; the citizen hears it, sees it and sends a photo or PDF on
 * the web or from the app; the consulent opens it (audited) and closes the request. Nobody reaches another's.
 */
@MicronautTest
class DocumentRequestsTest extends PortalTest {

    private static final LocalDate TODAY = TestToday.date();


    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;


    private long sanne() {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
    }

    /** Marieke asks Sanne for a document; returns its public id. */
    private String ask(WebClient marieke, String what, String deadline) {
        String token = WebClient.csrfToken(marieke.get("/consulent/burgers/" + sanne()).body());
        HttpResponse<String> asked = marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken",
                Map.of("csrfToken", token, "wat", what, "waarom", "We willen zien of er geld bij kwam.", "uiterlijk", deadline,
                        "gecontroleerd", "ja"));
        assertEquals(303, asked.statusCode(), asked.body());
        return db.select(DOCUMENTVERZOEK.PUBLIC_ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.BURGER_ID.eq(sanne()))
                .and(DOCUMENTVERZOEK.WAT.eq(what)).fetchSingle(DOCUMENTVERZOEK.PUBLIC_ID);
    }

    @Test
    void theConsulentAsksTheCitizenSendsAndTheConsulentOpensAndClosesIt() {
        WebClient marieke = employee(MARIEKE);
        String file = marieke.get("/consulent/burgers/" + sanne()).body();
        assertEquals(TODAY.plusDays(14).toString(), Jsoup.parse(file).getElementById("uiterlijk").val(), "the municipality's 14 days are offered");

        // A form with mistakes comes back with what was typed and a message per field.
        Map<String, String> typed = new HashMap<>(Map.of("csrfToken", WebClient.csrfToken(file), "wat", "Huurcontract", "waarom", "",
                "uiterlijk", TestToday.typed(TODAY.plusDays(2))));
        HttpResponse<String> refused = marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken", typed);
        assertEquals(400, refused.statusCode());
        var page = Jsoup.parse(refused.body());
        assertTrue(page.text().contains("Waarom heb je het nodig: leg het uit in gewone woorden."), page.text());
        assertTrue(page.text().contains("Uiterlijk sturen op: geef de burger minstens 5 dagen. Kies " + TestToday.dutch(TODAY.plusDays(5)) + " of later."), page.text());
        assertEquals("Huurcontract", page.getElementById("wat").val());
        assertEquals(TestToday.typed(TODAY.plusDays(2)), page.getElementById("uiterlijk").val());

        // A correct request is first checked for readability (what and why), and only asked with "Vraag dit document".
        typed.put("waarom", "Wij willen de huur weten.");
        typed.put("uiterlijk", TestToday.typed(TODAY.plusDays(8)));
        HttpResponse<String> checked = marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken", typed);
        assertEquals(200, checked.statusCode());
        var checkedPage = Jsoup.parse(checked.body());
        assertTrue(checkedPage.getElementById("leesbaarheid-document").text().contains("Leesbaarheid van je tekst"), checkedPage.text());
        assertEquals("Wij willen de huur weten.", checkedPage.getElementById("waarom").val());
        assertEquals("Vraag dit document", checkedPage.select("button[name=gecontroleerd][value=ja]").text());
        assertFalse(db.fetchExists(DOCUMENTVERZOEK, DOCUMENTVERZOEK.BURGER_ID.eq(sanne()).and(DOCUMENTVERZOEK.WAT.eq("Huurcontract"))),
                "nothing asked on the first press");

        String id = ask(marieke, "Bankafschriften van oktober", TestToday.typed(TODAY.plusDays(8)));
        var asked = db.selectFrom(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle();
        assertEquals(TODAY.plusDays(8), asked.getUiterlijk());
        assertEquals("OPEN", asked.getStatus());
        var message = db.selectFrom(MELDING).where(MELDING.SLEUTEL.eq("document/" + id + "/gevraagd")).fetchSingle();
        assertEquals("DOCUMENTEN", message.getOnderwerp());
        assertEquals("/documenten/" + id, message.getLink());
        assertEquals("notification.document.asked", message.getTekst());
        assertTrue(db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(sanne()).and(AUDIT_EVENT.ACTION.eq("DOCUMENT_GEVRAAGD"))));

        // Sanne reads it in her inbox and on "Papieren sturen", with what, why and the last day.
        WebClient sanne = citizen(SANNE);
        String inbox = Jsoup.parse(sanne.get("/berichten").body()).text();
        assertTrue(inbox.contains("Je consulent vraagt je om een papier te sturen: Bankafschriften van oktober. Stuur het uiterlijk " + TestToday.dutch(TODAY.plusDays(8)) + "."), inbox);
        String list = Jsoup.parse(sanne.get("/documenten").body()).text();
        assertTrue(list.contains("Bankafschriften van oktober") && list.contains("Stuur het uiterlijk " + TestToday.dutch(TODAY.plusDays(8)) + ".") && list.contains("Nog niet gestuurd"), list);
        String request = sanne.get("/documenten/" + id).body();
        assertTrue(Jsoup.parse(request).text().contains("We willen zien of er geld bij kwam."));

        // A file that is not a photo or PDF: the page comes back with the message at the field; nothing is stored.
        String upload = "/documenten/" + id + "?csrfToken=" + WebClient.csrfToken(request);
        HttpResponse<String> wrong = sanne.postMultipart(upload, Map.of(), "bestand", "afschrift.pdf", "application/pdf",
                "dit is geen pdf".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, wrong.statusCode());
        var wrongPage = Jsoup.parse(wrong.body());
        assertTrue(wrongPage.title().startsWith("Verbeter je antwoorden"), wrongPage.title());
        assertTrue(wrongPage.text().contains("Foto of pdf: dit soort bestand kunnen we niet openen."), wrongPage.text());
        HttpResponse<String> none = sanne.postMultipart(upload, Map.of(), "bestand", "", "application/octet-stream", null);
        assertEquals(400, none.statusCode());
        assertTrue(Jsoup.parse(none.body()).text().contains("Foto of pdf: je hebt nog geen bestand gekozen"));
        assertEquals(0, db.fetchCount(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(asked.getId())));

        // A PDF: stored with its checksum, the request is sent; the same file again (a double click) is stored once.
        HttpResponse<String> sent = sanne.postMultipart(upload, Map.of(), "bestand", "../afschrift oktober.pdf", "application/pdf", PDF);
        assertEquals(303, sent.statusCode(), sent.body());
        assertEquals(303, sanne.postMultipart(upload, Map.of(), "bestand", "afschrift.pdf", "application/pdf", PDF).statusCode());
        String after = Jsoup.parse(sanne.get(WebClient.location(sent)).body()).text();
        assertTrue(after.contains("Gelukt. Je bestand is bij ons.") && after.contains("afschrift oktober.pdf"), after);
        var stored = db.selectFrom(DOCUMENTVERZOEK_BIJLAGE).where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(asked.getId())).fetch();
        assertEquals(1, stored.size());
        assertEquals(64, stored.get(0).getSha256().length());
        assertEquals("GESTUURD", db.select(DOCUMENTVERZOEK.STATUS).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1());

        // Marieke sees the file and opens it as a download; that is audited.
        String withFile = marieke.get("/consulent/burgers/" + sanne()).body();
        String href = Jsoup.parse(withFile).select("a[href^=/consulent/burgers/" + sanne() + "/documenten/]").attr("href");
        HttpResponse<String> download = marieke.get(href);
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(sanne()).and(AUDIT_EVENT.ACTION.eq("DOCUMENT_BEKEKEN"))));

        // A page from before the file came: nothing is closed, and she is asked to look first.
        HttpResponse<String> stale = marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken/" + id,
                Map.of("csrfToken", WebClient.csrfToken(withFile), "status", "AFGEROND", "bestanden", "0"));
        assertTrue(Jsoup.parse(marieke.get(WebClient.location(stale)).body()).text().contains("de burger heeft net een bestand gestuurd of verwijderd"));
        assertEquals("GESTUURD", db.select(DOCUMENTVERZOEK.STATUS).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1());

        // She has what she needs: the request is closed, Sanne is told, and no more files can be added.
        HttpResponse<String> done = marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken/" + id,
                Map.of("csrfToken", WebClient.csrfToken(withFile), "status", "AFGEROND", "bestanden", "1"));
        assertEquals(303, done.statusCode());
        assertEquals("STATUS", db.select(MELDING.ONDERWERP).from(MELDING).where(MELDING.SLEUTEL.eq("document/" + id + "/afgerond")).fetchSingle().value1());
        HttpResponse<String> closed = sanne.postMultipart(upload, Map.of(), "bestand", "nog een.pdf", "application/pdf",
                (new String(PDF, StandardCharsets.US_ASCII) + "%2").getBytes(StandardCharsets.US_ASCII));
        assertEquals(409, closed.statusCode());
        assertTrue(Jsoup.parse(closed.body()).text().contains("Je consulent heeft dit al afgesloten."));
        assertEquals(400, marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken/" + id,
                Map.of("csrfToken", WebClient.csrfToken(withFile), "status", "INGETROKKEN")).statusCode(), "closed is closed");
    }

    @Test
    void nobodyReachesAnotherCitizensRequest() {
        WebClient marieke = employee(MARIEKE);
        String id = ask(marieke, "Huurcontract " + UUID.randomUUID(), TODAY.plusDays(17).toString());

        // Fatima (another citizen): the page, the upload and the app all answer as if it did not exist.
        WebClient fatima = citizen(FATIMA);
        assertEquals(404, fatima.get("/documenten/" + id).statusCode());
        String token = WebClient.csrfToken(fatima.get("/documenten").body());
        assertEquals(404, fatima.postMultipart("/documenten/" + id + "?csrfToken=" + token, Map.of(), "bestand", "x.pdf", "application/pdf", PDF).statusCode());
        String app = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        assertEquals(404, browser().getJson("/api/v1/documentverzoeken/" + id, app).statusCode());
        assertEquals(404, send(app, id, UUID.randomUUID().toString(), "application/pdf", PDF).statusCode());
        assertFalse(browser().getJson("/api/v1/documentverzoeken", app).body().contains(id));

        // Dennis (a consulent of Utrecht) cannot ask, see, open or close anything of Sanne (Westland).
        WebClient dennis = employee(DENNIS);
        String dennisToken = WebClient.csrfToken(dennis.get("/consulent").body());
        assertEquals(404, dennis.get("/consulent/burgers/" + sanne()).statusCode());
        assertEquals(404, dennis.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken",
                Map.of("csrfToken", dennisToken, "wat", "Alles", "waarom", "Zomaar", "uiterlijk", TODAY.plusDays(17).toString())).statusCode());
        assertEquals(404, dennis.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken/" + id,
                Map.of("csrfToken", dennisToken, "status", "INGETROKKEN")).statusCode());
        long anyFile = db.select(DOCUMENTVERZOEK_BIJLAGE.ID).from(DOCUMENTVERZOEK_BIJLAGE).limit(1).fetchOptional(DOCUMENTVERZOEK_BIJLAGE.ID).orElse(1L);
        assertEquals(404, dennis.get("/consulent/burgers/" + sanne() + "/documenten/" + anyFile).statusCode());
        assertEquals("OPEN", db.select(DOCUMENTVERZOEK.STATUS).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1());

        // A citizen cannot reach the consulent's side at all.
        assertEquals(403, citizen(SANNE).get("/consulent/burgers/" + sanne() + "/documenten/" + anyFile).statusCode());
    }

    @Test
    void theAppListsSendsOnceWithAnIdempotencyKeyAndExplainsWhatIsWrong() throws Exception {
        WebClient marieke = employee(MARIEKE);
        String id = ask(marieke, "Loonstrook van november " + UUID.randomUUID(), TODAY.plusDays(17).toString());
        String app = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();

        List<Map> requests = json.readValue(browser().getJson("/api/v1/documentverzoeken", app).body(), io.micronaut.core.type.Argument.listOf(Map.class));
        Map<?, ?> listed = requests.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
        assertEquals(TODAY.plusDays(17).toString(), listed.get("uiterlijk"));
        assertEquals("OPEN", listed.get("status"));
        assertEquals("Nog niet gestuurd", listed.get("statusTekst"));
        assertEquals(true, listed.get("kanSturen"));

        HttpResponse<String> wrong = send(app, id, UUID.randomUUID().toString(), "image/jpeg", "geen foto".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(wrong.body().contains("\"bestand\"") && wrong.body().contains("dit soort bestand kunnen we niet openen"), wrong.body());

        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = send(app, id, key, "application/pdf", PDF);
        HttpResponse<String> retry = send(app, id, key, "application/pdf", PDF);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        long verzoek = db.select(DOCUMENTVERZOEK.ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1();
        assertEquals(1, db.fetchCount(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(verzoek)), "stored once");
        Map<?, ?> now = json.readValue(retry.body(), Map.class);
        assertEquals("GESTUURD", now.get("status"));
        assertEquals(1, ((List<?>) now.get("bestanden")).size());

        // The file by its id, as stored (ADR 0054); never kept in a cache; another citizen's app: not found.
        String fileId = (String) ((Map<?, ?>) ((List<?>) now.get("bestanden")).get(0)).get("id");
        HttpResponse<String> download = download(app, id, fileId);
        assertEquals(200, download.statusCode(), download.body());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(null));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("afschrift.pdf"));
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), download.body(), "the bytes as sent");
        assertEquals("no-store", download.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(download.headers().firstValue("ETag").isEmpty(), "a file is not tagged");
        String fatimasApp = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        assertEquals(404, download(fatimasApp, id, fileId).statusCode());
        assertEquals(404, download(app, id, UUID.randomUUID().toString()).statusCode());

        byte[] other = (new String(PDF, StandardCharsets.US_ASCII) + "%other").getBytes(StandardCharsets.US_ASCII);
        assertEquals(422, send(app, id, key, "application/pdf", other).statusCode(), "one key, another file: refused");

        marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken/" + id,
                Map.of("csrfToken", WebClient.csrfToken(marieke.get("/consulent/burgers/" + sanne()).body()), "status", "INGETROKKEN"));
        assertEquals(201, send(app, id, key, "application/pdf", PDF).statusCode(), "a retry after closing is answered as the first time");
        HttpResponse<String> closed = send(app, id, UUID.randomUUID().toString(), "application/pdf", other);
        assertEquals(409, closed.statusCode());
        assertTrue(closed.body().contains("afgesloten"), closed.body());
        assertEquals("DOCUMENTEN", db.select(MELDING.ONDERWERP).from(MELDING).where(MELDING.SLEUTEL.eq("document/" + id + "/ingetrokken")).fetchSingle().value1());
    }

    /**
     * ADR 0055: the citizen deletes a file she sent while the consulent has not handled it, on the web (after a page
     * that says what will happen) and from the app; the consulent sees that it happened and no longer sees the file;
     * the last file gone makes the request "not sent" again. Once the consulent closed it: 409 / no button.
     */
    @Test
    void theCitizenDeletesAFileUntilTheConsulentHandledIt() throws Exception {
        WebClient marieke = employee(MARIEKE);
        String id = ask(marieke, "Jaaropgave " + UUID.randomUUID(), TODAY.plusDays(17).toString());
        long verzoek = db.select(DOCUMENTVERZOEK.ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1();
        WebClient sanne = citizen(SANNE);
        String upload = "/documenten/" + id + "?csrfToken=" + WebClient.csrfToken(sanne.get("/documenten/" + id).body());
        assertEquals(303, sanne.postMultipart(upload, Map.of(), "bestand", "verkeerd.pdf", "application/pdf", PDF).statusCode());
        byte[] right = (new String(PDF, StandardCharsets.US_ASCII) + "%right").getBytes(StandardCharsets.US_ASCII);
        assertEquals(303, sanne.postMultipart(upload, Map.of(), "bestand", "goed.pdf", "application/pdf", right).statusCode());

        // The web: a "Verwijderen" per file, then a page that says what will happen, then one button (CSRF).
        var page = Jsoup.parse(sanne.get("/documenten/" + id).body());
        assertEquals(2, page.select("a[href$=/verwijderen]").size(), page.text());
        String wrongId = db.select(DOCUMENTVERZOEK_BIJLAGE.PUBLIC_ID).from(DOCUMENTVERZOEK_BIJLAGE)
                .where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(verzoek)).and(DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM.eq("verkeerd.pdf")).fetchSingle().value1();
        long wrongInternal = db.select(DOCUMENTVERZOEK_BIJLAGE.ID).from(DOCUMENTVERZOEK_BIJLAGE)
                .where(DOCUMENTVERZOEK_BIJLAGE.PUBLIC_ID.eq(wrongId)).fetchSingle().value1();
        // Before deleting she can look at what she sent: the file as stored; another citizen gets nothing.
        assertEquals(2, page.select("a[href^=/documenten/" + id + "/bestanden/]:not([href$=/verwijderen])").size(), page.text());
        HttpResponse<String> own = sanne.get("/documenten/" + id + "/bestanden/" + wrongId);
        assertEquals(200, own.statusCode());
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), own.body());
        assertTrue(own.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(404, citizen(HENK).get("/documenten/" + id + "/bestanden/" + wrongId).statusCode(), "another citizen's file");
        String confirmPath = "/documenten/" + id + "/bestanden/" + wrongId + "/verwijderen";
        String confirm = sanne.get(confirmPath).body();
        String confirmText = Jsoup.parse(confirm).text();
        assertTrue(confirmText.contains("Je verwijdert verkeerd.pdf.") && confirmText.contains("Je kunt het bestand daarna niet meer terughalen."), confirmText);
        assertEquals(403, sanne.postForm(confirmPath, Map.of()).statusCode(), "no CSRF token: refused");
        HttpResponse<String> deleted = sanne.postForm(confirmPath, Map.of("csrfToken", WebClient.csrfToken(confirm)));
        assertEquals(303, deleted.statusCode(), deleted.body());
        String after = Jsoup.parse(sanne.get(WebClient.location(deleted)).body()).text();
        assertTrue(after.contains("Het bestand is verwijderd. Je consulent ziet het niet meer."), after);
        assertTrue(after.contains("Je hebt een bestand verwijderd: verkeerd.pdf"), after);
        assertEquals(1, db.fetchCount(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(verzoek)), "the row and its bytes are gone");
        assertEquals("GESTUURD", db.select(DOCUMENTVERZOEK.STATUS).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.ID.eq(verzoek)).fetchSingle().value1());

        // The consulent: the file is no longer offered; the step shows, with the name and the time, on the file's timeline.
        String citizenPage = marieke.get("/consulent/burgers/" + sanne()).body();
        String requestPage = Jsoup.parse(marieke.get("/consulent/burgers/" + sanne() + "/documentverzoeken/" + id).body()).text();
        assertTrue(requestPage.contains("Bestand verwijderd door de burger: verkeerd.pdf"), requestPage);
        assertTrue(requestPage.contains("Bestand gestuurd door de burger: verkeerd.pdf"), "what was sent stays on the timeline");
        var links = Jsoup.parse(citizenPage).select("a[href^=/consulent/burgers/" + sanne() + "/documenten/]");
        assertTrue(links.stream().noneMatch(l -> l.text().contains("verkeerd.pdf")), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.text().contains("goed.pdf")), links.toString());
        assertEquals(404, marieke.get("/consulent/burgers/" + sanne() + "/documenten/" + wrongInternal).statusCode(), "nothing left to open");
        String timeline = Jsoup.parse(marieke.get("/consulent/burgers/" + sanne() + "/tijdlijn").body()).text();
        assertTrue(timeline.matches(".*Burger heeft bestand verkeerd\\.pdf verwijderd om \\d\\d:\\d\\d uur \\(Jaaropgave.*"), timeline);

        // The app: the id, the mark, the same delete; the last file gone: not sent any more (status, work list).
        String app = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        Map<?, ?> request = json.readValue(browser().getJson("/api/v1/documentverzoeken/" + id, app).body(), Map.class);
        Map<?, ?> file = (Map<?, ?>) ((List<?>) request.get("bestanden")).get(0);
        assertEquals("goed.pdf", file.get("naam"));
        assertEquals(true, file.get("verwijderbaar"));
        String goodId = (String) file.get("id");
        String fatimasApp = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        assertEquals(404, browser().delete("/api/v1/documentverzoeken/" + id + "/bestanden/" + goodId, fatimasApp).statusCode());
        assertEquals(404, browser().delete("/api/v1/documentverzoeken/" + id + "/bestanden/" + UUID.randomUUID(), app).statusCode());
        assertEquals(404, browser().delete("/api/v1/documentverzoeken/" + id + "/bestanden/" + wrongId, app).statusCode(), "gone is gone");
        HttpResponse<String> gone = browser().delete("/api/v1/documentverzoeken/" + id + "/bestanden/" + goodId, app);
        assertEquals(204, gone.statusCode(), gone.body());
        assertEquals(404, download(app, id, goodId).statusCode());
        Map<?, ?> open = json.readValue(browser().getJson("/api/v1/documentverzoeken/" + id, app).body(), Map.class);
        assertEquals("OPEN", open.get("status"));
        assertEquals(null, open.get("gestuurdOp"));
        assertTrue(((List<?>) open.get("bestanden")).isEmpty());
        assertTrue(((List<?>) open.get("stappen")).stream().anyMatch(st -> "BESTAND_VERWIJDERD".equals(((Map<?, ?>) st).get("soort"))));
        assertEquals(null, db.select(DOCUMENTVERZOEK.GESTUURD_OP).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.ID.eq(verzoek)).fetchSingle().value1());
        assertTrue(Jsoup.parse(sanne.get("/documenten").body()).text().contains("Nog niet gestuurd"));

        // Sent again, and the consulent has what she needs: the file is hers now.
        HttpResponse<String> sent = send(app, id, UUID.randomUUID().toString(), "application/pdf", right);
        assertEquals(201, sent.statusCode(), sent.body());
        String lastId = (String) ((Map<?, ?>) ((List<?>) json.readValue(sent.body(), Map.class).get("bestanden")).get(0)).get("id");
        // Her page counts the files and the deletions: a page from before a delete and a new file closes nothing.
        String before = "3"; // one file now, two deleted
        HttpResponse<String> stale = marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken/" + id,
                Map.of("csrfToken", WebClient.csrfToken(citizenPage), "status", "AFGEROND", "bestanden", "1"));
        assertTrue(WebClient.location(stale).contains("nieuwebestanden"), WebClient.location(stale));
        var sannesFile = Jsoup.parse(marieke.get("/consulent/burgers/" + sanne()).body());
        assertEquals(before, sannesFile.select("form[action$=/documentverzoeken/" + id + "] input[name=bestanden]").val());
        HttpResponse<String> done = marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken/" + id,
                Map.of("csrfToken", WebClient.csrfToken(sannesFile.outerHtml()), "status", "AFGEROND", "bestanden", before));
        assertEquals(303, done.statusCode());
        assertEquals("AFGEROND", db.select(DOCUMENTVERZOEK.STATUS).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.ID.eq(verzoek)).fetchSingle().value1());
        HttpResponse<String> refused = browser().delete("/api/v1/documentverzoeken/" + id + "/bestanden/" + lastId, app);
        assertEquals(409, refused.statusCode());
        Map<?, ?> problem = json.readValue(refused.body(), Map.class);
        assertEquals("/problems/file-handled", problem.get("type"));
        assertEquals("Dit bestand kun je niet meer verwijderen", problem.get("title"));
        assertTrue(((String) problem.get("detail")).contains("Stuur dan een nieuw bestand. Of stuur je consulent een bericht."), refused.body());
        var closedPage = Jsoup.parse(sanne.get("/documenten/" + id).body());
        assertTrue(closedPage.select("a[href$=/verwijderen]").isEmpty());
        assertTrue(closedPage.text().contains("Die kun je niet meer verwijderen."), closedPage.text());
        String lastPath = "/documenten/" + id + "/bestanden/" + lastId + "/verwijderen";
        String lastConfirm = sanne.get(lastPath).body();
        assertTrue(Jsoup.parse(lastConfirm).select("form[action$=/verwijderen]").isEmpty());
        assertEquals(409, sanne.postForm(lastPath, Map.of("csrfToken", WebClient.csrfToken(lastConfirm))).statusCode());
        assertEquals(1, db.fetchCount(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(verzoek)));
    }

    private HttpResponse<String> download(String bearer, String id, String fileId) {
        return browser().send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/documentverzoeken/" + id + "/bestanden/" + fileId))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/pdf, image/*, application/json").GET());
    }

    private HttpResponse<String> send(String bearer, String id, String key, String type, byte[] bytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/documentverzoeken/" + id + "/bestanden"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", type).header("X-Bestandsnaam", "afschrift.pdf")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return browser().send(request);
    }
}

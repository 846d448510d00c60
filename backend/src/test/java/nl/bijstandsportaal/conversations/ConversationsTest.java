package nl.bijstandsportaal.conversations;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.MultipartMessage;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BERICHT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREK;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conversation both ways: the citizen asks (web, with a file; app, once per Idempotency-Key), the consulent sees it
 * whole in the work list and the thread and answers, the citizen is told and reads the answer. Nobody else reaches it.
 */
@MicronautTest
class ConversationsTest extends PortalTest {

    @Inject
    DSLContext db;

    @Inject
    JsonMapper json;

    @Inject
    Conversations conversations;

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aCitizensQuestionReachesTheConsulentWholeAndTheAnswerComesBack() throws Exception {
        long sanne = id(SANNE);
        WebClient citizen = citizen(SANNE);
        String token = WebClient.csrfToken(citizen.get("/gesprekken/nieuw").body());
        String question = "Ik kreeg een brief over mijn huurtoeslag.\nMoet ik die aan jullie geven?";

        // Empty subject: the form comes back with what was typed and the field named.
        HttpResponse<String> wrong = citizen.postMultipart("/gesprekken/nieuw?csrfToken=" + token, Map.of("onderwerp", " ", "bericht", question),
                "bestand", "brief.pdf", "application/pdf", PDF);
        assertEquals(400, wrong.statusCode());
        String wrongText = Jsoup.parse(wrong.body()).text();
        assertTrue(wrongText.contains("Waar gaat je vraag over: schrijf het in een paar woorden."), wrongText);
        assertTrue(Jsoup.parse(wrong.body()).getElementById("bericht").text().contains("Moet ik die aan jullie geven?"));

        HttpResponse<String> sent = citizen.postMultipart("/gesprekken/nieuw?csrfToken=" + token,
                Map.of("onderwerp", "Brief over huurtoeslag", "bericht", question), "bestand", "brief.pdf", "application/pdf", PDF);
        assertEquals(303, sent.statusCode(), sent.body());
        String thread = WebClient.location(sent).replaceAll("^/gesprekken/([0-9a-f-]{36}).*$", "$1");
        String citizenPage = Jsoup.parse(citizen.get(WebClient.location(sent)).body()).text();
        assertTrue(citizenPage.contains("Je bericht is verstuurd.") && citizenPage.contains("De gemeente antwoordt uiterlijk op"), citizenPage);

        // The consulent: in the work list as a message waiting for an answer, then the thread whole, with the file.
        WebClient marieke = employee(MARIEKE);
        String list = Jsoup.parse(marieke.get("/consulent?soort=bericht").body()).text();
        assertTrue(list.contains("Bericht: Brief over huurtoeslag") && list.contains("Sanne de Vries") && list.contains("Nieuw"), list);
        var threadPage = Jsoup.parse(marieke.get("/consulent/burgers/" + sanne + "/gesprekken/" + thread).body());
        assertTrue(threadPage.text().contains("Ik kreeg een brief over mijn huurtoeslag.") && threadPage.text().contains("Moet ik die aan jullie geven?"));
        assertTrue(threadPage.text().contains("Wacht op antwoord sinds"), threadPage.text());
        String fileLink = threadPage.select("a[href*=/bijlagen/]").attr("href");
        HttpResponse<String> file = marieke.get(fileLink);
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(sanne).and(AUDIT_EVENT.ACTION.eq("BIJLAGE_BEKEKEN"))) >= 1);

        // The answer: the citizen is told (a notification that links to the thread) and reads it whole.
        String mToken = WebClient.csrfToken(threadPage.html());
        HttpResponse<String> answered = marieke.postForm("/consulent/burgers/" + sanne + "/bericht",
                Map.of("csrfToken", mToken, "gesprek", thread, "bericht", "Ja, stuur een foto van de brief. Dan kijk ik wat het betekent.",
                        "gecontroleerd", "ja"));
        assertEquals(303, answered.statusCode(), answered.body());
        assertNull(db.select(GESPREK.WACHT_OP_ANTWOORD_SINDS).from(GESPREK).where(GESPREK.PUBLIC_ID.eq(thread)).fetchOne(GESPREK.WACHT_OP_ANTWOORD_SINDS));
        var notice = db.selectFrom(MELDING).where(MELDING.BURGER_ID.eq(sanne)).and(MELDING.SLEUTEL.like("bericht/%"))
                .orderBy(MELDING.ID.desc()).limit(1).fetchSingle();
        assertEquals("/gesprekken/" + thread, notice.getLink());
        String afterList = Jsoup.parse(marieke.get("/consulent?soort=bericht").body()).text();
        assertFalse(afterList.contains("Bericht: Brief over huurtoeslag"), afterList);
        String answer = Jsoup.parse(citizen.get("/gesprekken/" + thread).body()).text();
        assertTrue(answer.contains("Marieke Jansen") && answer.contains("Dan kijk ik wat het betekent."), answer);
        assertNotNull(db.select(MELDING.GELEZEN_OP).from(MELDING).where(MELDING.ID.eq(notice.getId())).fetchOne(MELDING.GELEZEN_OP));
        String readMark = Jsoup.parse(marieke.get("/consulent/burgers/" + sanne + "/gesprekken/" + thread).body()).text();
        assertTrue(readMark.contains("Gelezen op"), readMark);

        // A reply of the citizen puts it back on the list.
        String again = WebClient.csrfToken(citizen.get("/gesprekken/" + thread).body());
        assertEquals(303, citizen.postMultipart("/gesprekken/" + thread + "?csrfToken=" + again, Map.of("bericht", "Hier is de foto."),
                "bestand", "", "application/octet-stream", null).statusCode());
        assertTrue(Jsoup.parse(marieke.get("/consulent?soort=bericht").body()).text().contains("Bericht: Brief over huurtoeslag"));
    }

    @Test
    void nobodyElseReachesAConversation() {
        long sanne = id(SANNE);
        String thread = db.transactionResult(tx -> conversations.start(tx.dsl(), sanne,
                new Conversations.Typed("Vraag", "Een vraag van Sanne", List.of())));
        // Another citizen: 404, for the page, the answer form and a file.
        WebClient fatima = citizen(FATIMA);
        assertEquals(404, fatima.get("/gesprekken/" + thread).statusCode());
        String token = WebClient.csrfToken(fatima.get("/gesprekken").body());
        assertEquals(404, fatima.postMultipart("/gesprekken/" + thread + "?csrfToken=" + token, Map.of("bericht", "Hallo"), "bestand", "", "", null).statusCode());
        assertEquals(404, fatima.get("/gesprekken/" + thread + "/bijlagen/1").statusCode());
        assertEquals(1, db.fetchCount(BERICHT, BERICHT.GESPREK_ID.in(db.select(GESPREK.ID).from(GESPREK).where(GESPREK.PUBLIC_ID.eq(thread)))));
        // A consulent of another municipality: 404; a citizen on the consulent's routes: refused.
        assertEquals(404, employee(DENNIS).get("/consulent/burgers/" + sanne + "/gesprekken/" + thread).statusCode());
        int refused = citizen(SANNE).get("/consulent/burgers/" + sanne + "/gesprekken/" + thread).statusCode();
        assertTrue(refused == 403 || refused == 401 || refused == 303, "status " + refused);
        // The app of another citizen: 404.
        String fatimaApp = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        assertEquals(404, browser().getJson("/api/v1/gesprekken/" + thread, fatimaApp).statusCode());
    }

    @Test
    void theAppStartsAndAnswersOncePerIdempotencyKey() throws Exception {
        long jan = id(JAN);
        String app = new MobileApp(server.getURI(), json).login(citizen(JAN)).access();
        String key = UUID.randomUUID().toString();
        String body = "{\"onderwerp\":\"Vraag over mijn uitkering\",\"tekst\":\"Wanneer wordt het betaald?\",\"bestanden\":[{\"naam\":\"brief.pdf\",\"inhoud\":\""
                + Base64.getEncoder().encodeToString(PDF) + "\"}]}";
        HttpResponse<String> first = post("/api/v1/gesprekken", app, key, body);
        HttpResponse<String> retry = post("/api/v1/gesprekken", app, key, body);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(1, db.fetchCount(GESPREK, GESPREK.BURGER_ID.eq(jan)));
        Map<?, ?> conversation = json.readValue(first.body(), Map.class);
        String id = (String) conversation.get("id");
        assertEquals(Boolean.TRUE, conversation.get("wachtOpAntwoord"));
        assertNotNull(conversation.get("antwoordUiterlijk"));
        List<?> messages = (List<?>) conversation.get("berichten");
        assertEquals(1, ((List<?>) ((Map<?, ?>) messages.get(0)).get("bijlagen")).size());
        // The file by its id (ADR 0055): as sent, never cached; another citizen's app or an unknown id: not found.
        String fileId = (String) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) messages.get(0)).get("bijlagen")).get(0)).get("bestandId");
        HttpResponse<String> download = download(app, "/api/v1/gesprekken/" + id + "/bijlagen/" + fileId);
        assertEquals(200, download.statusCode(), download.body());
        assertEquals(new String(PDF, java.nio.charset.StandardCharsets.US_ASCII), download.body(), "the bytes as sent");
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(null));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("no-store", download.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(download.headers().firstValue("ETag").isEmpty(), "a file is not tagged");
        String sannesApp = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        assertEquals(404, download(sannesApp, "/api/v1/gesprekken/" + id + "/bijlagen/" + fileId).statusCode());
        assertEquals(404, download(app, "/api/v1/gesprekken/" + id + "/bijlagen/" + UUID.randomUUID()).statusCode());

        // Bad input: 422 naming the field, nothing stored.
        HttpResponse<String> empty = post("/api/v1/gesprekken/" + id + "/berichten", app, UUID.randomUUID().toString(), "{\"tekst\":\"  \"}");
        assertEquals(422, empty.statusCode(), empty.body());
        assertTrue(empty.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(empty.body().contains("\"field\":\"tekst\""), empty.body());
        HttpResponse<String> notAFile = post("/api/v1/gesprekken/" + id + "/berichten", app, UUID.randomUUID().toString(),
                "{\"tekst\":\"Zie bijlage\",\"bestanden\":[{\"naam\":\"x.exe\",\"inhoud\":\"TVqQAAMAAAAEAAAA\"}]}");
        assertEquals(422, notAFile.statusCode(), notAFile.body());
        assertTrue(notAFile.body().contains("\"field\":\"bestanden\""), notAFile.body());

        String replyKey = UUID.randomUUID().toString();
        assertEquals(201, post("/api/v1/gesprekken/" + id + "/berichten", app, replyKey, "{\"tekst\":\"Ik wacht nog.\"}").statusCode());
        assertEquals(201, post("/api/v1/gesprekken/" + id + "/berichten", app, replyKey, "{\"tekst\":\"Ik wacht nog.\"}").statusCode());
        assertEquals(2, db.fetchCount(BERICHT, BERICHT.BURGER_ID.eq(jan)));
        HttpResponse<String> list = browser().getJson("/api/v1/gesprekken", app);
        assertTrue(list.body().contains("Ik wacht nog.") && list.body().contains("Vraag over mijn uitkering"), list.body());
    }

    /**
     * The same with the files as binary parts (multipart/form-data, ADR 0057), as a phone's upload library sends them:
     * stored once per key, the file as sent, the consulent sees it; wrong parts are a 422 naming the part.
     */
    @Test
    void theAppSendsFilesAsBinaryParts() throws Exception {
        long fatima = id(FATIMA);
        String app = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        String key = UUID.randomUUID().toString();
        MultipartMessage question = MultipartMessage.of(Map.of("onderwerp", "Mijn huurcontract", "tekst", "Hier is het contract, héél."),
                "huurcontract.pdf", PDF);
        HttpResponse<String> first = browser().send(question.request(server.getURI().resolve("/api/v1/gesprekken"), app, key));
        HttpResponse<String> retry = browser().send(question.request(server.getURI().resolve("/api/v1/gesprekken"), app, key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.headers().firstValue("Location"), retry.headers().firstValue("Location"));
        assertEquals(1, db.fetchCount(GESPREK, GESPREK.BURGER_ID.eq(fatima)));
        Map<?, ?> conversation = json.readValue(first.body(), Map.class);
        String id = (String) conversation.get("id");
        Map<?, ?> message = (Map<?, ?>) ((List<?>) conversation.get("berichten")).get(0);
        assertEquals("Hier is het contract, héél.", message.get("tekst"), "UTF-8 text parts arrive whole");
        Map<?, ?> file = (Map<?, ?>) ((List<?>) message.get("bijlagen")).get(0);
        assertEquals("huurcontract.pdf", file.get("naam"));
        HttpResponse<String> download = download(app, "/api/v1/gesprekken/" + id + "/bijlagen/" + file.get("bestandId"));
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), download.body(), "the bytes as sent");

        // An answer with two files; the consulent sees the text and both names.
        MultipartMessage.FilePart one = new MultipartMessage.FilePart("bestanden", "blad1.pdf", "application/pdf", PDF);
        MultipartMessage.FilePart two = new MultipartMessage.FilePart("bestanden", "blad2.pdf", "application/pdf", PDF);
        HttpResponse<String> answered = browser().send(MultipartMessage.of(Map.of("tekst", "Nog twee bladen."), List.of(one, two))
                .request(server.getURI().resolve("/api/v1/gesprekken/" + id + "/berichten"), app, UUID.randomUUID().toString()));
        assertEquals(201, answered.statusCode(), answered.body());
        WebClient marieke = employee(MARIEKE);
        String seen = Jsoup.parse(marieke.get("/consulent/burgers/" + fatima + "/gesprekken/" + id).body()).text();
        assertTrue(seen.contains("Nog twee bladen.") && seen.contains("blad1.pdf") && seen.contains("blad2.pdf")
                && seen.contains("huurcontract.pdf"), seen);

        // Wrong parts: a name the contract does not have, a file that is not a photo or PDF, four files.
        String reply = "/api/v1/gesprekken/" + id + "/berichten";
        HttpResponse<String> unknown = browser().send(MultipartMessage.of(Map.of("tekst", "Hoi", "bijlage", "x"), List.of())
                .request(server.getURI().resolve(reply), app, UUID.randomUUID().toString()));
        assertEquals(422, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"field\":\"bijlage\""), unknown.body());
        HttpResponse<String> notAFile = browser().send(MultipartMessage.of(Map.of("tekst", "Zie bijlage"),
                        List.of(new MultipartMessage.FilePart("bestanden", "x.exe", "application/octet-stream", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))))
                .request(server.getURI().resolve(reply), app, UUID.randomUUID().toString()));
        assertEquals(422, notAFile.statusCode(), notAFile.body());
        assertTrue(notAFile.body().contains("\"field\":\"bestanden\""), notAFile.body());
        HttpResponse<String> tooMany = browser().send(MultipartMessage.of(Map.of("tekst", "Vier"), List.of(one, two, one, two))
                .request(server.getURI().resolve(reply), app, UUID.randomUUID().toString()));
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("\"field\":\"bestanden\""), tooMany.body());
        // Another citizen's app answering in Fatima's conversation: not found, as if it did not exist.
        String sannesApp = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        HttpResponse<String> notHers = browser().send(MultipartMessage.of(Map.of("tekst", "Hallo"), List.of(one))
                .request(server.getURI().resolve(reply), sannesApp, UUID.randomUUID().toString()));
        assertEquals(404, notHers.statusCode(), notHers.body());
        assertEquals(2, db.fetchCount(BERICHT, BERICHT.BURGER_ID.eq(fatima)), "nothing stored of the wrong ones");
    }

    private HttpResponse<String> download(String bearer, String path) {
        return browser().send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/pdf, image/*, application/json").GET());
    }

    private HttpResponse<String> post(String path, String bearer, String key, String body) {
        return browser().send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private long id(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }
}

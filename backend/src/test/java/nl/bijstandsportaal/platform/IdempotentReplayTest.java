package nl.bijstandsportaal.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.testsupport.ContractCheck;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestIdentityProviders;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.IDEMPOTENCY_RECORD;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A retry with the same Idempotency-Key gets the first answer byte for byte (status, Content-Type, Location, body), for
 * every API operation that takes a key, also after a later change of the same thing and after a restart (ADR 0030).
 * The clock stands at a moment with nanoseconds, more than the database keeps (whole seconds, through this driver), so
 * an answer made from a time in memory would show the difference.
 */
@MicronautTest
class IdempotentReplayTest extends PortalTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.clock.fixed", TestToday.moment().withNano(123_456_789).toString());
        return properties;
    }

    /** An answer as it came over the wire. */
    record Raw(int status, String contentType, String location, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Raw post(URI base, String path, String bearer, String key, String contentType, byte[] body, Map<String, String> extra) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json")
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        extra.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Raw raw = new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null), response.body());
            // This client bypasses WebClient (to see the bytes): the answer is held to the contract here.
            ContractCheck.check("POST", response.uri(), raw.status(), raw.contentType(), raw.location(), raw.text());
            return raw;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Raw postJson(String path, String bearer, String key, String body) {
        return post(server.getURI(), path, bearer, key, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static void assertSame(Raw first, Raw again) {
        assertEquals(first.status(), again.status(), again.text());
        assertEquals(first.contentType(), again.contentType());
        assertEquals(first.location(), again.location());
        assertArrayEquals(first.body(), again.body(), "first: " + first.text() + "\nagain: " + again.text());
    }

    private Map<?, ?> read(Raw raw) throws IOException {
        return json.readValue(raw.body(), Map.class);
    }

    private String token(String bsn) {
        return new MobileApp(server.getURI(), json).login(citizen(bsn)).access();
    }

    /** The newest period this citizen can report (as the app finds it). */
    private String reportablePeriod(String bearer) throws IOException {
        List<Map> periods = json.readValue(browser().getJson("/api/v1/inkomsten", bearer).body(), io.micronaut.core.type.Argument.listOf(Map.class));
        return periods.stream().filter(p -> !"NOG_NIET".equals(p.get("status"))).map(p -> (String) p.get("code")).findFirst().orElseThrow();
    }

    private static String income(String net) {
        return "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"WERK\",\"naam\":\"Bakkerij\",\"netto\":\"" + net + "\",\"loonstrookVolgt\":true}]}";
    }

    @Test
    void anIncomeReportIsAnsweredAsTheFirstTimeAfterACorrectionAndAfterARestart() throws IOException {
        String sanne = token(SANNE);
        String code = reportablePeriod(sanne);
        String path = "/api/v1/inkomsten/" + code;
        String key = UUID.randomUUID().toString();

        Raw first = postJson(path, sanne, key, income("380.00"));
        assertEquals(201, first.status(), first.text());
        assertEquals("application/json", first.contentType());
        assertEquals(path, first.location());
        assertSame(first, postJson(path, sanne, key, income("380.00")));
        // The time in the first answer is the time as stored: the receipt read back says the same.
        Map<?, ?> receipt = read(first);
        assertEquals(receipt.get("verstuurdOp"), json.readValue(browser().getJson(path, sanne).body(), Map.class).get("verstuurdOp"));
        assertEquals(TestToday.moment().withNano(0).atZone(TestToday.DUTCH_TIME).toInstant().toString(), receipt.get("verstuurdOp"),
                "whole seconds, as the database keeps them");

        // A correction with another key makes version 2; the first key still answers version 1, as it did.
        Raw correction = postJson(path, sanne, UUID.randomUUID().toString(), income("400.00"));
        assertEquals(201, correction.status(), correction.text());
        assertEquals(2, read(correction).get("versie"));
        Raw replay = postJson(path, sanne, key, income("380.00"));
        assertSame(first, replay);
        assertEquals(1, read(replay).get("versie"));

        // Another citizen with the same key gets an answer of their own: keys are per person.
        Raw fatimas = postJson(path, token(FATIMA), key, income("380.00"));
        assertEquals(201, fatimas.status(), fatimas.text());
        assertNotEquals(receipt.get("id"), read(fatimas).get("id"));
        // The same key with another report: refused.
        Raw reused = postJson(path, sanne, key, income("999.00"));
        assertEquals(422, reused.status());
        assertTrue(reused.text().contains(ProblemTypes.IDEMPOTENCY_KEY_REUSED), reused.text());

        // After a restart (a new application context on the same database) the answer is still the first one.
        Map<String, Object> properties = new HashMap<>(getProperties());
        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            WebClient web = new WebClient(restarted.getURI());
            TestIdentityProviders.nextCitizen(SANNE);
            assertEquals(200, web.follow(web.get("/oauth/login/digid")).statusCode());
            String again = new MobileApp(restarted.getURI(), json).login(web).access();
            assertSame(first, post(restarted.getURI(), path, again, key, "application/json", income("380.00").getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        long sanneId = db.select(INKOMSTENOPGAVE.BURGER_ID).from(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.PUBLIC_ID.eq((String) receipt.get("id")))
                .fetchSingle(INKOMSTENOPGAVE.BURGER_ID);
        assertEquals(2, db.select(INKOMSTENOPGAVE.VERSIE).from(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(sanneId))
                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(code)).fetchSingle(INKOMSTENOPGAVE.VERSIE), "no retry made a version");
    }

    @Test
    void aChangeReportIsAnsweredAsTheFirstTimeAfterProofWasAdded() throws IOException {
        String sanne = token(SANNE);
        String key = UUID.randomUUID().toString();
        String body = "{\"soort\":\"BUITENLAND\",\"land\":\"Spanje\",\"datum\":\"" + TestToday.date().plusDays(20) + "\",\"datumTot\":\""
                + TestToday.date().plusDays(30) + "\"}";
        Raw first = postJson("/api/v1/wijzigingen", sanne, key, body);
        assertEquals(201, first.status(), first.text());
        String id = (String) read(first).get("id");
        assertEquals("/api/v1/wijzigingen/" + id, first.location());
        assertSame(first, postJson("/api/v1/wijzigingen", sanne, key, body));
        assertEquals(read(first).get("verstuurdOp"), json.readValue(browser().getJson("/api/v1/wijzigingen/" + id, sanne).body(), Map.class).get("verstuurdOp"));

        Raw proof = post(server.getURI(), "/api/v1/wijzigingen/" + id + "/bewijs", sanne, UUID.randomUUID().toString(), "application/pdf", PDF, Map.of("X-Bestandsnaam", "ticket.pdf"));
        assertEquals(201, proof.status(), proof.text());
        assertTrue(proof.text().contains("ticket.pdf"));

        Raw replay = postJson("/api/v1/wijzigingen", sanne, key, body);
        assertSame(first, replay);
        assertFalse(replay.text().contains("ticket.pdf"), "the first answer, before the proof");
    }

    @Test
    void conversationsAreAnsweredAsTheFirstTimeAfterMoreMessages() throws IOException {
        String jan = token(JAN);
        String startKey = UUID.randomUUID().toString();
        String start = "{\"onderwerp\":\"Vraag over de toeslag\",\"tekst\":\"Wanneer hoor ik iets?\",\"bestanden\":[{\"naam\":\"brief.pdf\",\"inhoud\":\""
                + Base64.getEncoder().encodeToString(PDF) + "\"}]}";
        Raw started = postJson("/api/v1/gesprekken", jan, startKey, start);
        assertEquals(201, started.status(), started.text());
        String id = (String) read(started).get("id");
        assertEquals("/api/v1/gesprekken/" + id, started.location());
        assertSame(started, postJson("/api/v1/gesprekken", jan, startKey, start));

        String replyKey = UUID.randomUUID().toString();
        String reply = "{\"tekst\":\"Ik wacht nog.\"}";
        Raw replied = postJson("/api/v1/gesprekken/" + id + "/berichten", jan, replyKey, reply);
        assertEquals(201, replied.status(), replied.text());
        assertSame(replied, postJson("/api/v1/gesprekken/" + id + "/berichten", jan, replyKey, reply));

        // More messages later; both keys still answer the conversation as it was then.
        assertEquals(201, postJson("/api/v1/gesprekken/" + id + "/berichten", jan, UUID.randomUUID().toString(), "{\"tekst\":\"Nog een vraag.\"}").status());
        Raw startAgain = postJson("/api/v1/gesprekken", jan, startKey, start);
        assertSame(started, startAgain);
        assertFalse(startAgain.text().contains("Ik wacht nog."));
        Raw replyAgain = postJson("/api/v1/gesprekken/" + id + "/berichten", jan, replyKey, reply);
        assertSame(replied, replyAgain);
        assertFalse(replyAgain.text().contains("Nog een vraag."));

        // Another citizen cannot answer in Jan's conversation, not with his key either.
        assertEquals(404, postJson("/api/v1/gesprekken/" + id + "/berichten", token(FATIMA), replyKey, reply).status());
    }

    @Test
    void anApplicationAndItsDocumentsAreAnsweredAsTheFirstTimeAfterLaterSteps() throws IOException {
        String fatima = token(FATIMA);
        String startKey = UUID.randomUUID().toString();
        String start = "{\"regeling\":\"bijzondere-bijstand\"}";
        Raw started = postJson("/api/v1/aanvragen", fatima, startKey, start);
        assertEquals(201, started.status(), started.text());
        String id = (String) read(started).get("id");
        assertEquals("/api/v1/aanvragen/" + id, started.location());
        assertSame(started, postJson("/api/v1/aanvragen", fatima, startKey, start));

        Map<?, ?> a = read(started);
        while (a.get("scherm") != null) {
            Map<?, ?> scherm = (Map<?, ?>) a.get("scherm");
            Map<String, String> answers = new LinkedHashMap<>();
            ((List<?>) scherm.get("vragen")).forEach(v -> answers.put((String) ((Map<?, ?>) v).get("id"), answerFor((Map<?, ?>) v)));
            HttpResponse<String> put = browser().putJson("/api/v1/aanvragen/" + id + "/schermen/" + scherm.get("id"),
                    json.writeValueAsString(Map.of("antwoorden", answers)), MobileApp.auth(fatima, null));
            assertEquals(200, put.statusCode(), put.body());
            a = json.readValue(put.body(), Map.class);
        }
        String sendKey = UUID.randomUUID().toString();
        Raw sent = postJson("/api/v1/aanvragen/" + id + "/versturen", fatima, sendKey, "");
        assertEquals(200, sent.status(), sent.text());
        assertNull(sent.location());
        assertSame(sent, postJson("/api/v1/aanvragen/" + id + "/versturen", fatima, sendKey, ""));
        assertSame(started, postJson("/api/v1/aanvragen", fatima, startKey, start));

        // A paper for the proof list, through the documents API; then a second file with another key.
        List<?> bewijs = (List<?>) read(sent).get("bewijs");
        assertFalse(bewijs.isEmpty(), sent.text());
        String verzoek = (String) ((Map<?, ?>) bewijs.get(0)).get("documentverzoek");
        String uploadKey = UUID.randomUUID().toString();
        String files = "/api/v1/documentverzoeken/" + verzoek + "/bestanden";
        Raw uploaded = post(server.getURI(), files, fatima, uploadKey, "application/pdf", PDF, Map.of("X-Bestandsnaam", "loonstrook.pdf"));
        assertEquals(201, uploaded.status(), uploaded.text());
        assertSame(uploaded, post(server.getURI(), files, fatima, uploadKey, "application/pdf", PDF, Map.of("X-Bestandsnaam", "loonstrook.pdf")));
        byte[] second = "%PDF-1.4\n% tweede\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(201, post(server.getURI(), files, fatima, UUID.randomUUID().toString(), "application/pdf", second,
                Map.of("X-Bestandsnaam", "bankafschrift.pdf")).status());
        Raw uploadAgain = post(server.getURI(), files, fatima, uploadKey, "application/pdf", PDF, Map.of("X-Bestandsnaam", "loonstrook.pdf"));
        assertSame(uploaded, uploadAgain);
        assertFalse(uploadAgain.text().contains("bankafschrift.pdf"), "the first answer, before the second file");

        // The application changed since it was sent (a paper came in): sending's key still answers as it did.
        assertSame(sent, postJson("/api/v1/aanvragen/" + id + "/versturen", fatima, sendKey, ""));
        // Someone else's document request: 404, with or without the key.
        assertEquals(404, post(server.getURI(), files, token(HENK), uploadKey, "application/pdf", PDF, Map.of("X-Bestandsnaam", "loonstrook.pdf")).status());
    }

    @Test
    void aConversationRequestAndADeviceAreAnsweredAsTheFirstTime() throws IOException {
        String sanne = token(SANNE);
        String askKey = UUID.randomUUID().toString();
        String ask = "{\"onderwerp\":\"Ik heb werk gevonden\",\"vorm\":\"TELEFOON\",\"voorkeurstijden\":\"Maandag\"}";
        Raw asked = postJson("/api/v1/afspraken/verzoek", sanne, askKey, ask);
        assertEquals(201, asked.status(), asked.text());
        assertEquals(201, postJson("/api/v1/afspraken/verzoek", sanne, UUID.randomUUID().toString(),
                "{\"onderwerp\":\"Nog iets\",\"vorm\":\"KANTOOR\"}").status());
        assertSame(asked, postJson("/api/v1/afspraken/verzoek", sanne, askKey, ask));

        // A device: 201 the first time; the same token registered again (a new app version) is 200; the first key
        // still answers its 201 with the first version.
        String token = "token-" + UUID.randomUUID();
        String deviceKey = UUID.randomUUID().toString();
        String device = "{\"pushtoken\":\"" + token + "\",\"platform\":\"ANDROID\",\"appVersie\":\"1.4.0\"}";
        Raw registered = postJson("/api/v1/apparaten", sanne, deviceKey, device);
        assertEquals(201, registered.status(), registered.text());
        assertSame(registered, postJson("/api/v1/apparaten", sanne, deviceKey, device));
        Raw updated = postJson("/api/v1/apparaten", sanne, UUID.randomUUID().toString(), device.replace("1.4.0", "1.5.0"));
        assertEquals(200, updated.status(), updated.text());
        Raw replay = postJson("/api/v1/apparaten", sanne, deviceKey, device);
        assertSame(registered, replay);
        assertTrue(replay.text().contains("1.4.0"));
    }

    @Test
    void anAnswerNotStoredBeforeACrashIsMadeAtTheNextRetryAndThenKept() throws IOException {
        String jan = token(JAN);
        String key = UUID.randomUUID().toString();
        String start = "{\"onderwerp\":\"Over mijn brief\",\"tekst\":\"Klopt dit bedrag?\"}";
        Raw first = postJson("/api/v1/gesprekken", jan, key, start);
        assertEquals(201, first.status(), first.text());
        // As if the portal died after the commit and before the answer was stored (or the key is from before answers
        // were stored): the key is there, its answer is not.
        assertEquals(1, db.update(IDEMPOTENCY_RECORD).setNull(IDEMPOTENCY_RECORD.ANSWER_BODY).setNull(IDEMPOTENCY_RECORD.ANSWER_HEADERS)
                .where(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key)).execute());

        Raw retry = postJson("/api/v1/gesprekken", jan, key, start);
        assertEquals(201, retry.status(), retry.text());
        assertEquals(read(first).get("id"), read(retry).get("id"), "nothing was made twice");
        assertNotNull(db.select(IDEMPOTENCY_RECORD.ANSWER_BODY).from(IDEMPOTENCY_RECORD).where(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key))
                .fetchSingle(IDEMPOTENCY_RECORD.ANSWER_BODY), "kept now");
        assertEquals(201, postJson("/api/v1/gesprekken/" + read(first).get("id") + "/berichten", jan, UUID.randomUUID().toString(),
                "{\"tekst\":\"Nog iets.\"}").status());
        assertSame(retry, postJson("/api/v1/gesprekken", jan, key, start));
    }

    @Test
    void aBadKeyIsRefused() {
        String sanne = token(SANNE);
        Raw tooLong = postJson("/api/v1/gesprekken", sanne, "x".repeat(129), "{\"onderwerp\":\"Vraag\",\"tekst\":\"Hallo\"}");
        assertEquals(400, tooLong.status(), tooLong.text());
    }

    /** An answer that fits the question: the first option, a whole number, an amount, a short text. */
    private static String answerFor(Map<?, ?> vraag) {
        return switch ((String) vraag.get("soort")) {
            case "KEUZE" -> (String) ((Map<?, ?>) ((List<?>) vraag.get("opties")).get(0)).get("waarde");
            case "HEEL_GETAL" -> "1";
            case "BEDRAG" -> "250,00";
            default -> "Antwoord op " + vraag.get("id");
        };
    }
}

package nl.bijstandsportaal.regelingen;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulePeriod;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static nl.bijstandsportaal.platform.db.generated.Tables.AANVRAAG;
import static nl.bijstandsportaal.platform.db.generated.Tables.BEZWAAR;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.IDEMPOTENCY_RECORD;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.testsupport.MobileApp.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Applying for a regeling from the app, through HTTP: per regeling of the citizen's municipality the whole journey
 * (start, every screen, the answers to check, sending once with an Idempotency-Key, the proof and a request to complete
 * it sent through the documents API), a consulent deciding on the web (a grant above the four-eyes amount is not shown
 * before a second employee agrees), the app reading the decision and making a bezwaar. Bad input is a problem naming the
 * question; another citizen's application is 404; a sent application does not change.
 */
@MicronautTest
class AanvragenApiTest extends PortalTest {

    private static final String UTRECHT = "0344";
    private static final String WESTLAND = "1783";
    private static final String CSRF = "csrfToken";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;
    @Inject
    RulesService rules;
    @Inject
    Messages messages;

    /** Each regeling, for a citizen of Utrecht (two consulenten: four eyes) and one of Westland. */
    Stream<Arguments> journeys() {
        List<Arguments> all = new ArrayList<>();
        for (Regeling regeling : Regeling.values()) {
            all.add(Arguments.of(HENK, UTRECHT, DENNIS, LOTTE, regeling));
            all.add(Arguments.of(SANNE, WESTLAND, MARIEKE, null, regeling));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{4} in {1}")
    @MethodSource("journeys")
    void aJourneyFromStartToDecisionAndBezwaar(String bsn, String gemeente, String consulent, String second, Regeling regeling) throws IOException {
        LocalDate today = TestToday.date();
        String app = token(bsn);
        if (!Eligibility.offered(gemeente, rules.book(), today).contains(regeling)) {
            HttpResponse<String> notOffered = start(app, regeling.slug(), null);
            assertEquals(404, notOffered.statusCode(), notOffered.body());
            assertProblem(notOffered, ProblemTypes.NOT_FOUND);
            return;
        }

        // Started with a key; the retry gets the same concept, stored once.
        String startKey = UUID.randomUUID().toString();
        HttpResponse<String> started = start(app, regeling.slug(), startKey);
        assertEquals(201, started.statusCode(), started.body());
        Map<?, ?> a = read(started);
        String id = (String) a.get("id");
        assertEquals(regeling.slug(), a.get("regeling"));
        assertEquals("CONCEPT", a.get("status"));
        assertEquals(messages.get(Messages.DUTCH, "regelingen." + regeling.code() + ".naam"), a.get("naam"));
        HttpResponse<String> again = start(app, regeling.slug(), startKey);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(id, read(again).get("id"));
        assertEquals(id, read(start(app, regeling.slug(), null)).get("id"), "one concept per regeling");
        long aanvraagId = db.select(AANVRAAG.ID).from(AANVRAAG).where(AANVRAAG.PUBLIC_ID.eq(id)).fetchSingle(AANVRAAG.ID);
        long burgerId = db.select(AANVRAAG.BURGER_ID).from(AANVRAAG).where(AANVRAAG.ID.eq(aanvraagId)).fetchSingle(AANVRAAG.BURGER_ID);
        assertEquals(1, db.fetchCount(AANVRAAG, AANVRAAG.BURGER_ID.eq(burgerId).and(AANVRAAG.REGELING.eq(regeling.name()))
                .and(AANVRAAG.STATUS.eq("CONCEPT"))));

        // Every screen, one at a time, each answer saved at once.
        Map<String, String> screenOf = new LinkedHashMap<>();
        Map<String, String> answered = new LinkedHashMap<>();
        int screens = 0;
        while (a.get("scherm") != null) {
            Map<?, ?> scherm = (Map<?, ?>) a.get("scherm");
            String schermId = (String) scherm.get("id");
            assertTrue((Integer) scherm.get("nummer") >= 1 && (Integer) scherm.get("nummer") <= (Integer) scherm.get("totaal"), scherm.toString());
            Map<String, String> antwoorden = new LinkedHashMap<>();
            for (Object o : (List<?>) scherm.get("vragen")) {
                Map<?, ?> vraag = (Map<?, ?>) o;
                assertFalse(((String) vraag.get("label")).isBlank());
                String value = answerFor(vraag);
                antwoorden.put((String) vraag.get("id"), value);
                screenOf.put((String) vraag.get("id"), schermId);
                answered.put((String) vraag.get("id"), value);
            }
            HttpResponse<String> put = browser().putJson(path(id) + "/schermen/" + schermId, body(Map.of("antwoorden", antwoorden)), auth(app, null));
            assertEquals(200, put.statusCode(), put.body());
            Map<?, ?> next = read(put);
            assertFalse(next.get("scherm") != null && schermId.equals(((Map<?, ?>) next.get("scherm")).get("id")), "the next screen");
            a = next;
            assertTrue(++screens <= 10, "the form ends");
        }
        assertEquals(a, read(browser().getJson(path(id), app)), "saved: the same when read again");

        // The answers to check, each with its screen to change it.
        List<?> antwoorden = (List<?>) a.get("antwoorden");
        assertFalse(antwoorden.isEmpty());
        for (Object o : antwoorden) {
            Map<?, ?> antwoord = (Map<?, ?>) o;
            assertFalse(((String) antwoord.get("vraagTekst")).isBlank());
            assertFalse(((String) antwoord.get("antwoord")).isBlank(), antwoord.toString());
            String vraag = (String) antwoord.get("vraag");
            if (screenOf.containsKey(vraag)) {
                assertEquals(screenOf.get(vraag), antwoord.get("scherm"), vraag);
            }
        }
        assertTrue(antwoorden.stream().map(o -> ((Map<?, ?>) o).get("vraag")).toList().containsAll(answered.keySet()), antwoorden.toString());
        Map<?, ?> first = (Map<?, ?>) antwoorden.get(0);
        Map<?, ?> change = read(browser().getJson(path(id) + "/schermen/" + first.get("scherm"), app));
        Map<?, ?> shown = (Map<?, ?>) change.get("scherm");
        assertEquals(first.get("scherm"), shown.get("id"));
        Map<?, ?> shownQuestion = (Map<?, ?>) ((List<?>) shown.get("vragen")).get(0);
        assertNotNull(shownQuestion.get("antwoord"), "changing shows the answer given: " + shown);
        HttpResponse<String> changed = browser().putJson(path(id) + "/schermen/" + first.get("scherm"),
                body(Map.of("antwoorden", Map.of(shownQuestion.get("id"), shownQuestion.get("antwoord")))), auth(app, null));
        assertEquals(200, changed.statusCode(), changed.body());
        assertNull(read(changed).get("scherm"), "all answered again");
        List<?> proofBefore = (List<?>) a.get("bewijs");
        proofBefore.forEach(p -> assertNull(((Map<?, ?>) p).get("documentverzoek"), "nothing asked before sending"));

        // Sent with a key: the retry and a second send answer the same; everything is stored once.
        String sendKey = UUID.randomUUID().toString();
        HttpResponse<String> sent = send(app, id, sendKey);
        assertEquals(200, sent.statusCode(), sent.body());
        HttpResponse<String> retry = send(app, id, sendKey);
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(sent.body(), retry.body());
        HttpResponse<String> sentAgain = send(app, id, UUID.randomUUID().toString());
        assertEquals(200, sentAgain.statusCode(), sentAgain.body());
        a = read(sent);
        String kenmerk = String.format("A%07d", aanvraagId);
        assertEquals("VERSTUURD", a.get("status"));
        assertEquals(kenmerk, a.get("kenmerk"));
        assertEquals(kenmerk, read(sentAgain).get("kenmerk"));
        assertNull(a.get("scherm"));
        assertEquals(1, db.fetchCount(IDEMPOTENCY_RECORD, IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(sendKey)));
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(burgerId).and(MELDING.LINK.eq("/aanvragen/" + id))
                .and(MELDING.TEKST.startsWith("notification.aanvraag.verstuurd"))), "one receipt");
        List<?> bewijs = (List<?>) a.get("bewijs");
        assertEquals(proofBefore.size(), bewijs.size(), "a document request per paper on the list");
        assertEquals(proofBefore.size(), db.fetchCount(DOCUMENTVERZOEK, DOCUMENTVERZOEK.AANVRAAG_ID.eq(aanvraagId)), "asked once");
        int weeks = rules.book().find(regeling.decisionWeeks(), gemeente, today).map(p -> p.value().intValue()).orElse(8);
        LocalDate deadline = Termijnen.decision(today, weeks, List.of(), null, today).deadline();
        Map<?, ?> termijn = (Map<?, ?>) a.get("termijn");
        assertEquals(deadline.toString(), termijn.get("uitslagUiterlijk"));
        assertEquals(false, termijn.get("stilGezet"));
        Map<?, ?> listed = listed(app, id);
        assertEquals("VERSTUURD", listed.get("status"));
        assertEquals(kenmerk, listed.get("kenmerk"));
        assertEquals(deadline.toString(), listed.get("uitslagUiterlijk"));

        // A sent application does not change.
        String stored = db.select(AANVRAAG.ANTWOORDEN).from(AANVRAAG).where(AANVRAAG.ID.eq(aanvraagId)).fetchSingle(AANVRAAG.ANTWOORDEN);
        HttpResponse<String> late = browser().putJson(path(id) + "/schermen/" + first.get("scherm"),
                body(Map.of("antwoorden", Map.of(shownQuestion.get("id"), shownQuestion.get("antwoord")))), auth(app, null));
        assertEquals(409, late.statusCode(), late.body());
        assertProblem(late, ProblemTypes.CONFLICT);
        assertEquals(409, browser().getJson(path(id) + "/schermen/" + first.get("scherm"), app).statusCode());
        assertEquals(stored, db.select(AANVRAAG.ANTWOORDEN).from(AANVRAAG).where(AANVRAAG.ID.eq(aanvraagId)).fetchSingle(AANVRAAG.ANTWOORDEN));

        // The proof, sent from the phone through the documents API.
        for (Object o : bewijs) {
            Map<?, ?> paper = (Map<?, ?>) o;
            assertEquals("OPEN", paper.get("status"));
            assertEquals(201, upload(app, (String) paper.get("documentverzoek")).statusCode());
        }
        a = read(browser().getJson(path(id), app));
        ((List<?>) a.get("bewijs")).forEach(p -> assertEquals("GESTUURD", ((Map<?, ?>) p).get("status")));

        // The consulent asks to complete it: the clock stands still until the citizen sends it from the phone.
        WebClient employee = employee(consulent);
        String consulentPath = "/consulent/aanvragen/" + id;
        String csrf = WebClient.csrfToken(employee.get(consulentPath).body());
        String why = "Op de offerte staat geen naam.\nStuur er een met naam.";
        assertEquals(303, employee.postForm(consulentPath + "/herstel", Map.of(CSRF, csrf, "wat", "Een offerte met naam",
                "waarom", why, "uiterlijk", today.plusDays(14).toString(), "gecontroleerd", "ja")).statusCode());
        a = read(browser().getJson(path(id), app));
        Map<?, ?> herstel = (Map<?, ?>) ((List<?>) a.get("herstel")).get(0);
        assertEquals("Een offerte met naam", herstel.get("wat"));
        assertEquals(why, herstel.get("waarom"));
        assertEquals("OPEN", herstel.get("status"));
        assertEquals(today.plusDays(14).toString(), herstel.get("uiterlijk"));
        assertEquals(true, ((Map<?, ?>) a.get("termijn")).get("stilGezet"));
        assertEquals(201, upload(app, (String) herstel.get("documentverzoek")).statusCode());
        a = read(browser().getJson(path(id), app));
        assertEquals(false, ((Map<?, ?>) a.get("termijn")).get("stilGezet"));
        assertEquals("GESTUURD", ((Map<?, ?>) ((List<?>) a.get("herstel")).get(0)).get("status"));

        // The decision, on the web. A grant above the four-eyes amount waits for a second employee: the app still
        // reads VERSTUURD and nothing of the decision.
        LocalDate paid = today.plusDays(10);
        String reason = "Dit is het besluit over " + kenmerk + ".";
        boolean granted = regeling != Regeling.KWIJTSCHELDING;
        BigDecimal amount = second != null && regeling == Regeling.BIJZONDERE_BIJSTAND
                ? fourEyesAbove(gemeente).add(new BigDecimal("250")) : new BigDecimal("100.00");
        Map<String, String> decision = granted
                ? Map.of(CSRF, csrf, "besluit", "TOEGEKEND", "bedrag", amount.toPlainString().replace('.', ','), "betaaldatum", paid.toString(), "reden", reason,
                        "gecontroleerd", "ja")
                : Map.of(CSRF, csrf, "besluit", "AFGEWEZEN", "reden", reason, "gecontroleerd", "ja");
        assertEquals(303, employee.postForm(consulentPath + "/besluit", decision).statusCode());
        // Utrecht also has a second employee approve every "no" (rule aanvraag.vier_ogen_afwijzing).
        if (second != null && (regeling == Regeling.BIJZONDERE_BIJSTAND || !granted)) {
            assertEquals("VOORGESTELD", db.select(AANVRAAG.STATUS).from(AANVRAAG).where(AANVRAAG.ID.eq(aanvraagId)).fetchSingle(AANVRAAG.STATUS));
            String waiting = browser().getJson(path(id), app).body();
            assertEquals("VERSTUURD", read(browser().getJson(path(id), app)).get("status"));
            assertFalse(waiting.contains("VOORGESTELD") || waiting.contains(reason) || waiting.contains("\"besluit\""), waiting);
            assertEquals("VERSTUURD", listed(app, id).get("status"));
            assertFalse(browser().getJson("/api/v1/aanvragen", app).body().contains("VOORGESTELD"));
            WebClient other = employee(second);
            String review = other.get(consulentPath).body();
            assertTrue(org.jsoup.Jsoup.parse(review).text().contains(granted ? "stelt voor: toekennen" : "stelt voor: afwijzen"), review);
            assertEquals(303, other.postForm(consulentPath + "/akkoord", Map.of(CSRF, WebClient.csrfToken(review),
                    "keuze", "akkoord")).statusCode());
        }

        // The app reads the decision.
        a = read(browser().getJson(path(id), app));
        assertEquals("BESLOTEN", a.get("status"));
        assertNull(a.get("termijn"));
        Map<?, ?> besluit = (Map<?, ?>) a.get("besluit");
        assertEquals(granted ? "TOEGEKEND" : "AFGEWEZEN", besluit.get("uitkomst"));
        assertEquals(reason, besluit.get("reden"));
        assertEquals(today.toString(), besluit.get("besluitOp"));
        int bezwaarWeeks = rules.book().find(RuleKey.AWB_BEZWAARTERMIJN_WEKEN, gemeente, today).map(p -> p.value().intValue()).orElse(6);
        assertEquals(Termijnen.bezwaarUntil(today, bezwaarWeeks).toString(), besluit.get("bezwaarTot"));
        assertEquals(false, besluit.get("bezwaarTeLaat"));
        assertFalse(((String) besluit.get("tekst")).isBlank() || ((String) besluit.get("betekent")).isBlank());
        if (granted) {
            assertEquals(Map.of("bedrag", amount.setScale(2).toPlainString(), "valuta", "EUR"), besluit.get("bedrag"));
            assertEquals(paid.toString(), besluit.get("betaaldatum"));
        } else {
            assertNull(besluit.get("bedrag"));
        }
        assertEquals("BESLOTEN", listed(app, id).get("status"));

        // Bezwaar: the field is named; once per decision. Late (moved back in the database): why late is asked too.
        if (!granted) {
            db.update(AANVRAAG).set(AANVRAAG.BESLOTEN_OP, TestToday.utc().minusWeeks(8)).where(AANVRAAG.ID.eq(aanvraagId)).execute();
            assertEquals(true, ((Map<?, ?>) read(browser().getJson(path(id), app)).get("besluit")).get("bezwaarTeLaat"));
        }
        HttpResponse<String> empty = object(app, id, Map.of("waarom", " "));
        assertEquals(422, empty.statusCode(), empty.body());
        assertEquals(granted ? List.of("waarom") : List.of("waarom", "teLaat"), fields(empty));
        if (!granted) {
            HttpResponse<String> noLateReason = object(app, id, Map.of("waarom", "Ik ben het er niet mee eens."));
            assertEquals(List.of("teLaat"), fields(noLateReason));
        }
        Map<String, String> objection = granted ? Map.of("waarom", "Het is te weinig.")
                : Map.of("waarom", "Ik ben het er niet mee eens.", "teLaat", "Ik lag in het ziekenhuis.");
        HttpResponse<String> made = object(app, id, objection);
        assertEquals(201, made.statusCode(), made.body());
        Map<?, ?> bezwaar = (Map<?, ?>) read(made).get("bezwaar");
        assertTrue(((String) bezwaar.get("kenmerk")).matches("B\\d{7}"), bezwaar.toString());
        assertEquals(today.toString(), bezwaar.get("op"));
        assertEquals(objection.get("waarom"), bezwaar.get("waarom"));
        HttpResponse<String> twice = object(app, id, Map.of("waarom", "Nog een keer."));
        assertEquals(201, twice.statusCode(), twice.body());
        assertEquals(bezwaar, read(twice).get("bezwaar"));
        assertEquals(1, db.fetchCount(BEZWAAR, BEZWAAR.AANVRAAG_ID.eq(aanvraagId)));
    }

    @Test
    void badInputIsAProblemNamingTheQuestion() throws IOException {
        String fatima = token(FATIMA);
        assertEquals(401, browser().getJson("/api/v1/aanvragen", null).statusCode());
        HttpResponse<String> unknown = start(fatima, "bestaat-niet", null);
        assertEquals(404, unknown.statusCode());
        assertProblem(unknown, ProblemTypes.NOT_FOUND);
        HttpResponse<String> none = browser().postJson("/api/v1/aanvragen", "{}", auth(fatima, java.util.UUID.randomUUID().toString()));
        assertEquals(422, none.statusCode(), none.body());
        assertProblem(none, ProblemTypes.VALIDATION);
        assertTrue(fields(none).contains("regeling"), none.body());

        assertTrue(Eligibility.offered(WESTLAND, rules.book(), TestToday.date()).contains(Regeling.BIJZONDERE_BIJSTAND));
        String id = (String) read(start(fatima, "bijzondere-bijstand", null)).get("id");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> reused = start(fatima, "meedoenregeling", key);
        assertEquals(201, reused.statusCode(), reused.body());
        HttpResponse<String> otherBody = start(fatima, "kwijtschelding", key);
        assertEquals(422, otherBody.statusCode(), otherBody.body());
        assertProblem(otherBody, ProblemTypes.IDEMPOTENCY_KEY_REUSED);

        // Not every question answered: sending names the next screen's question, and stores nothing (not the key either).
        String sendKey = UUID.randomUUID().toString();
        HttpResponse<String> tooSoon = send(fatima, id, sendKey);
        assertEquals(422, tooSoon.statusCode(), tooSoon.body());
        assertProblem(tooSoon, ProblemTypes.VALIDATION);
        assertEquals(List.of("kosten"), fields(tooSoon));
        assertEquals(0, db.fetchCount(IDEMPOTENCY_RECORD, IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(sendKey)));

        // A choice that is not an option, nothing, a missing body part, an unknown screen.
        HttpResponse<String> wrong = browser().putJson(path(id) + "/schermen/kosten", body(Map.of("antwoorden", Map.of("kosten", "fiets"))), auth(fatima, null));
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertProblem(wrong, ProblemTypes.VALIDATION);
        Map<?, ?> error = (Map<?, ?>) ((List<?>) problem(wrong).get("errors")).get(0);
        assertEquals("kosten", error.get("field"));
        assertEquals(messages.get(Messages.DUTCH, "aanvraag.kosten.error"), error.get("message"));
        Map<String, String> english = new HashMap<>(auth(fatima, null));
        english.put("Accept-Language", "en");
        HttpResponse<String> inEnglish = browser().putJson(path(id) + "/schermen/kosten", body(Map.of("antwoorden", Map.of())), english);
        assertEquals(422, inEnglish.statusCode());
        assertEquals(messages.get(Messages.ENGLISH, "aanvraag.kosten.error"), ((Map<?, ?>) ((List<?>) problem(inEnglish).get("errors")).get(0)).get("message"));
        assertEquals(List.of("kosten"), fields(browser().putJson(path(id) + "/schermen/kosten", "{}", auth(fatima, null))));
        HttpResponse<String> noScreen = browser().putJson(path(id) + "/schermen/bestaat-niet", body(Map.of("antwoorden", Map.of("x", "y"))), auth(fatima, null));
        assertEquals(404, noScreen.statusCode());
        assertProblem(noScreen, ProblemTypes.NOT_FOUND);
        assertEquals(404, browser().getJson(path(id) + "/schermen/bestaat-niet", fatima).statusCode());
        assertEquals(messages.get(Messages.DUTCH, "aanvraag.kosten.label"),
                ((Map<?, ?>) ((List<?>) ((Map<?, ?>) read(browser().getJson(path(id), fatima)).get("scherm")).get("vragen")).get(0)).get("label"),
                "nothing was saved: the same screen");

        // An amount that is not one.
        put(fatima, id, "kosten", Map.of("kosten", "witgoed"));
        put(fatima, id, "omschrijving", Map.of("omschrijving", "Mijn koelkast is kapot."));
        HttpResponse<String> notAnAmount = browser().putJson(path(id) + "/schermen/bedrag", body(Map.of("antwoorden", Map.of("bedrag", "heel veel"))), auth(fatima, null));
        assertEquals(422, notAnAmount.statusCode());
        assertEquals(List.of("bedrag"), fields(notAnAmount));

        // No bezwaar before a decision.
        HttpResponse<String> noDecision = object(fatima, id, Map.of("waarom", "Zomaar."));
        assertEquals(409, noDecision.statusCode(), noDecision.body());
        assertProblem(noDecision, ProblemTypes.CONFLICT);

        // Once every question is answered, the same key sends it.
        Map<?, ?> a = put(fatima, id, "bedrag", Map.of("bedrag", "399,99"));
        while (a.get("scherm") != null) {
            Map<?, ?> scherm = (Map<?, ?>) a.get("scherm");
            Map<String, String> answers = new LinkedHashMap<>();
            ((List<?>) scherm.get("vragen")).forEach(v -> answers.put((String) ((Map<?, ?>) v).get("id"), answerFor((Map<?, ?>) v)));
            a = put(fatima, id, (String) scherm.get("id"), answers);
        }
        assertTrue(((List<?>) a.get("antwoorden")).stream().anyMatch(x -> "bedrag".equals(((Map<?, ?>) x).get("vraag"))
                && ((String) ((Map<?, ?>) x).get("antwoord")).contains("399,99")));
        HttpResponse<String> sent = send(fatima, id, sendKey);
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals("VERSTUURD", read(sent).get("status"));
    }

    @Test
    void anotherCitizensApplicationIsNotFound() throws IOException {
        String jan = token(JAN);
        String id = (String) read(start(jan, "meedoenregeling", null)).get("id");
        String henk = token(HENK);
        assertEquals(404, browser().getJson(path(id), henk).statusCode());
        assertProblem(browser().getJson(path(id), henk), ProblemTypes.NOT_FOUND);
        assertEquals(404, browser().getJson(path(id) + "/schermen/voorWie", henk).statusCode());
        assertEquals(404, browser().putJson(path(id) + "/schermen/voorWie", body(Map.of("antwoorden", Map.of("voorWie", "zelf"))),
                auth(henk, null)).statusCode());
        String key = UUID.randomUUID().toString();
        assertEquals(404, send(henk, id, key).statusCode());
        assertEquals(404, send(henk, id, null).statusCode());
        assertEquals(404, object(henk, id, Map.of("waarom", "Zomaar.")).statusCode());
        assertFalse(browser().getJson("/api/v1/aanvragen", henk).body().contains(id));
        assertEquals(0, db.fetchCount(IDEMPOTENCY_RECORD, IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key)));
        var row = db.fetchOne(AANVRAAG, AANVRAAG.PUBLIC_ID.eq(id));
        assertEquals("CONCEPT", row.getStatus());
        assertFalse(row.getAntwoorden() != null && row.getAntwoorden().contains("voorWie"), "nothing changed");
        assertTrue(browser().getJson("/api/v1/aanvragen", jan).body().contains(id), "Jan sees his own");
    }

    @Test
    void theOpenApiDocumentHasTheRoutes() {
        String doc = browser().getJson("/api/v1/openapi.json", null).body();
        for (String route : List.of("\"/api/v1/aanvragen\":", "\"/api/v1/aanvragen/{id}\":",
                "\"/api/v1/aanvragen/{id}/schermen/{scherm}\":", "\"/api/v1/aanvragen/{id}/versturen\":", "\"/api/v1/aanvragen/{id}/bezwaar\":")) {
            assertTrue(doc.contains(route), route);
        }
    }

    // ---- what the app does -------------------------------------------------------------------------------------

    private String token(String bsn) {
        return new MobileApp(server.getURI(), json).login(citizen(bsn)).access();
    }

    private static String path(String id) {
        return "/api/v1/aanvragen/" + id;
    }

    private HttpResponse<String> start(String bearer, String regeling, String key) throws IOException {
        return browser().postJson("/api/v1/aanvragen", body(Map.of("regeling", regeling)), auth(bearer, key == null ? UUID.randomUUID().toString() : key));
    }

    private HttpResponse<String> send(String bearer, String id, String key) {
        return browser().postJson(path(id) + "/versturen", "", auth(bearer, key == null ? UUID.randomUUID().toString() : key));
    }

    private HttpResponse<String> object(String bearer, String id, Map<String, String> bezwaar) throws IOException {
        return browser().postJson(path(id) + "/bezwaar", body(bezwaar), auth(bearer, java.util.UUID.randomUUID().toString()));
    }

    private Map<?, ?> put(String bearer, String id, String scherm, Map<String, String> answers) throws IOException {
        HttpResponse<String> response = browser().putJson(path(id) + "/schermen/" + scherm, body(Map.of("antwoorden", answers)), auth(bearer, null));
        assertEquals(200, response.statusCode(), response.body());
        return read(response);
    }

    private Map<?, ?> listed(String bearer, String id) throws IOException {
        List<Map> list = json.readValue(browser().getJson("/api/v1/aanvragen", bearer).body(), io.micronaut.core.type.Argument.listOf(Map.class));
        return list.stream().filter(x -> id.equals(x.get("id"))).findFirst().orElseThrow();
    }

    /** A PDF for a document request, through the documents API; each one a little different. */
    private HttpResponse<String> upload(String bearer, String verzoek) {
        byte[] pdf = ("%PDF-1.4\n% " + verzoek + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = browser().send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/documentverzoeken/" + verzoek + "/bestanden"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/pdf").header("X-Bestandsnaam", "papier.pdf")
                .header("Accept", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        long id = db.select(DOCUMENTVERZOEK.ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(verzoek)).fetchSingle(DOCUMENTVERZOEK.ID);
        assertEquals(1, db.fetchCount(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(id)), response.body());
        return response;
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

    private BigDecimal fourEyesAbove(String gemeente) {
        return rules.book().find(RuleKey.AANVRAAG_VIER_OGEN_BEDRAG, gemeente, TestToday.date()).map(RulePeriod::value).orElseThrow();
    }

    private String body(Object value) throws IOException {
        return json.writeValueAsString(value);
    }

    private Map<?, ?> read(HttpResponse<String> response) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.body());
        return json.readValue(response.body(), Map.class);
    }

    private Map<?, ?> problem(HttpResponse<String> response) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON), response.body());
        return json.readValue(response.body(), Map.class);
    }

    private List<String> fields(HttpResponse<String> response) throws IOException {
        assertEquals(response.statusCode() == 400 ? 400 : 422, response.statusCode(), response.body());
        return ((List<?>) problem(response).get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    }

    private void assertProblem(HttpResponse<String> response, String type) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON), response.headers().toString());
        Map<?, ?> problem = json.readValue(response.body(), Map.class);
        assertEquals(type, problem.get("type"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }
}

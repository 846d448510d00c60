package nl.bijstandsportaal.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.appclient.model.Problem;
import nl.bijstandsportaal.appclienttest.AppJourney;
import nl.bijstandsportaal.testsupport.ContractCheck;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.MultipartMessage;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestRows;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kotlin client an Android team generates from the contract (openapi-generator, kotlin, jvm-okhttp4,
 * kotlinx.serialization; ADR 0050) reads every answer of the demo data: every GET of the API for each demo citizen, and
 * the POSTs an app makes most, decoded strictly. The client is generated and compiled by the build (backend/pom.xml);
 * the calls are in {@link AppJourney}. Every answer also passes the contract check the other API tests use.
 */
@MicronautTest
class GeneratedClientTest extends PortalTest {

    /** Opened in the system browser, not called by the client (docs/mobile-login.md). */
    private static final Set<String> NOT_CALLED = Set.of("inloggenStarten");

    /** A demo citizen of Westland with a document request, its conversation and a message (DemoDataSeeder). */
    private static final String AHMED = "999990068";

    @Inject
    JsonMapper json;
    @Inject
    DSLContext db;

    private AppJourney app(String bsn) {
        String token = new MobileApp(server.getURI(), json).login(citizen(bsn)).access();
        return new AppJourney(server.getURI().toString(), token, GeneratedClientTest::contractCheck);
    }

    /** The same check as every WebClient answer (ContractCheck), for the generated client's answers. */
    private static Response contractCheck(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String path = chain.request().url().encodedPath();
        String contentType = response.header("Content-Type");
        String body = response.peekBody(Long.MAX_VALUE).string();
        List<String> problems = ContractCheck.problems(chain.request().method(), path, response.code(), contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + chain.request().method() + " " + path + " (" + response.code()
                    + ") breaks the OpenAPI document:\n  " + String.join("\n  ", problems) + "\nbody: " + body);
        }
        return response;
    }

    /**
     * Every GET of the contract, for each demo citizen. The demo data has little of what the app reads (Ahmed's document
     * request, its conversation and message), so Sanne first does what an app does (income, an application, a change, a
     * conversation, a phone) and her consulent plans an appointment with her, on the consulent's page.
     */
    @Test
    void theGeneratedClientReadsEveryGetForEveryDemoCitizen() {
        planAnAppointmentFor(SANNE);
        askWithAFile(SANNE);
        Set<String> called = new TreeSet<>();
        int answers = 0;
        AppJourney sanne = app(SANNE).sendSomething(TestToday.date()).readEverything();
        System.out.println("Sanne: " + sanne.summary());
        called.addAll(sanne.operations());
        answers += sanne.getCalls().size();
        for (String bsn : List.of(FATIMA, JAN, HENK, AHMED)) {
            // Ahmed has the demo's document request: he sends a file for it too, so the app reads a file back by its id.
            AppJourney journey = AHMED.equals(bsn) ? app(bsn).sendSomething(TestToday.date()).readEverything() : app(bsn).readEverything();
            System.out.println(bsn + ": " + journey.summary());
            called.addAll(journey.operations());
            answers += journey.getCalls().size();
        }
        Set<String> gets = operations("get");
        gets.removeAll(NOT_CALLED);
        Set<String> missing = new TreeSet<>(gets);
        missing.removeAll(called);
        assertEquals(Set.of(), missing, "GETs of the contract the generated client never called (no data for them?)");
        assertTrue(answers > 2 * gets.size(), "decoded " + answers + " answers");
    }

    @Test
    void theGeneratedClientSendsWhatAnAppSends() {
        // Ahmed has a document request open in the demo data: the file for it goes through the generated client too.
        AppJourney journey = app(AHMED).sendSomething(TestToday.date());
        System.out.println("Ahmed sent: " + journey.summary());
        Set<String> sent = journey.operations();
        for (String operation : List.of("inkomstenDoorgeven", "inkomstenBewijsSturen", "aanvraagStarten", "documentBestandSturen",
                "wijzigingDoorgeven", "wijzigingBewijsSturen", "wijzigingBewijsVerwijderen", "apparaatRegistreren", "apparaatVerwijderen", "gesprekStarten",
                "gesprekBeantwoorden", "gesprekAanvragen", "meldingsvoorkeurenOpslaan", "meldingGelezen")) {
            assertTrue(sent.contains(operation), operation + " not called: " + journey.summary());
        }
        journey.getCalls().stream().filter(c -> c.getOperation().equals("inkomstenDoorgeven"))
                .forEach(c -> assertFalse(c.getAnswer() instanceof Problem, c.toString()));
    }

    /**
     * The citizen asks a question with a PDF from the app as an upload library sends it (multipart/form-data, the
     * file as a binary part, ADR 0057); the journey then reads the file back by its {@code bestandId} through the
     * generated client. (The generated client itself sends its question with the file in base64: {@code Requests.question}.)
     */
    private void askWithAFile(String bsn) {
        String token = new MobileApp(server.getURI(), json).login(citizen(bsn)).access();
        HttpResponse<String> asked = browser().send(MultipartMessage.of(Map.of("onderwerp", "Mijn brief", "tekst", "Zie de bijlage."),
                        "brief.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .request(server.getURI().resolve("/api/v1/gesprekken"), token, java.util.UUID.randomUUID().toString()));
        assertEquals(201, asked.statusCode(), asked.body());
    }

    /** The citizen's consulent plans a phone appointment a week from now, on the consulent's page. */
    private void planAnAppointmentFor(String bsn) {
        long burger = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
        WebClient marieke = employee(MARIEKE);
        String token = WebClient.csrfToken(marieke.get("/consulent/burgers/" + burger + "/afspraken/nieuw").body());
        HttpResponse<String> planned = marieke.postForm("/consulent/burgers/" + burger + "/afspraken", Map.of("csrfToken", token,
                "datum", TestToday.date().plusDays(7).toString(), "tijd", "10:00", "duur", "30", "vorm", "TELEFOON",
                "onderwerp", "Je plan voor werk"));
        assertEquals(303, planned.statusCode(), planned.body());
    }

    /** The operationIds of the contract with this method. */
    @SuppressWarnings("unchecked")
    private static Set<String> operations(String method) {
        Map<String, Object> document = new Yaml().load(ContractCheck.document());
        Set<String> ids = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).values().forEach(path -> {
            Object operation = path.get(method);
            if (operation instanceof Map<?, ?> op) {
                ids.add((String) op.get("operationId"));
            }
        });
        return ids;
    }
}

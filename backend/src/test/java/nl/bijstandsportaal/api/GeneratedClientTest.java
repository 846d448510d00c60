package nl.bijstandsportaal.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.appclient.model.Problem;
import nl.bijstandsportaal.appclienttest.AppJourney;
import nl.bijstandsportaal.testsupport.ContractCheck;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    @Inject
    JsonMapper json;

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

    @Test
    void theGeneratedClientReadsEveryGetForEveryDemoCitizen() {
        Set<String> called = new TreeSet<>();
        int answers = 0;
        for (String bsn : List.of(SANNE, FATIMA, JAN, HENK)) {
            AppJourney journey = app(bsn).readEverything();
            called.addAll(journey.operations());
            answers += journey.getCalls().size();
        }
        Set<String> gets = operations("get");
        gets.removeAll(NOT_CALLED);
        Set<String> missing = new TreeSet<>(gets);
        missing.removeAll(called);
        assertEquals(Set.of(), missing, "GETs of the contract the generated client never called (demo data without them?)");
        assertTrue(answers > 4 * gets.size() / 2, "decoded " + answers + " answers");
    }

    @Test
    void theGeneratedClientSendsAndReadsWhatAnAppSends() {
        AppJourney journey = app(SANNE).sendSomething();
        Set<String> sent = journey.operations();
        for (String operation : List.of("inkomstenDoorgeven", "inkomstenBewijsSturen", "aanvraagStarten", "apparaatRegistreren",
                "gesprekStarten", "gesprekBeantwoorden", "meldingsvoorkeurenOpslaan")) {
            assertTrue(sent.contains(operation), operation + " not called: " + sent);
        }
        journey.getCalls().stream().filter(c -> c.getOperation().equals("inkomstenDoorgeven"))
                .forEach(c -> assertFalse(c.getAnswer() instanceof Problem, c.toString()));
        // Fatima has a document request open in the demo data: a file for it through the generated client.
        assertTrue(app(FATIMA).sendSomething().operations().contains("documentBestandSturen"));
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

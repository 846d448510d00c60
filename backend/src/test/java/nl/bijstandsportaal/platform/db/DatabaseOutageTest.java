package nl.bijstandsportaal.platform.db;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded MariaDB dies (kill -9) under a running portal: readiness says DOWN, the app gets a fast 503
 * problem+json with Retry-After and a browser a plain page; the watchdog starts the server again and the portal
 * recovers by itself. This class has its own data folder, so its server is its own: no other test class notices.
 */
@MicronautTest
class DatabaseOutageTest extends PortalTest {

    static final String DATA_DIR = "target/test-mariadb-outage";
    /** Long enough to look at the outage before the watchdog ends it. */
    private static final Duration RESTART_DELAY = Duration.ofSeconds(15);
    private static final Duration FAST = Duration.ofSeconds(6);

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("portal.db.embedded-data-dir", DATA_DIR);
        properties.put("portal.db.embedded-restart-delay", RESTART_DELAY.toSeconds() + "s");
        properties.put("portal.db.connection-timeout", "2s");
        return properties;
    }

    @Test
    void aDeadDatabaseGivesFastAnswersAndThePortalRecoversByItself() throws Exception {
        EmbeddedMariaDb mariaDb = EmbeddedMariaDb.shared(Path.of(DATA_DIR), true, RESTART_DELAY);
        String token = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        WebClient web = citizen(HENK);
        assertEquals(200, browser().get("/health/readiness").statusCode());
        int restartsBefore = mariaDb.restarts();

        ProcessHandle process = mariaDb.process().orElseThrow();
        process.destroyForcibly();
        process.onExit().get();

        HttpResponse<String> readiness = timed(() -> browser().get("/health/readiness"));
        assertEquals(503, readiness.statusCode(), readiness.body());
        assertTrue(readiness.body().contains("DOWN"), readiness.body());
        assertEquals(200, browser().get("/health/liveness").statusCode(), "liveness: a restart would not help");

        HttpResponse<String> api = timed(() -> browser().getJson("/api/v1/ik", token));
        assertEquals(503, api.statusCode(), api.body());
        assertEquals("application/problem+json", api.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("30", api.headers().firstValue("Retry-After").orElse(""));
        Map<?, ?> problem = json.readValue(api.body(), Map.class);
        assertEquals(ProblemTypes.UNAVAILABLE, problem.get("type"));
        assertEquals(503, problem.get("status"));
        assertTrue(problem.get("detail").toString().contains("Probeer het over een paar minuten opnieuw"), api.body());
        assertTrue(!api.body().contains("Exception") && !api.body().contains("incident"), api.body());

        HttpResponse<String> page = timed(() -> web.get("/overzicht"));
        assertEquals(503, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("Het portaal kan nu even niet bij de gegevens."), page.body());
        assertTrue(page.body().contains("Probeer het over een paar minuten opnieuw."), page.body());
        assertTrue(!page.body().contains("Exception"), page.body());
        HttpResponse<String> english = timed(() -> web.language("en").get("/overzicht"));
        assertEquals(503, english.statusCode());
        assertTrue(english.body().contains("The portal cannot reach its data just now."), english.body());
        web.language("nl");

        // Back by itself: the watchdog starts the server on the same folder and port, the pool reconnects.
        long deadline = System.nanoTime() + RESTART_DELAY.plusSeconds(60).toNanos();
        while (browser().get("/health/readiness").statusCode() != 200 || mariaDb.restarts() == restartsBefore) {
            assertTrue(System.nanoTime() < deadline, "readiness did not come back");
            Thread.sleep(500);
        }
        assertEquals(restartsBefore + 1, mariaDb.restarts(), "started again once");
        assertTrue(mariaDb.process().orElseThrow().pid() != process.pid());
        assertEquals(200, browser().getJson("/api/v1/ik", token).statusCode());
        HttpResponse<String> home = web.get("/overzicht");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Henk"), "the demo data is still there");
    }

    @AfterAll
    void serverIsRunning() {
        assertTrue(EmbeddedMariaDb.shared(Path.of(DATA_DIR), true, RESTART_DELAY).process().isPresent());
    }

    private interface Call {
        HttpResponse<String> call() throws IOException, InterruptedException;
    }

    /** The answer, which must come within {@link #FAST}: never a 30-second wait. */
    private static HttpResponse<String> timed(Call call) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = call.call();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(FAST) < 0, "answered after " + took.toMillis() + " ms");
        return response;
    }
}

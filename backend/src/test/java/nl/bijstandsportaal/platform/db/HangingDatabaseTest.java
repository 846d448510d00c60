package nl.bijstandsportaal.platform.db;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded MariaDB hangs (SIGSTOP: alive, port open, no answer) under a running portal: a request that was given a
 * connection in use a moment ago ends after the socket timeout, every other one after the connection timeout, all with
 * the 503; readiness is DOWN. After SIGCONT the portal recovers by itself. Its own data folder, as DatabaseOutageTest.
 */
@MicronautTest
class HangingDatabaseTest extends PortalTest {

    static final String DATA_DIR = "target/test-mariadb-hang";
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** The socket timeout, a connection timeout and some slack for a busy machine: never the hang it was before. */
    private static final Duration FAST = SOCKET_TIMEOUT.plus(CONNECTION_TIMEOUT).plusSeconds(3);

    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("portal.db.embedded-data-dir", DATA_DIR);
        properties.put("portal.db.connection-timeout", CONNECTION_TIMEOUT.toSeconds() + "s");
        properties.put("portal.db.socket-timeout", SOCKET_TIMEOUT.toSeconds() + "s");
        return properties;
    }

    @Test
    void everyPooledConnectionHasTheSocketTimeoutAlsoThoseTheMigrationsUsed() throws Exception {
        List<java.sql.Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                java.sql.Connection c = dataSource.getConnection();
                held.add(c);
                assertEquals(SOCKET_TIMEOUT.toMillis(), c.getNetworkTimeout(), "connection " + i);
            }
        } finally {
            for (java.sql.Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void aHangingDatabaseGivesFastAnswersAndThePortalRecoversWhenItAnswersAgain() throws Exception {
        EmbeddedMariaDb mariaDb = EmbeddedMariaDb.shared(Path.of(DATA_DIR), true);
        String token = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        WebClient web = citizen(HENK);
        int restartsBefore = mariaDb.restarts();
        long pid = mariaDb.process().orElseThrow().pid();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            assertEquals(200, browser().getJson("/api/v1/ik", token).statusCode());
            signal("STOP", pid);
            // Right after a request: the pool hands out that connection without checking it; its query gets no answer.
            HttpResponse<String> inUse = timed(clients, () -> browser().getJson("/api/v1/ik", token));
            assertEquals(503, inUse.statusCode(), inUse.body());
            assertEquals(ProblemTypes.UNAVAILABLE, json.readValue(inUse.body(), Map.class).get("type"));
            assertEquals("30", inUse.headers().firstValue("Retry-After").orElse(""));

            // Many at once, app and web: each one ends within the bound, none waits for the database to answer.
            List<Future<HttpResponse<String>>> many = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                Callable<HttpResponse<String>> call = i % 2 == 0 ? () -> browser().getJson("/api/v1/ik", token) : () -> web.get("/overzicht");
                many.add(clients.submit(call));
            }
            for (Future<HttpResponse<String>> f : many) {
                HttpResponse<String> answer = f.get(60, TimeUnit.SECONDS);
                assertEquals(503, answer.statusCode(), answer.body());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(FAST) < 0, "8 requests at once answered after " + took.toMillis() + " ms");
            HttpResponse<String> page = timed(clients, () -> web.get("/overzicht"));
            assertEquals(503, page.statusCode());
            assertTrue(page.body().contains("Het portaal kan nu even niet bij de gegevens."), page.body());

            HttpResponse<String> readiness = timed(clients, () -> browser().get("/health/readiness"));
            assertEquals(503, readiness.statusCode(), readiness.body());
            assertEquals(200, timed(clients, () -> browser().get("/health/liveness")).statusCode());
        } finally {
            signal("CONT", pid);
            clients.shutdownNow();
        }

        // It answers again: the pool drops the connections it gave up on, opens new ones, and everything works.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (browser().get("/health/readiness").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "readiness did not come back");
            Thread.sleep(250);
        }
        assertEquals(200, browser().getJson("/api/v1/ik", token).statusCode());
        assertEquals(200, web.get("/overzicht").statusCode());
        assertEquals(restartsBefore, mariaDb.restarts(), "a hanging server is not a dead one: not started again");
        assertEquals(pid, mariaDb.process().orElseThrow().pid());
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }

    /** The answer, which must come within {@link #FAST}; a hang fails the test after a minute instead of holding it. */
    private static HttpResponse<String> timed(ExecutorService clients, Callable<HttpResponse<String>> call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = clients.submit(call).get(60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(FAST) < 0, "answered after " + took.toMillis() + " ms");
        return response;
    }
}

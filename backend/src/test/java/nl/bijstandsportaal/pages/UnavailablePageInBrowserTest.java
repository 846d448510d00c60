package nl.bijstandsportaal.pages;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.platform.db.EmbeddedMariaDb;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page "Het portaal kan nu even niet bij de gegevens" (503 while the database does not answer) in a real Chromium,
 * for a citizen who is logged in and for a visitor who is not, at 320 px and desktop width: zero axe-core violations,
 * fits the screen, one h1. The database is made to hang (SIGSTOP) on a data folder of this class's own.
 */
@MicronautTest
@Tag("browser")
class UnavailablePageInBrowserTest extends PortalTest {

    static final String DATA_DIR = "target/test-mariadb-unavailable-page";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("portal.db.embedded-data-dir", DATA_DIR);
        properties.put("portal.db.connection-timeout", "1s");
        properties.put("portal.db.socket-timeout", "2s");
        return properties;
    }

    @Test
    void theUnavailablePageIsAccessibleOnPhoneAndDesktop() throws Exception {
        BrowserSteps ui = new BrowserSteps(server.getPort());
        long pid = EmbeddedMariaDb.shared(Path.of(DATA_DIR), true).process().orElseThrow().pid();
        List<String> problems = new ArrayList<>();
        for (int[] viewport : BrowserSteps.VIEWPORTS) {
            try (BrowserContext citizen = ui.context(viewport[0], viewport[1]);
                 BrowserContext visitor = ui.context(viewport[0], viewport[1])) {
                Page logged = citizen.newPage();
                ui.demoLogin(logged, "/demo/digid", "Sanne de Vries");
                Page anonymous = visitor.newPage();
                signal("STOP", pid);
                try {
                    unavailable(ui, logged, "/overzicht", viewport[0], problems);
                    unavailable(ui, anonymous, "/regelingen", viewport[0], problems);
                } finally {
                    signal("CONT", pid);
                }
                waitUntilReady(ui);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void unavailable(BrowserSteps ui, Page page, String path, int width, List<String> problems) {
        Response response = page.navigate(ui.base() + path);
        assertEquals(503, response.status(), path + ": " + page.content());
        assertTrue(page.locator("main").innerText().contains("Het portaal kan nu even niet bij de gegevens."), page.content());
        ui.check(page, "503 " + path, width, problems);
    }

    private void waitUntilReady(BrowserSteps ui) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (browser().get("/health/readiness").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "readiness did not come back");
            Thread.sleep(250);
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }
}

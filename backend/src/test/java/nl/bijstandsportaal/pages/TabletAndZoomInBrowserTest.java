package nl.bijstandsportaal.pages;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main citizen pages at a tablet's width (768 px) and at 200 % zoom of a 1280 px screen (640 CSS pixels wide, WCAG
 * 1.4.4 and 1.4.10): zero axe-core violations, nothing wider than the screen, one h1 (issue 18); at the tablet's width
 * in Arabic too. Phone and desktop widths are checked by the other browser tests.
 */
@MicronautTest
@Tag("browser")
class TabletAndZoomInBrowserTest extends PortalTest {

    private static final List<String> PAGES = List.of("/overzicht", "/inkomsten", "/rechten-en-plichten", "/documenten", "/gesprekken",
            "/afspraken", "/regelingen", "/berichten", "/wijziging", "/wat-als-ik-ga-werken", "/meldingen/instellingen");

    private BrowserSteps ui;

    @BeforeEach
    void browserSteps() {
        ui = new BrowserSteps(server.getPort());
    }

    @Test
    void citizenPagesAtTabletWidthAndAtTwiceTheZoom() {
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][] {{768, 1024}, {640, 400}}) {
            try (BrowserContext context = ui.context(size[0], size[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
                for (String path : PAGES) {
                    ui.audit(page, path, size[0], problems);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The same pages in Arabic (right to left) at a tablet's width: phone and desktop are in LanguagesInBrowserTest. */
    @Test
    void citizenPagesInArabicAtTabletWidth() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = ui.context(768, 1024)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
            page.navigate(ui.base() + "/taal?lang=ar&terug=/overzicht");
            assertTrue("rtl".equals(page.locator("html").getAttribute("dir")));
            for (String path : PAGES) {
                ui.audit(page, path, 768, problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}

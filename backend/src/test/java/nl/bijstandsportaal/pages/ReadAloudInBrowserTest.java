package nl.bijstandsportaal.pages;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.Chromium;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Lees voor" (issue 18) in a real Chromium at 320 px, with the keyboard alone: it reads the main content sentence by
 * sentence, highlights the sentence being read, pauses, goes on and stops. A headless browser has no voice, so the
 * test records what is handed to the browser's speech engine (speechSynthesis.speak) and ends each sentence itself;
 * everything else (finding the sentences, the highlight, the buttons) is the page's own code.
 */
@MicronautTest
@Tag("browser")
class ReadAloudInBrowserTest extends PortalTest {

    private BrowserSteps ui;

    @BeforeEach
    void browserSteps() {
        ui = new BrowserSteps(server.getPort());
    }

    private static final String RECORD_SPEECH = """
            window.__spoken = [];
            window.speechSynthesis.speak = function (u) { window.__spoken.push(u); };
            window.speechSynthesis.cancel = function () { };
            window.speechSynthesis.pause = function () { window.__paused = true; };
            window.speechSynthesis.resume = function () { window.__paused = false; };
            Object.defineProperty(window.speechSynthesis, 'paused', { get: function () { return !!window.__paused; } });
            """;

    private static String highlighted(Page page) {
        return (String) page.evaluate("() => { const h = CSS.highlights.get('portal-lees-voor'); return h ? [...h][0].toString() : null; }");
    }

    @Test
    void aCitizenHasTheHomePageReadAloudWithTheKeyboardAlone() {
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Sanne de Vries");
            page.evaluate("() => {" + RECORD_SPEECH + "}");
            assertThat(page.locator("[data-lees-voor]")).isVisible();

            ui.tabTo(page, "Lees voor");
            page.keyboard().press("Enter");
            String first = page.locator("h1").innerText().trim();
            assertEquals(first, highlighted(page), "the first sentence is the page's heading");
            assertEquals(first, page.evaluate("() => window.__spoken[0].text"));
            assertEquals("nl", page.evaluate("() => window.__spoken[0].lang"));
            assertTrue((Boolean) page.evaluate("() => document.activeElement.hasAttribute('data-lees-voor-pauze')"), "the focus stays on the controls");

            // The sentence ends: the next one is read and highlighted; an amount like 1.419,46 is not cut in two.
            page.evaluate("() => window.__spoken[0].onend()");
            String second = (String) page.evaluate("() => window.__spoken[1].text");
            assertEquals(second, highlighted(page));
            assertTrue(page.locator("main").innerText().replace('\n', ' ').contains(second.split(" ")[0]), second);

            // Pause and go on, with the keyboard.
            page.keyboard().press("Enter");
            assertThat(page.locator("[data-lees-voor-pauze]")).hasText("Verder");
            assertEquals(true, page.evaluate("() => window.speechSynthesis.paused"));
            page.keyboard().press("Enter");
            assertThat(page.locator("[data-lees-voor-pauze]")).hasText("Pauze");

            // Stop: the highlight goes, "Lees voor" is back and has the focus.
            page.keyboard().press("Tab");
            page.keyboard().press("Enter");
            assertEquals(null, highlighted(page));
            assertThat(page.locator("[data-lees-voor-start]")).isFocused();

            // Every sentence handed to the engine is words, never a bare dot or an empty string.
            page.locator("[data-lees-voor-start]").click();
            @SuppressWarnings("unchecked")
            List<String> all = (List<String>) page.evaluate("() => { let n = 0; while (n++ < 400 && CSS.highlights.has('portal-lees-voor')) {"
                    + " window.__spoken[window.__spoken.length - 1].onend(); } return window.__spoken.map(u => u.text); }");
            assertTrue(all.size() > 10 && all.stream().allMatch(s -> s.matches(".*\\p{L}.*")), all.toString());
            assertTrue(all.stream().noneMatch(s -> s.equals("Lees voor") || s.equals("Pauze")), "the controls are not read: " + all);
            String violations = Chromium.violations(page);
            assertTrue(violations.isEmpty(), violations);
        }
    }

    @Test
    void employeesPagesHaveNoReadAloud() {
        try (BrowserContext context = ui.context(1280, 800)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/medewerker", "Marieke Jansen");
            assertEquals(0, page.locator("[data-lees-voor]").count());
        }
    }
}

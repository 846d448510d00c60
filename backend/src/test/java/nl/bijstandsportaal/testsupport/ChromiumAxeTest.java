package nl.bijstandsportaal.testsupport;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Chromium#violations} runs axe in the page instead of through {@code AxeBuilder.analyze()} (ADR 0056): it must
 * find what axe finds, also after the page changed and after a navigation.
 */
@Tag("app")
@Tag("browser")
class ChromiumAxeTest {

    private static final String BROKEN = """
            <!doctype html><html><head><title>t</title></head><body>
            <main><h1>Kop</h1><img src="x.png"><input type="text"><a href="#"></a>
            <p style="color:#777;background:#888">Te weinig contrast</p></main></body></html>""";

    @Test
    void findsTheSameRulesAsAxeBuilderAndNothingOnACleanPage() {
        try (BrowserContext context = Chromium.browser().newContext()) {
            Page page = context.newPage();
            page.setContent(BROKEN);
            String ours = Chromium.violations(page);
            var theirs = new AxeBuilder(page).withTags(Chromium.WCAG_TAGS).analyze().getViolations().stream()
                    .map(rule -> rule.getId()).collect(Collectors.toCollection(TreeSet::new));
            var oursIds = ours.lines().map(line -> line.substring(0, line.indexOf(':')))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertTrue(oursIds.containsAll(java.util.List.of("image-alt", "label", "link-name", "color-contrast")), ours);
            assertEquals(theirs, oursIds);

            // the same document after a change: axe is already there and sees the new state
            page.evaluate("() => document.querySelector('img').alt = 'Foto'");
            assertTrue(!Chromium.violations(page).contains("image-alt"));

            // a new document: axe is injected again
            page.setContent("<!doctype html><html lang=\"nl\"><head><title>t</title></head><body><main><h1>Kop</h1>"
                    + "<p>Goed leesbaar.</p></main></body></html>");
            assertEquals("", Chromium.violations(page));
        }
    }
}

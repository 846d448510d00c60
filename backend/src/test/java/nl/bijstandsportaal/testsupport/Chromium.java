package nl.bijstandsportaal.testsupport;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Debian's Chromium driven by Playwright, fully offline (no browser download), with axe-core for WCAG 2.2
 * A/AA checks. One browser per test JVM.
 */
public final class Chromium {

    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {
    }

    public static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                    // a service worker's own requests pass through routes, so a test can cut them off (InstallableAppInBrowserTest)
                    "PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable())
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run",
                            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    private static Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        for (String candidate : new String[]{configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("Chromium not found: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH");
    }

    /** axe-core as shipped in the axe-core Playwright artifact, read once. */
    private static final String AXE_SOURCE = AxeBuilder.getAxeScript();

    /**
     * The WCAG 2.2 A/AA violations axe finds on the page as it is now, as readable lines; empty when clean.
     *
     * <p>axe runs in the page itself ({@code axe.run} on the document, injected once per loaded document) and reports
     * violations only. {@code AxeBuilder.analyze()} does the same checks but, built for pages with frames from other
     * origins, injects axe into every frame and finishes each run in a fresh blank page: about four times slower, and
     * the portal's pages have no frames. docs/adr/0056-axe-in-the-page.md.
     */
    public static String violations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate("() => {" + AXE_SOURCE + "}");
        }
        Object found = page.evaluate("""
                (tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
                    .then(result => result.violations.map(rule =>
                        rule.id + ': ' + rule.help + ' -> ' + rule.nodes.map(node => JSON.stringify(node.target)).join(', ')))""",
                WCAG_TAGS);
        return found instanceof List<?> lines
                ? lines.stream().map(String::valueOf).collect(Collectors.joining("\n"))
                : "axe did not run: " + found;
    }

    /** True when nothing sticks out sideways (no horizontal scrolling at this viewport). */
    public static boolean fitsWidth(Page page) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        return Boolean.TRUE.equals(fits);
    }
}

package nl.bijstandsportaal.pages;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.Chromium;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Lighthouse measures (bench/lighthouse.sh, ADR 0043), kept cheap enough for every build: static files are sent
 * compressed, with a fingerprint in their address and cached for a year; a citizen's page after the first transfers at
 * most 100 KB; and the pictograms of the main actions and statuses are there, hidden from assistive technology, beside
 * their words, also right to left.
 */
@MicronautTest
@Tag("browser")
class PageWeightInBrowserTest extends PortalTest {

    private static final long BUDGET = 100 * 1024;

    private BrowserSteps ui;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void browserSteps() {
        ui = new BrowserSteps(server.getPort());
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ui.base() + path)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void staticFilesAreFingerprintedCompressedAndKeptForAYear() throws Exception {
        String html = http.send(HttpRequest.newBuilder(URI.create(ui.base() + "/inloggen")).build(), HttpResponse.BodyHandlers.ofString()).body();
        // the page itself is compressed too, and never kept
        HttpResponse<byte[]> page = get("/inloggen");
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        Matcher links = Pattern.compile("\"(/static/[^\"?]+)\\?v=([0-9a-f]{12})\"").matcher(html);
        List<String> seen = new ArrayList<>();
        while (links.find()) {
            String address = links.group(1) + "?v=" + links.group(2);
            seen.add(links.group(1));
            HttpResponse<byte[]> file = get(address);
            assertEquals(200, file.statusCode(), address);
            assertEquals("public, max-age=31536000, immutable", file.headers().firstValue("Cache-Control").orElse(""), address);
            if (address.contains("/nlds/") || address.contains("/portal.")) { // small files (under 1 KB) are sent as they are
                assertEquals("gzip", file.headers().firstValue("Content-Encoding").orElse(""), address + " is sent compressed");
            }
        }
        assertTrue(seen.containsAll(List.of("/static/nlds/theme.css", "/static/nlds/index.css", "/static/css/portal.css",
                "/static/js/portal.js", "/static/css/zonder-js.css")), "fingerprinted: " + seen);
        // A wrong or old fingerprint still gets the file, but is not kept for a year; nor is a file without one.
        assertEquals("public, max-age=3600", get("/static/css/portal.css?v=000000000000").headers().firstValue("Cache-Control").orElse(""));
        assertEquals("public, max-age=3600", get("/static/css/portal.css").headers().firstValue("Cache-Control").orElse(""));
        assertEquals("public, max-age=3600", get("/static/css/portal.css?v=%3Cscript%3E").headers().firstValue("Cache-Control").orElse(""));
        // the font, named by its pinned package, is kept too
        HttpResponse<byte[]> font = get("/static/nlds/files/noto-sans-latin-wght-normal.woff2");
        assertEquals(200, font.statusCode());
        assertEquals("public, max-age=31536000, immutable", font.headers().firstValue("Cache-Control").orElse(""));
        // nothing outside the static files, and no 404 kept for a year
        HttpResponse<byte[]> missing = get("/static/css/bestaat-niet.css?v=000000000000");
        assertEquals(404, missing.statusCode());
        assertFalse(missing.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertFalse(get("/static/../application.yml").statusCode() == 200);
    }

    @Test
    void aCitizenPageAfterTheFirstStaysWithinTheBudget() {
        // The service worker is left out: it fetches through the same cache, but the browser then reports 0 bytes.
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(320, 640).setLocale("nl-NL").setServiceWorkers(ServiceWorkerPolicy.BLOCK))) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Henk Bakker");
            CDPSession cdp = context.newCDPSession(page);
            cdp.send("Network.enable");
            AtomicLong bytes = new AtomicLong();
            List<String> fromNetwork = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.Map<String, String> urls = new java.util.concurrent.ConcurrentHashMap<>();
            cdp.on("Network.responseReceived", event ->
                    urls.put(event.get("requestId").getAsString(), event.getAsJsonObject("response").get("url").getAsString()));
            cdp.on("Network.loadingFinished", event -> {
                long length = event.get("encodedDataLength").getAsLong();
                bytes.addAndGet(length);
                String url = urls.getOrDefault(event.get("requestId").getAsString(), "");
                if (length > 0 && url.contains("/static/")) {
                    fromNetwork.add(url + " (" + length + " bytes)");
                }
            });
            page.navigate(ui.base() + "/inkomsten");
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            bytes.set(0);
            fromNetwork.clear();
            page.navigate(ui.base() + "/overzicht");
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertTrue(fromNetwork.isEmpty(), "static files come from the cache on the second page: " + fromNetwork);
            assertTrue(bytes.get() > 0 && bytes.get() <= BUDGET, "home page after the first: " + bytes.get() + " bytes");
        }
    }

    @Test
    void pictogramsAreHiddenFromAssistiveTechnologyAndStandBesideTheirWords() {
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Henk Bakker");
            // Henk has late income reports: "Te laat" with its icon, and "Geef door" with the coin.
            assertIcons(page, "/overzicht", List.of("inkomsten", "document", "aanvraag", "afspraak", "gesprek"));
            assertTrue(page.locator(".portal-status--te_laat svg[aria-hidden='true']").count() > 0, "Te laat has its icon");
            assertIcons(page, "/inkomsten", List.of("inkomsten"));
            assertIcons(page, "/gesprekken", List.of("gesprek"));
            assertIcons(page, "/afspraken", List.of("afspraak"));
            assertIcons(page, "/berichten", List.of("meldingen"));
            assertIcons(page, "/regelingen/bijzondere-bijstand", List.of("aanvraag"));
            // Right to left: the same icons, at the start of the line (on the right), the speech bubble mirrored.
            page.navigate(ui.base() + "/taal?lang=ar&terug=/overzicht");
            assertEquals("rtl", page.locator("html").getAttribute("dir"));
            assertIcons(page, "/overzicht", List.of("inkomsten", "gesprek"));
            Locator action = page.locator(".portal-todo__action").first();
            double iconX = action.locator("svg").boundingBox().x;
            double linkRight = action.boundingBox().x + action.boundingBox().width;
            assertTrue(linkRight - (iconX + 20) < 12, "the icon stands at the right (the start) in Arabic");
            assertEquals("matrix(-1, 0, 0, 1, 0, 0)", page.locator("svg[data-icon='gesprek']").first()
                    .evaluate("e => getComputedStyle(e).transform"));
            String violations = Chromium.violations(page);
            assertTrue(violations.isEmpty(), violations);
        }
    }

    /** Each named icon is on the page; every icon is aria-hidden, not focusable, and its link or button has words. */
    private void assertIcons(Page page, String path, List<String> names) {
        page.navigate(ui.base() + path);
        for (String name : names) {
            assertTrue(page.locator("svg[data-icon='" + name + "']").count() > 0, name + " on " + path);
        }
        Locator icons = page.locator("svg.portal-icon");
        for (int i = 0; i < icons.count(); i++) {
            Locator icon = icons.nth(i);
            assertEquals("true", icon.getAttribute("aria-hidden"), path);
            assertEquals("false", icon.getAttribute("focusable"), path);
            String words = (String) icon.evaluate("e => e.parentElement.textContent.trim()");
            assertFalse(words.isEmpty(), "an icon without words on " + path);
        }
        // and the accessible names carry no trace of the icons
        assertEquals(0, page.getByRole(com.microsoft.playwright.options.AriaRole.IMG).count(), path);
    }
}

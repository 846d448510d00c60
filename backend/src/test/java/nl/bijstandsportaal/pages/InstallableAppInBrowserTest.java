package nl.bijstandsportaal.pages;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal as a web app (ADR 0040) in a real Chromium: the manifest is served and valid, the service worker
 * registers for the whole site, the last home page can be read offline with a notice, logging out removes it, and no
 * API answer is ever kept. Also the toegankelijkheidsverklaring in six languages and the e-mail part of the settings
 * page: zero axe violations.
 */
@MicronautTest
@Tag("browser")
class InstallableAppInBrowserTest extends PortalTest {

    private BrowserSteps ui;

    @Inject
    JsonMapper json;

    @BeforeEach
    void browserSteps() {
        ui = new BrowserSteps(server.getPort());
    }

    /**
     * No network, also for the service worker: Playwright's offline mode does not reach a service worker's own
     * requests (microsoft/playwright#2311), so those are cut off as well.
     */
    private static void offline(BrowserContext context, boolean offline) {
        context.setOffline(offline);
        if (offline) {
            context.route("**/*", route -> route.abort("internetdisconnected"));
        } else {
            context.unroute("**/*");
        }
    }

    @Test
    void theManifestIsServedAndValid() throws IOException {
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            page.navigate(ui.base() + "/inloggen");
            assertEquals("/manifest.webmanifest", page.locator("link[rel=manifest]").getAttribute("href"));
            APIResponse answer = context.request().get(ui.base() + "/manifest.webmanifest");
            assertEquals(200, answer.status());
            assertTrue(answer.headers().get("content-type").startsWith("application/manifest+json"), answer.headers().toString());
            Map<?, ?> manifest = json.readValue(answer.text(), Map.class);
            assertEquals("Bijstandsportaal", manifest.get("name"));
            assertEquals("/overzicht", manifest.get("start_url"));
            assertEquals("/", manifest.get("scope"));
            assertEquals("standalone", manifest.get("display"));
            assertTrue(String.valueOf(manifest.get("theme_color")).matches("#[0-9a-f]{6}"));
            List<?> icons = (List<?>) manifest.get("icons");
            assertFalse(icons.isEmpty());
            for (Object icon : icons) {
                APIResponse image = context.request().get(ui.base() + ((Map<?, ?>) icon).get("src"));
                assertEquals(200, image.status(), "icon " + icon);
                assertEquals(((Map<?, ?>) icon).get("type"), image.headers().get("content-type").split(";")[0]);
            }
            String csp = answer.headers().get("content-security-policy");
            assertTrue(csp.contains("manifest-src 'self'") && csp.contains("worker-src 'self'"), csp);
            APIResponse worker = context.request().get(ui.base() + "/sw.js");
            assertEquals(200, worker.status());
            assertTrue(worker.headers().get("content-type").startsWith("text/javascript"));
            // The worker keeps at install the very addresses the pages link, fingerprint and all (ADR 0043, 0049).
            String source = worker.text();
            for (String linked : List.of("link[rel=stylesheet][href^='/static/css/portal.css']", "script[src^='/static/js/portal.js']")) {
                var element = page.locator(linked);
                String address = element.getAttribute(linked.startsWith("link") ? "href" : "src");
                assertTrue(address.contains("?v=") && source.contains("'" + address + "'"), address + " in sw.js");
            }
            assertFalse(source.contains("'portal-static-v1'"), "the cache is named after the addresses");
        }
    }

    @Test
    void theHomePageCanBeReadOfflineUntilLogout() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Henk Bakker");
            Object scope = page.evaluate("() => navigator.serviceWorker.ready.then(r => r.scope)");
            assertEquals(ui.base() + "/", scope, "the service worker looks after the whole site");
            // Waited for in the page with evaluate: waitForFunction polls with eval, which the CSP forbids once the
            // first check is false (the worker now fetches the static files itself at install: the pages link them
            // with a fingerprint, ADR 0043, so they are not in the HTTP cache under the worker's plain paths).
            assertEquals(Boolean.TRUE, page.evaluate("() => navigator.serviceWorker.controller !== null || Promise.race(["
                    + "new Promise(r => navigator.serviceWorker.addEventListener('controllerchange', () => r(true))),"
                    + "new Promise(r => setTimeout(() => r(navigator.serviceWorker.controller !== null), 10000))])"),
                    "the service worker controls the page");
            page.navigate(ui.base() + "/overzicht");
            page.evaluate("() => fetch('/api/v1/taken').then(r => r.status)");
            page.waitForFunction("() => caches.open('portal-thuis').then(c => c.match('/overzicht')).then(r => !!r)");
            ui.check(page, "/overzicht online", 320, problems);
            assertThat(page.locator("[data-offline-melding]")).isHidden();

            offline(context, true);
            page.navigate(ui.base() + "/overzicht");
            assertThat(page.locator("[data-offline-melding]")).isVisible();
            assertThat(page.locator("[data-offline-melding]")).containsText("Je hebt nu geen internet.");
            assertThat(page.locator("#te-doen-titel")).isVisible();
            ui.check(page, "/overzicht offline", 320, problems);
            page.navigate(ui.base() + "/inkomsten");
            assertThat(page.locator("[data-offline-melding]")).isVisible();

            String kept = String.valueOf(page.evaluate("() => caches.keys().then(names => Promise.all(names.map(n => caches.open(n)"
                    + ".then(c => c.keys()).then(rs => rs.map(r => new URL(r.url).pathname))))).then(all => all.flat().join(' '))"));
            assertFalse(kept.contains("/api/"), "no API answer is kept: " + kept);
            for (String path : kept.split(" ")) {
                assertTrue(path.equals("/overzicht") || path.startsWith("/static/"), "only the home page and static files: " + kept);
            }

            offline(context, false);
            page.navigate(ui.base() + "/overzicht");
            // the form as its button sends it (on a phone the button is behind "Menu"): its submit event runs portal.js
            page.evaluate("() => document.querySelector('header form[action=\"/uitloggen\"]').requestSubmit()");
            page.waitForURL("**/uitgelogd");
            page.waitForFunction("() => caches.has('portal-thuis').then(h => !h)");
            offline(context, true);
            boolean failed = false;
            try {
                page.navigate(ui.base() + "/overzicht");
            } catch (PlaywrightException e) {
                failed = true; // the browser's own "no internet" error: nothing was kept
            }
            assertTrue(failed, "after logout nothing is shown offline: " + page.url());
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theAccessibilityStatementInSixLanguages() {
        List<String> problems = new ArrayList<>();
        for (int[] viewport : BrowserSteps.VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                for (String language : List.of("nl", "en", "tr", "ar", "pl", "uk")) {
                    page.navigate(ui.base() + "/taal?lang=" + language + "&terug=/toegankelijkheid");
                    assertEquals(language, page.locator("html").getAttribute("lang"));
                    ui.check(page, "/toegankelijkheid " + language, viewport[0], problems);
                }
                page.navigate(ui.base() + "/taal?lang=nl&terug=/inloggen");
                page.locator("footer a[href='/toegankelijkheid']").click();
                page.waitForURL("**/toegankelijkheid");
                assertThat(page.locator("[data-status]")).containsText("eerste maatregelen genomen");
                assertThat(page.locator("[data-datum]")).containsText("3 december 2026");
                assertThat(page.locator("main")).containsText("axe-core");
                assertThat(page.locator("[data-antwoordtijd]")).containsText("5 werkdagen");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theEmailPartOfTheSettingsWithAMistake() {
        List<String> problems = new ArrayList<>();
        for (int[] viewport : BrowserSteps.VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Jan Jansen");
                ui.audit(page, "/meldingen/instellingen", viewport[0], problems);
                page.locator("#email").fill("jan.example.org");
                page.locator("form[action='/meldingen/email'] button").click();
                page.waitForLoadState();
                assertThat(page.locator("#fouten")).containsText("E-mailadres: dit is geen e-mailadres");
                ui.check(page, "/meldingen/email (mistake)", viewport[0], problems);
                page.locator("#email").fill("jan@example.org");
                page.locator("form[action='/meldingen/email'] button").click();
                page.waitForURL("**/meldingen/instellingen?email=verstuurd*");
                assertThat(page.locator("[data-email-wacht]")).containsText("jan@example.org");
                ui.check(page, "/meldingen/instellingen (waiting)", viewport[0], problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}

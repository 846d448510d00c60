package nl.bijstandsportaal.pages;

import com.microsoft.playwright.Browser;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.Chromium;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Meldingen in deze browser" on the settings page (ADR 0049) in a real Chromium at 320 px, with axe: the button where
 * the browser can, the plain sentence where it cannot (no JavaScript), and the page's script doing its part. Headless
 * Chromium cannot get a real FCM token without network, so for that one test the Firebase messaging build is replaced,
 * through Playwright's routing (in this test only, nothing in the portal), by a stand-in that hands out a fixed token:
 * what is tested is that the page asks permission and registers the token with the portal, and turns it off again.
 */
@MicronautTest
@Tag("browser")
class BrowserPushInBrowserTest extends PortalTest {

    static final String STAND_IN_TOKEN = "stand-in-browser-token:APA91bTestOnly0123456789";
    /** Test only: stands in for firebase-messaging-compat.js, on top of the real firebase-app-compat.js. */
    static final String STAND_IN = """
            (function () {
              var m = function () {
                return {
                  getToken: function (options) {
                    window.__standInAsked = options && options.vapidKey;
                    return Promise.resolve('%s');
                  },
                  deleteToken: function () { return Promise.resolve(true); }
                };
              };
              m.isSupported = function () { return true; };
              window.firebase.messaging = m;
            })();
            """.formatted(STAND_IN_TOKEN);

    private BrowserSteps ui;

    @Inject
    DSLContext db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.web-push.api-key", "test-api-key");
        properties.put("portal.web-push.project-id", "test-project");
        properties.put("portal.web-push.messaging-sender-id", "1234567890");
        properties.put("portal.web-push.app-id", "1:1234567890:web:abcdef");
        properties.put("portal.web-push.vapid-key", "BTestVapidKey");
        return properties;
    }

    @BeforeEach
    void browserSteps() {
        ui = new BrowserSteps(server.getPort());
    }

    @Test
    void theButtonWhereTheBrowserCan() {
        List<String> problems = new ArrayList<>();
        for (int[] viewport : BrowserSteps.VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Jan Jansen");
                ui.audit(page, "/meldingen/instellingen", viewport[0], problems);
                assertThat(page.locator("[data-browser-aan]")).isVisible();
                assertThat(page.locator("[data-browser-kan-niet]")).isHidden();
                assertThat(page.locator("#browser-titel")).hasText("Meldingen in deze browser");
                assertThat(page.locator("[data-browser-meldingen]")).containsText("alleen in deze browser, op dit apparaat");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void withoutJavaScriptThePageSaysWhatElseWorks() {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(320, 640).setLocale("nl-NL").setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Jan Jansen");
            page.navigate(ui.base() + "/meldingen/instellingen");
            assertThat(page.locator("[data-browser-kan-niet]")).isVisible();
            assertThat(page.locator("[data-browser-kan-niet]")).containsText("Gebruik dan de app op je telefoon. Of kies voor e-mail.");
            assertThat(page.locator("[data-browser-aan]")).isHidden();
        }
    }

    @Test
    void theScriptRegistersTheTokenAndTurnsItOffAgain() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = ui.context(320, 640)) {
            context.grantPermissions(List.of("notifications"));
            context.route("**/static/vendor/firebase/firebase-messaging-compat.js*", (Route route) ->
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/javascript").setBody(STAND_IN)));
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Jan Jansen");
            page.navigate(ui.base() + "/meldingen/instellingen");
            page.locator("[data-browser-aan]").click();
            page.waitForURL("**/meldingen/instellingen?browser=aan#browser");
            assertThat(page.locator("[data-browser-aan-staat]")).containsText("Meldingen staan aan in deze browser");
            assertThat(page.locator("#browser-titel").locator("xpath=..")).isVisible();
            ui.check(page, "/meldingen/instellingen (on)", 320, problems);
            assertEquals("WEB", db.select(DEVICE.PLATFORM).from(DEVICE).where(DEVICE.PUSH_TOKEN.eq(STAND_IN_TOKEN)).fetchOne(DEVICE.PLATFORM));

            page.locator("form[data-browser-uit] button").click();
            page.waitForURL("**/meldingen/instellingen?browser=uit#browser");
            assertThat(page.locator("[data-browser-aan]")).isVisible();
            ui.check(page, "/meldingen/instellingen (off)", 320, problems);
            assertEquals(0, db.fetchCount(DEVICE, DEVICE.PUSH_TOKEN.eq(STAND_IN_TOKEN)));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The portal's service worker shows what FCM brings (delivered here through Chromium's DevTools, as the browser's
     * push service would): the generic title and text, the message id as tag, and a link into the portal only.
     */
    @Test
    void theServiceWorkerShowsAPushWithALinkIntoThePortalOnly() {
        try (BrowserContext context = ui.context(320, 640)) {
            context.grantPermissions(List.of("notifications"));
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Jan Jansen");
            assertEquals(Boolean.TRUE, page.evaluate("() => navigator.serviceWorker.ready.then(r => !!r.active)"));
            CDPSession cdp = context.newCDPSession(page);
            List<String> registrations = new CopyOnWriteArrayList<>();
            cdp.on("ServiceWorker.workerRegistrationUpdated", event -> event.getAsJsonArray("registrations").forEach(r -> {
                JsonObject registration = r.getAsJsonObject();
                if (registration.get("scopeURL").getAsString().equals(ui.base() + "/")) {
                    registrations.add(registration.get("registrationId").getAsString());
                }
            }));
            cdp.send("ServiceWorker.enable");
            for (int i = 0; i < 50 && registrations.isEmpty(); i++) {
                page.waitForTimeout(100);
            }
            assertTrue(!registrations.isEmpty(), "the portal's service worker is registered");
            push(cdp, registrations.get(0), "m-1", ui.base() + "/inkomsten");
            shown(page, 1);
            // one after the other, as they would come
            push(cdp, registrations.get(0), "m-2", "https://elders.example/iets");
            Object shown = shown(page, 2);
            assertEquals("Bijstandsportaal|Er staat een bericht voor je klaar.|m-1|" + ui.base() + "/inkomsten\n"
                    + "Bijstandsportaal|Er staat een bericht voor je klaar.|m-2|" + ui.base() + "/berichten", shown);
        }
    }

    /** The notifications the worker shows, once there are {@code count} (at most 5 s). */
    private static Object shown(Page page, int count) {
        Object shown = null;
        for (int i = 0; i < 50; i++) {
            shown = page.evaluate("() => navigator.serviceWorker.ready.then(r => r.getNotifications())"
                    + ".then(ns => ns.map(n => [n.title, n.body, n.tag, n.data.link].join('|')).sort().join('\\n'))");
            if (String.valueOf(shown).split("\n").length == count && !String.valueOf(shown).isEmpty()) {
                break;
            }
            page.waitForTimeout(100);
        }
        return shown;
    }

    /** What FCM hands the browser for a web push (ADR 0049): notification, data and fcmOptions. */
    private void push(CDPSession cdp, String registration, String messageId, String link) {
        JsonObject payload = new JsonObject();
        JsonObject notification = new JsonObject();
        notification.addProperty("title", "Bijstandsportaal");
        notification.addProperty("body", "Er staat een bericht voor je klaar.");
        notification.addProperty("tag", messageId);
        payload.add("notification", notification);
        JsonObject data = new JsonObject();
        data.addProperty("melding", messageId);
        data.addProperty("link", link);
        payload.add("data", data);
        JsonObject options = new JsonObject();
        options.addProperty("link", link);
        payload.add("fcmOptions", options);
        JsonObject args = new JsonObject();
        args.addProperty("origin", ui.base());
        args.addProperty("registrationId", registration);
        args.addProperty("data", payload.toString());
        cdp.send("ServiceWorker.deliverPushMessage", args);
    }
}

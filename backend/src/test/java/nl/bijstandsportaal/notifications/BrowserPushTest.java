package nl.bijstandsportaal.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.testsupport.FakeFcmServer;
import nl.bijstandsportaal.testsupport.MutableClock;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestRows;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDINGSVOORKEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders in the browser (ADR 0049), end to end without mocks: a citizen turns them on through the real endpoint with
 * the page's CSRF token (as the page's script does), a reminder goes through the outbox and the dispatcher with the real
 * Firebase Admin SDK to the fake FCM server, as a web push with a link into the portal and nothing personal; quiet
 * hours hold it back; turning off, logging out and ending the login on /sessies remove the registration.
 */
@MicronautTest
class BrowserPushTest extends PortalTest {

    static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z"); // 10:00 in Amsterdam
    static final Instant NIGHT = Instant.parse("2026-11-23T22:30:00Z"); // 23:30 in Amsterdam
    static final String BASE = "https://portaal.example";

    final FakeFcmServer fcm = new FakeFcmServer();

    @Inject
    DSLContext db;
    @Inject
    Outbox outbox;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    PushSender push;
    @Inject
    EmailSender email;
    @Inject
    NotificationSettings settings;
    @Inject
    Messages messages;
    @Inject
    ReminderScheduler scheduler;

    long fatima;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.push.firebase.fake-server", fcm.url());
        properties.put("portal.base-url", BASE);
        properties.put("portal.web-push.api-key", "test-api-key");
        properties.put("portal.web-push.project-id", "test-project");
        properties.put("portal.web-push.messaging-sender-id", "1234567890");
        properties.put("portal.web-push.app-id", "1:1234567890:web:abcdef");
        properties.put("portal.web-push.vapid-key", "BTestVapidKey");
        return properties;
    }

    @AfterAll
    void stopFcm() {
        fcm.close();
    }

    @BeforeEach
    void setUp() {
        fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchSingle(BURGER.ID);
        db.update(BURGER).setNull(BURGER.EMAIL).set(BURGER.STILLE_UREN_VAN, LocalTime.of(21, 0))
                .set(BURGER.STILLE_UREN_TOT, LocalTime.of(8, 0)).where(BURGER.ID.eq(fatima)).execute();
        db.deleteFrom(MELDINGSVOORKEUR).where(MELDINGSVOORKEUR.BURGER_ID.eq(fatima)).execute();
        db.deleteFrom(DEVICE).where(DEVICE.BURGER_ID.eq(fatima)).execute();
        db.update(BEZORGING).set(BEZORGING.STATUS, Outbox.Delivery.SKIPPED).where(BEZORGING.STATUS.eq(Outbox.Delivery.WAITING)).execute();
    }

    private static String token() {
        return "web-" + UUID.randomUUID() + ":APA91b" + UUID.randomUUID().toString().replace("-", "");
    }

    private Document settingsPage(WebClient web) {
        HttpResponse<String> page = web.get("/meldingen/instellingen");
        assertEquals(200, page.statusCode());
        return Jsoup.parse(page.body());
    }

    /** What the page's script does after the browser gave a token. */
    private HttpResponse<String> turnOn(WebClient web, String token) {
        String csrf = settingsPage(web).select("[data-browser-meldingen]").attr("data-csrf");
        assertFalse(csrf.isBlank(), "the page hands its script the CSRF token");
        return web.postForm("/meldingen/browser", Map.of("csrfToken", csrf, "token", token));
    }

    private Dispatcher dispatcher(Instant at) {
        return new Dispatcher(deliveries, push, email, settings, messages, new MutableClock(at), BASE);
    }

    private String reminder(Instant at) {
        String key = "test/" + UUID.randomUUID();
        long id = db.transactionResult(tx -> outbox.write(tx.dsl(),
                new Outbox.Message(fatima, Topic.INKOMSTEN, key, "notification.income.soon", null, "/inkomsten"), at)).orElseThrow();
        return db.select(MELDING.PUBLIC_ID).from(MELDING).where(MELDING.ID.eq(id)).fetchSingle(MELDING.PUBLIC_ID);
    }

    private int webDevices() {
        return db.fetchCount(DEVICE, DEVICE.BURGER_ID.eq(fatima).and(DEVICE.PLATFORM.eq("WEB")));
    }

    @Test
    void theSettingsPageOffersItAndTheConnectSourcesOnlyThere() {
        WebClient web = citizen(FATIMA);
        HttpResponse<String> page = web.get("/meldingen/instellingen");
        Document doc = Jsoup.parse(page.body());
        assertEquals(1, doc.select("[data-browser-meldingen] [data-browser-aan]").size(), "the button");
        assertEquals("BTestVapidKey", doc.select("[data-browser-meldingen]").attr("data-vapid-key"));
        assertTrue(doc.select("[data-browser-kan-niet]").text().contains("app"), "without the script: what else works");
        assertTrue(doc.select("script[src^=/static/vendor/firebase/firebase-messaging-compat.js?v=]").size() == 1,
                "the SDK comes from this site, fingerprinted");
        String csp = page.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.contains("connect-src 'self' " + WebPushSettings.CONNECT_SRC), csp);
        String elsewhere = web.get("/overzicht").headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(elsewhere.contains("connect-src 'self';"), "every other page stays strict: " + elsewhere);
        assertEquals(200, web.get("/static/vendor/firebase/firebase-app-compat.js").statusCode());
    }

    @Test
    void aReminderReachesTheBrowserAsAWebPushWithNothingPersonal() {
        WebClient web = citizen(FATIMA);
        String token = token();
        // Without the CSRF token nothing happens; with something that is not a token, 400.
        assertNotEquals(204, web.postForm("/meldingen/browser", Map.of("token", token)).statusCode());
        assertEquals(400, turnOn(web, "<script>").statusCode());
        assertEquals(0, webDevices());

        assertEquals(204, turnOn(web, token).statusCode());
        assertEquals(1, webDevices());
        assertEquals(204, turnOn(web, token).statusCode(), "again: the same registration");
        assertEquals(1, webDevices());
        Document page = settingsPage(web);
        assertEquals(1, page.select("[data-browser-aan-staat]").size(), "the page says it is on");
        assertEquals(1, page.select("form[action=/meldingen/browser/uit]").size());

        String messageId = reminder(MORNING);
        dispatcher(MORNING).dispatchAll();
        assertEquals(1, fcm.acceptedCount(token, messageId));
        String body = fcm.lastBody(token);
        assertTrue(body.contains("\"webpush\""), body);
        assertTrue(body.contains("\"link\":\"" + BASE + "/inkomsten\""), "a link into the portal: " + body);
        assertTrue(body.contains("\"fcm_options\""), "FCM's own link for the browser: " + body);
        assertTrue(body.contains(messages.get(Messages.DUTCH, "notification.push.title")), body);
        assertFalse(body.contains("\"android\"") || body.contains("\"apns\""), "no phone parts for a browser: " + body);
        String name = db.select(BURGER.VOORNAAM).from(BURGER).where(BURGER.ID.eq(fatima)).fetchSingle(BURGER.VOORNAAM);
        assertFalse(body.contains(name), "no name in the push: " + body);
        assertFalse(body.contains(FATIMA), "no BSN in the push");
        assertEquals(List.of("", "", collapse(messageId)), fcm.collapse(token, messageId), "the message id is the notification's tag");
    }

    private static String collapse(String messageId) {
        return FirebasePushSender.collapseId(messageId);
    }

    @Test
    void quietHoursHoldTheBrowserPushUntilMorning() {
        WebClient web = citizen(FATIMA);
        String token = token();
        assertEquals(204, turnOn(web, token).statusCode());
        String messageId = reminder(NIGHT);
        dispatcher(NIGHT).dispatchAll();
        assertEquals(0, fcm.requestsFor(token), "nothing at night");
        String status = db.select(BEZORGING.STATUS).from(BEZORGING).join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .where(MELDING.PUBLIC_ID.eq(messageId)).fetchSingle(BEZORGING.STATUS);
        assertEquals(Outbox.Delivery.WAITING, status);
    }

    @Test
    void aBrowserNotUsedForLongIsWarnedAboutInItsOwnWords() {
        WebClient web = citizen(FATIMA);
        String token = token();
        assertEquals(204, turnOn(web, token).statusCode());
        db.update(DEVICE).set(DEVICE.LAST_SEEN_AT, nl.bijstandsportaal.testsupport.TestToday.utc().minusDays(80))
                .where(DEVICE.PUSH_TOKEN.eq(token)).execute();
        scheduler.run();
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(fatima).and(MELDING.TEKST.eq("notification.device.expiring.web"))),
                "the warning says: log in with that browser, not: open the app");
        // Visiting the settings page with reminders on sends the token again (the page's script): seen now.
        assertEquals(204, turnOn(web, token).statusCode());
        assertEquals(nl.bijstandsportaal.testsupport.TestToday.utc().toLocalDate(),
                db.select(DEVICE.LAST_SEEN_AT).from(DEVICE).where(DEVICE.PUSH_TOKEN.eq(token)).fetchSingle(DEVICE.LAST_SEEN_AT).toLocalDate());
    }

    @Test
    void turningOffRemovesTheRegistration() {
        WebClient web = citizen(FATIMA);
        assertEquals(204, turnOn(web, token()).statusCode());
        String csrf = WebClient.csrfToken(web.get("/meldingen/instellingen").body());
        HttpResponse<String> off = web.postForm("/meldingen/browser/uit", Map.of("csrfToken", csrf));
        assertEquals(303, off.statusCode());
        assertEquals("/meldingen/instellingen?browser=uit#browser", WebClient.location(off));
        assertEquals(0, webDevices());
        assertEquals(1, settingsPage(web).select("[data-browser-aan]").size(), "it can be turned on again");
    }

    @Test
    void loggingOutOrEndingTheLoginRemovesTheRegistration() {
        WebClient web = citizen(FATIMA);
        assertEquals(204, turnOn(web, token()).statusCode());
        String csrf = WebClient.csrfToken(web.get("/overzicht").body());
        assertEquals(303, web.postForm("/uitloggen", Map.of("csrfToken", csrf)).statusCode());
        assertEquals(0, webDevices(), "logging out removes it");

        WebClient other = citizen(FATIMA);
        assertEquals(204, turnOn(other, token()).statusCode());
        WebClient here = citizen(FATIMA);
        assertEquals(204, turnOn(here, token()).statusCode());
        assertEquals(2, webDevices());
        String otherSid = db.select(DEVICE.PORTAL_SESSION_ID).from(DEVICE).where(DEVICE.BURGER_ID.eq(fatima))
                .orderBy(DEVICE.ID).limit(1).fetchSingle(DEVICE.PORTAL_SESSION_ID);
        String hereCsrf = WebClient.csrfToken(here.get("/sessies").body());
        assertEquals(303, here.postForm("/sessies/browser/" + otherSid + "/beeindigen", Map.of("csrfToken", hereCsrf)).statusCode());
        assertEquals(1, webDevices(), "ending the other login on /sessies removes that browser's registration only");
        assertEquals(0, db.fetchCount(DEVICE, DEVICE.PORTAL_SESSION_ID.eq(otherSid)));
    }
}

package nl.bijstandsportaal.notifications;

import com.google.firebase.FirebaseApp;
import nl.bijstandsportaal.testsupport.FakeFcmServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Firebase Admin SDK against a local fake FCM server: what each answer becomes for the dispatcher. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirebasePushSenderTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    FakeFcmServer fcm;
    FirebasePushSender sender;

    @BeforeAll
    void start() {
        fcm = new FakeFcmServer();
        sender = new FirebasePushSender(FirebaseApp.initializeApp(SenderSetup.fakeServerOptions(fcm.url(), "test-project"),
                "test-" + UUID.randomUUID()), nl.bijstandsportaal.testsupport.TestToday.clock());
    }

    @AfterAll
    void stop() {
        sender.close();
        fcm.close();
    }

    private static PushSender.Push push(String token) {
        return new PushSender.Push(token, UUID.randomUUID().toString(), "Bijstandsportaal",
                "Er staat een bericht voor je klaar. Log in om het te lezen.", "/berichten");
    }

    @Test
    void aBrowserGetsAWebpushPartWithItsLinkAndNoPhoneParts() {
        PushSender.Push web = new PushSender.Push("browser-" + UUID.randomUUID(), UUID.randomUUID().toString(), "Bijstandsportaal",
                "Er staat een bericht voor je klaar. Log in om het te lezen.", "https://portaal.example/berichten", true);
        PushSender.Push local = new PushSender.Push("browser-" + UUID.randomUUID(), UUID.randomUUID().toString(), "Bijstandsportaal",
                "Er staat een bericht voor je klaar.", "http://localhost:8080/berichten", true);

        assertEquals(List.of(SendResult.sent(), SendResult.sent()), sender.send(List.of(web, local), WAIT));

        String body = fcm.lastBody(web.token());
        assertTrue(body.contains("\"webpush\""), body);
        assertTrue(body.contains("\"fcm_options\":{\"link\":\"https://portaal.example/berichten\"}"), body);
        assertTrue(body.contains("\"melding\":\"" + web.messageId() + "\""), body);
        assertFalse(body.contains("\"android\"") || body.contains("\"apns\""), body);
        // the tag: a second copy replaces the first in the browser too
        assertEquals(List.of("", "", web.messageId()), fcm.collapse(web.token(), web.messageId()), body);
        // FCM takes only an https link as its own: without one the service worker still has the data link
        String plain = fcm.lastBody(local.token());
        assertFalse(plain.contains("fcm_options"), plain);
        assertTrue(plain.contains("\"link\":\"http://localhost:8080/berichten\""), plain);
    }

    @Test
    void acceptedMessagesAreSentAndCarryOnlyTheGenericText() {
        PushSender.Push one = push("phone-" + UUID.randomUUID());
        PushSender.Push two = push("phone-" + UUID.randomUUID());

        List<SendResult> results = sender.send(List.of(one, two), WAIT);

        assertEquals(List.of(SendResult.sent(), SendResult.sent()), results);
        assertEquals(1, fcm.acceptedCount(one.token(), one.messageId()));
        assertEquals(1, fcm.acceptedCount(two.token(), two.messageId()));
        String body = fcm.lastBody(one.token());
        // The message id is the Android collapse key and tag, and the apns-collapse-id: a second copy replaces the first.
        assertEquals(List.of(one.messageId(), one.messageId(), one.messageId()), fcm.collapse(one.token(), one.messageId()), body);
        assertTrue(body.contains("\"melding\":\"" + one.messageId() + "\""), "the app de-duplicates by this: " + body);
        assertTrue(body.contains("Er staat een bericht voor je klaar"), body);
        assertTrue(body.contains("\"link\":\"/api/v1/meldingen/" + one.messageId() + "\""), "the deep link is an API path, not the web page: " + body);
    }

    @Test
    void anIdLongerThanApnsAllowsIsShortenedTheSameWayEachTime() {
        String longId = "x".repeat(80);
        String collapse = FirebasePushSender.collapseId(longId);
        assertEquals(64, collapse.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertEquals(collapse, FirebasePushSender.collapseId(longId));
        String uuid = UUID.randomUUID().toString();
        assertEquals(uuid, FirebasePushSender.collapseId(uuid), "our ids fit as they are");

        PushSender.Push push = new PushSender.Push("phone-" + UUID.randomUUID(), longId, "Bijstandsportaal", "Er staat een bericht voor je klaar.", "/berichten");
        assertEquals(List.of(SendResult.sent()), sender.send(List.of(push), WAIT));
        assertEquals(List.of(collapse, collapse, collapse), fcm.collapse(push.token(), longId));
    }

    @Test
    void eachResultIsHandedOnAsItComesNotAfterTheWholeBatch() throws Exception {
        fcm.holdAfter(3);
        try {
            List<PushSender.Push> pushes = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                pushes.add(push("phone-" + UUID.randomUUID()));
            }
            java.util.Map<Integer, SendResult> results = new java.util.concurrent.ConcurrentHashMap<>();
            sender.send(pushes, results::put);
            long until = System.nanoTime() + WAIT.toNanos();
            while (results.size() < 3 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(3, results.size(), "three answered, seven still waiting: " + results);
            assertTrue(results.values().stream().allMatch(r -> r.outcome() == SendResult.Outcome.SENT));
        } finally {
            fcm.answerAgain();
            fcm.release();
        }
    }

    @Test
    void anUnregisteredTokenIsGone() {
        SendResult result = sender.send(List.of(push("unregistered-" + UUID.randomUUID())), WAIT).get(0);

        assertEquals(SendResult.Outcome.GONE, result.outcome());
        assertTrue(result.reason().contains("UNREGISTERED"), result.reason());
        assertFalse(result.reason().contains("unregistered-"), "the reason never holds the token");
    }

    @Test
    void a503IsRetriedByTheSdkAndThenAccepted() {
        PushSender.Push flaky = push("flaky-" + UUID.randomUUID());

        SendResult result = sender.send(List.of(flaky), WAIT).get(0);

        assertEquals(SendResult.Outcome.SENT, result.outcome());
        assertEquals(2, fcm.requestsFor(flaky.token()), "first a 503, then the SDK's own retry");
        assertEquals(1, fcm.acceptedCount(flaky.token(), flaky.messageId()));
    }

    @Test
    void a429AsksToWaitAsLongAsRetryAfterSays() {
        SendResult result = sender.send(List.of(push("busy-" + UUID.randomUUID())), WAIT).get(0);

        assertEquals(SendResult.Outcome.RETRY, result.outcome());
        assertEquals(Duration.ofSeconds(120), result.retryAfter());
        assertTrue(result.reason().contains("QUOTA_EXCEEDED"), result.reason());
    }

    @Test
    void oneBadTokenDoesNotStopTheOthersInTheBatch() {
        PushSender.Push good = push("phone-" + UUID.randomUUID());
        List<SendResult> results = sender.send(List.of(push("unregistered-" + UUID.randomUUID()), good), WAIT);

        assertEquals(SendResult.Outcome.GONE, results.get(0).outcome());
        assertEquals(SendResult.Outcome.SENT, results.get(1).outcome());
        assertEquals(1, fcm.acceptedCount(good.token(), good.messageId()));
    }
}

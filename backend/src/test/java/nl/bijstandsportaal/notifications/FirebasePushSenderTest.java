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
    void acceptedMessagesAreSentAndCarryOnlyTheGenericText() {
        PushSender.Push one = push("phone-" + UUID.randomUUID());
        PushSender.Push two = push("phone-" + UUID.randomUUID());

        List<SendResult> results = sender.send(List.of(one, two));

        assertEquals(List.of(SendResult.sent(), SendResult.sent()), results);
        assertEquals(1, fcm.acceptedCount(one.token(), one.messageId()));
        assertEquals(1, fcm.acceptedCount(two.token(), two.messageId()));
        String body = fcm.lastBody(one.token());
        assertTrue(body.contains("\"collapse_key\":\"" + one.messageId() + "\""), body);
        assertTrue(body.contains("apns-collapse-id"), body);
        assertTrue(body.contains("Er staat een bericht voor je klaar"), body);
    }

    @Test
    void anUnregisteredTokenIsGone() {
        SendResult result = sender.send(List.of(push("unregistered-" + UUID.randomUUID()))).get(0);

        assertEquals(SendResult.Outcome.GONE, result.outcome());
        assertTrue(result.reason().contains("UNREGISTERED"), result.reason());
        assertFalse(result.reason().contains("unregistered-"), "the reason never holds the token");
    }

    @Test
    void a503IsRetriedByTheSdkAndThenAccepted() {
        PushSender.Push flaky = push("flaky-" + UUID.randomUUID());

        SendResult result = sender.send(List.of(flaky)).get(0);

        assertEquals(SendResult.Outcome.SENT, result.outcome());
        assertEquals(2, fcm.requestsFor(flaky.token()), "first a 503, then the SDK's own retry");
        assertEquals(1, fcm.acceptedCount(flaky.token(), flaky.messageId()));
    }

    @Test
    void a429AsksToWaitAsLongAsRetryAfterSays() {
        SendResult result = sender.send(List.of(push("busy-" + UUID.randomUUID()))).get(0);

        assertEquals(SendResult.Outcome.RETRY, result.outcome());
        assertEquals(Duration.ofSeconds(120), result.retryAfter());
        assertTrue(result.reason().contains("QUOTA_EXCEEDED"), result.reason());
    }

    @Test
    void oneBadTokenDoesNotStopTheOthersInTheBatch() {
        PushSender.Push good = push("phone-" + UUID.randomUUID());
        List<SendResult> results = sender.send(List.of(push("unregistered-" + UUID.randomUUID()), good));

        assertEquals(SendResult.Outcome.GONE, results.get(0).outcome());
        assertEquals(SendResult.Outcome.SENT, results.get(1).outcome());
        assertEquals(1, fcm.acceptedCount(good.token(), good.messageId()));
    }
}

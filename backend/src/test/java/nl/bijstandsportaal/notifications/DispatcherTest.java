package nl.bijstandsportaal.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.testsupport.FakeFcmServer;
import nl.bijstandsportaal.testsupport.MutableClock;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestRows;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDINGSVOORKEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dispatcher with the real Firebase Admin SDK against a local fake FCM server, on the embedded MariaDB: exactly
 * once with two dispatchers at the same time, a dispatcher that dies after claiming or in the middle of a batch, the
 * collapse key, UNREGISTERED, retries with backoff and the dead letter, preferences and quiet hours.
 */
@MicronautTest
class DispatcherTest extends PortalTest {

    static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z"); // 10:00 in Amsterdam

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

    MutableClock clock;
    long jan;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("portal.push.firebase.fake-server", fcm.url());
        return properties;
    }

    @AfterAll
    void stopFcm() {
        fcm.close();
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(MORNING);
        jan = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(JAN)).fetchSingle(BURGER.ID);
        db.update(BURGER).setNull(BURGER.EMAIL).set(BURGER.STILLE_UREN_VAN, LocalTime.of(21, 0))
                .set(BURGER.STILLE_UREN_TOT, LocalTime.of(8, 0)).where(BURGER.ID.eq(jan)).execute();
        db.deleteFrom(MELDINGSVOORKEUR).where(MELDINGSVOORKEUR.BURGER_ID.eq(jan)).execute();
        // Start each test with an empty outbox, so a dispatcher only meets what this test wrote.
        db.update(BEZORGING).set(BEZORGING.STATUS, Outbox.Delivery.SKIPPED).where(BEZORGING.STATUS.eq(Outbox.Delivery.WAITING)).execute();
    }

    private Dispatcher dispatcher(NotificationSettings with) {
        return new Dispatcher(deliveries, push, email, with, messages, clock, "http://localhost");
    }

    private NotificationSettings settings(int batchSize, int maxAttempts) {
        return new NotificationSettings(false, batchSize, settings.lease(), maxAttempts, settings.firstRetry(),
                settings.maxRetry(), settings.dispatchEvery(), settings.scheduleEvery());
    }

    private long device(String token) {
        return TestRows.device(db, jan, token);
    }

    private void removeOtherDevices(String keep) {
        db.deleteFrom(DEVICE).where(DEVICE.BURGER_ID.eq(jan)).and(DEVICE.PUSH_TOKEN.ne(keep)).execute();
    }

    /** A message for Jan on his one device; returns the message's public id. */
    private String message(Topic topic) {
        String key = "test/" + UUID.randomUUID();
        long id = db.transactionResult(tx -> outbox.write(tx.dsl(),
                new Outbox.Message(jan, topic, key, "notification.income.soon", null, "/inkomsten"), clock.instant())).orElseThrow();
        return db.select(MELDING.PUBLIC_ID).from(MELDING).where(MELDING.ID.eq(id)).fetchSingle(MELDING.PUBLIC_ID);
    }

    private org.jooq.Record delivery(String messageId) {
        return db.select(BEZORGING.fields()).from(BEZORGING).join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .where(MELDING.PUBLIC_ID.eq(messageId)).fetchSingle();
    }

    @Test
    void twoDispatchersAtOnceSendEveryMessageExactlyOnce() throws Exception {
        String token = "phone-" + UUID.randomUUID();
        device(token);
        removeOtherDevices(token);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            ids.add(message(Topic.INKOMSTEN));
        }
        NotificationSettings small = settings(100, 8);
        Dispatcher a = dispatcher(small);
        Dispatcher b = dispatcher(small);

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = two.invokeAll(List.<Callable<Integer>>of(a::dispatchAll, b::dispatchAll));
            int handled = runs.get(0).get() + runs.get(1).get();
            assertEquals(1200, handled, "together they handled every delivery, none twice");
            assertTrue(runs.get(0).get() > 0 && runs.get(1).get() > 0, "both took part: " + runs.get(0).get() + " and " + runs.get(1).get());
        } finally {
            two.shutdownNow();
        }
        for (String id : ids) {
            assertEquals(1, fcm.acceptedCount(token, id), "message " + id + ": " + delivery(id).get(BEZORGING.STATUS) + " "
                    + delivery(id).get(BEZORGING.REDEN) + " after " + delivery(id).get(BEZORGING.POGINGEN) + " tries");
            assertEquals(Outbox.Delivery.SENT, delivery(id).get(BEZORGING.STATUS));
        }
    }

    @Test
    void aDispatcherThatDiesAfterClaimingLeavesTheMessageToAnotherWhenTheLeaseEnds() {
        String token = "phone-" + UUID.randomUUID();
        device(token);
        removeOtherDevices(token);
        String id = message(Topic.INKOMSTEN);
        Dispatcher survivor = dispatcher(settings);

        List<Long> claimed = deliveries.claim("dead-dispatcher/1", clock.instant(), settings.lease(), 500);
        assertEquals(1, claimed.size());
        // ... and then the process dies: nothing is sent, nothing is marked.

        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, survivor.dispatchAll(), "still held by the claim");
        assertEquals(0, fcm.acceptedCount(token, id));

        clock.advance(settings.lease());
        assertEquals(1, survivor.dispatchAll());
        assertEquals(1, fcm.acceptedCount(token, id), "delivered later, not lost");
        assertEquals(Outbox.Delivery.SENT, delivery(id).get(BEZORGING.STATUS));

        // Should the first one come back to life, its claim is no longer valid: it sends nothing twice.
        assertTrue(deliveries.candidates(claimed, "dead-dispatcher/1").isEmpty());
        assertEquals(1, fcm.acceptedCount(token, id));
    }

    @Test
    void everyPushCarriesItsMessageIdAsCollapseKeyApnsCollapseIdAndInItsData() {
        String token = "phone-" + UUID.randomUUID();
        device(token);
        removeOtherDevices(token);
        String id = message(Topic.INKOMSTEN);

        dispatcher(settings).dispatchAll();

        assertEquals(1, fcm.acceptedCount(token, id));
        assertEquals(List.of(id, id, id), fcm.collapse(token, id), "collapse_key, apns-collapse-id and tag: " + fcm.lastBody(token));
        assertTrue(id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= FirebasePushSender.MAX_COLLAPSE_ID_BYTES);
        String body = fcm.lastBody(token);
        assertTrue(body.contains("\"melding\":\"" + id + "\""), body);
        assertFalse(body.contains("Jan") || body.contains(JAN), "nothing personal in the push: " + body);
    }

    /** A push is written in the language the citizen chose (burger.taal, ADR 0038); Dutch when never chosen. */
    @Test
    void aPushIsWrittenInTheLanguageTheCitizenChose() {
        String token = "phone-" + UUID.randomUUID();
        device(token);
        removeOtherDevices(token);
        try {
            db.update(BURGER).set(BURGER.TAAL, "en").where(BURGER.ID.eq(jan)).execute();
            message(Topic.INKOMSTEN);
            dispatcher(settings).dispatchAll();
            assertTrue(fcm.lastBody(token).contains("A message is waiting for you. Log in to read it."), fcm.lastBody(token));
            db.update(BURGER).setNull(BURGER.TAAL).where(BURGER.ID.eq(jan)).execute();
            message(Topic.INKOMSTEN);
            dispatcher(settings).dispatchAll();
            assertTrue(fcm.lastBody(token).contains("Er staat een bericht voor je klaar. Log in om het te lezen."), fcm.lastBody(token));
        } finally {
            db.update(BURGER).setNull(BURGER.TAAL).where(BURGER.ID.eq(jan)).execute();
        }
    }

    /**
     * The portal dies in the middle of a batch of 500: FCM answered 120 and then nothing more came back. The 120 are
     * recorded as sent the moment their answers came, so the dispatcher that takes over when the lease ends sends only
     * the 380 whose fate was unknown, and no message reaches the phone twice.
     */
    @Test
    void aCrashInTheMiddleOfABatchSendsAgainOnlyWhatHadNoAnswer() throws Exception {
        String token = "phone-" + UUID.randomUUID();
        device(token);
        removeOtherDevices(token);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(message(Topic.INKOMSTEN));
        }
        // A fake FCM server of its own (the hanging connections stay away from the other tests), and each dispatcher its
        // own Firebase app and threads, as two processes would have: the hanging requests of the first do not hold up
        // the second.
        FakeFcmServer hanging = new FakeFcmServer();
        ExecutorService process = Executors.newSingleThreadExecutor();
        try (FirebasePushSender first = ownSender(hanging); FirebasePushSender second = ownSender(hanging)) {
            hanging.holdAfter(120);
            Dispatcher dying = new Dispatcher(deliveries, first, email, settings(500, 8), messages, clock, "http://localhost");
            Future<Integer> run = process.submit(dying::dispatchOnce);
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sent(ids) < 120 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertEquals(120, hanging.acceptedTotal(), "FCM answered 120");
            assertEquals(120, sent(ids), "each recorded as sent when its answer came, while the rest still waits");
            for (String id : ids) {
                boolean accepted = hanging.acceptedCount(token, id) == 1;
                assertEquals(accepted ? Outbox.Delivery.SENT : Outbox.Delivery.WAITING, delivery(id).get(BEZORGING.STATUS), id);
            }
            assertFalse(run.isDone(), "the first dispatcher is still waiting for answers: now it dies");

            // Another instance takes over when the lease ends; FCM answers again.
            hanging.answerAgain();
            clock.advance(settings.lease().plusSeconds(1));
            Dispatcher successor = new Dispatcher(deliveries, second, email, settings(500, 8), messages, clock, "http://localhost");
            assertEquals(380, successor.dispatchAll(), "only those without an answer");
            for (String id : ids) {
                assertEquals(1, hanging.acceptedCount(token, id), "message " + id + " reached the phone once");
                assertEquals(Outbox.Delivery.SENT, delivery(id).get(BEZORGING.STATUS));
            }
            assertEquals(500, hanging.acceptedTotal(), "none of the 120 answered was sent again");

            // The dead one's requests fail at last (the server goes away); what they say no longer counts: the claim is gone.
            hanging.close();
            run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            for (String id : ids) {
                assertEquals(Outbox.Delivery.SENT, delivery(id).get(BEZORGING.STATUS), "a late answer of the dead one changes nothing");
            }
        } finally {
            hanging.close();
            process.shutdownNow();
        }
    }

    private int sent(List<String> ids) {
        return db.fetchCount(BEZORGING.join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID)),
                MELDING.PUBLIC_ID.in(ids).and(BEZORGING.STATUS.eq(Outbox.Delivery.SENT)));
    }

    /** A sender with its own Firebase app, connections and threads (the SDK shares one thread pool between apps). */
    private FirebasePushSender ownSender(FakeFcmServer server) {
        ExecutorService threads = Executors.newCachedThreadPool();
        com.google.firebase.FirebaseOptions options = SenderSetup.fakeServerOptions(server.url(), "fake-project").toBuilder()
                .setThreadManager(new com.google.firebase.ThreadManager() {
                    @Override
                    protected ExecutorService getExecutor(com.google.firebase.FirebaseApp app) {
                        return threads;
                    }

                    @Override
                    protected void releaseExecutor(com.google.firebase.FirebaseApp app, ExecutorService executor) {
                        executor.shutdownNow();
                    }

                    @Override
                    protected java.util.concurrent.ThreadFactory getThreadFactory() {
                        return Executors.defaultThreadFactory();
                    }
                }).build();
        return new FirebasePushSender(com.google.firebase.FirebaseApp.initializeApp(options, "test-" + UUID.randomUUID()), clock);
    }

    @Test
    void anUnregisteredDeviceIsForgotten() {
        String token = "unregistered-" + UUID.randomUUID();
        long deviceId = device(token);
        removeOtherDevices(token);
        String id = message(Topic.STATUS);

        dispatcher(settings).dispatchAll();

        assertEquals(0, db.fetchCount(DEVICE, DEVICE.ID.eq(deviceId)), "the token is deleted");
        org.jooq.Record d = delivery(id);
        assertEquals(Outbox.Delivery.SKIPPED, d.get(BEZORGING.STATUS));
        assertTrue(d.get(BEZORGING.REDEN).contains("UNREGISTERED"), d.get(BEZORGING.REDEN));
        assertFalse(d.get(BEZORGING.REDEN).contains(token), "no token in the reason");
    }

    @Test
    void aBusyServiceIsTriedAgainNoSoonerThanRetryAfter() {
        String token = "busy-" + UUID.randomUUID();
        device(token);
        removeOtherDevices(token);
        String id = message(Topic.INKOMSTEN);

        dispatcher(settings).dispatchAll();

        org.jooq.Record d = delivery(id);
        assertEquals(Outbox.Delivery.WAITING, d.get(BEZORGING.STATUS));
        assertEquals(1, d.get(BEZORGING.POGINGEN));
        assertNull(d.get(BEZORGING.GECLAIMD_DOOR));
        assertEquals(LocalDateTime.ofInstant(clock.instant().plusSeconds(120), ZoneOffset.UTC), d.get(BEZORGING.NIET_VOOR),
                "Retry-After: 120 beats the first backoff of 30 seconds");
        assertTrue(d.get(BEZORGING.REDEN).contains("QUOTA_EXCEEDED"));

        clock.advance(Duration.ofSeconds(60));
        assertEquals(0, dispatcher(settings).dispatchAll(), "not before Retry-After");
    }

    @Test
    void aServiceThatStaysDownIsRetriedWithBackoffAndThenGivenUpWithTheReason() {
        String token = "down-" + UUID.randomUUID();
        device(token);
        removeOtherDevices(token);
        String id = message(Topic.INKOMSTEN);
        Dispatcher dispatcher = dispatcher(settings(500, 3));

        dispatcher.dispatchAll();
        org.jooq.Record first = delivery(id);
        assertEquals(Outbox.Delivery.WAITING, first.get(BEZORGING.STATUS));
        assertEquals(LocalDateTime.ofInstant(clock.instant().plus(settings.firstRetry()), ZoneOffset.UTC), first.get(BEZORGING.NIET_VOOR));

        clock.advance(settings.firstRetry());
        dispatcher.dispatchAll();
        assertEquals(LocalDateTime.ofInstant(clock.instant().plus(settings.firstRetry().multipliedBy(2)), ZoneOffset.UTC),
                delivery(id).get(BEZORGING.NIET_VOOR), "the wait doubles");

        clock.advance(settings.firstRetry().multipliedBy(2));
        dispatcher.dispatchAll();
        org.jooq.Record last = delivery(id);
        assertEquals(Outbox.Delivery.GAVE_UP, last.get(BEZORGING.STATUS));
        assertEquals(3, last.get(BEZORGING.POGINGEN));
        assertTrue(last.get(BEZORGING.REDEN).contains("INTERNAL") && last.get(BEZORGING.REDEN).contains("3 tries"), last.get(BEZORGING.REDEN));
        assertEquals(0, fcm.acceptedCount(token, id));
    }

    @Test
    void aTopicTurnedOffIsSkippedAndQuietHoursWait() {
        String token = "phone-" + UUID.randomUUID();
        device(token);
        removeOtherDevices(token);
        db.insertInto(MELDINGSVOORKEUR).set(MELDINGSVOORKEUR.BURGER_ID, jan).set(MELDINGSVOORKEUR.ONDERWERP, "SITUATIE")
                .set(MELDINGSVOORKEUR.KANAAL, "PUSH").set(MELDINGSVOORKEUR.AAN, false).execute();
        String off = message(Topic.SITUATIE);
        clock.set(Instant.parse("2026-11-23T21:30:00Z")); // 22:30 in Amsterdam
        String night = message(Topic.INKOMSTEN);

        dispatcher(settings).dispatchAll();

        assertEquals(Outbox.Delivery.SKIPPED, delivery(off).get(BEZORGING.STATUS));
        assertEquals("turned off by the citizen", delivery(off).get(BEZORGING.REDEN));
        org.jooq.Record waiting = delivery(night);
        assertEquals(Outbox.Delivery.WAITING, waiting.get(BEZORGING.STATUS));
        assertEquals(0, waiting.get(BEZORGING.POGINGEN), "waiting for the morning is not a failed try");
        assertEquals(LocalDateTime.parse("2026-11-24T07:00:00"), waiting.get(BEZORGING.NIET_VOOR), "08:00 in Amsterdam");

        clock.set(Instant.parse("2026-11-24T07:00:00Z"));
        dispatcher(settings).dispatchAll();
        assertEquals(1, fcm.acceptedCount(token, night));
        assertEquals(0, fcm.acceptedCount(token, off));
    }
}

package nl.bijstandsportaal.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sends push messages to phones: through the Firebase Admin SDK when Firebase is configured, otherwise to the
 * {@link RecordingSenders} (docs/notifications.md).
 */
public interface PushSender extends AutoCloseable {

    /** At most this many pushes in one call (FCM's limit for sendEach). */
    int MAX_BATCH = 500;

    /**
     * One push message to one device. The text is generic ("Er staat een bericht voor je klaar"); what the message
     * says shows only after login. {@code messageId}: the message's own stable id (the inbox message's public id): the
     * push's collapse key, its apns-collapse-id and the {@code melding} field of its data, so a push that arrives twice
     * replaces the first on the phone and the app shows it once (ADR 0030). {@code web}: the token is a browser's
     * (ADR 0049); {@code link} is then a path on the portal that a click on the notification opens.
     */
    record Push(String token, String messageId, String title, String body, String link, boolean web) {

        /** To a phone's app. */
        public Push(String token, String messageId, String title, String body, String link) {
            this(token, messageId, title, body, link, false);
        }
    }

    /** Where each push's result goes as soon as it is known. */
    @FunctionalInterface
    interface Results {
        /** Called once per push ({@code index} in the list sent), from any thread, before or after send returns. */
        void result(int index, SendResult result);
    }

    /**
     * Sends the pushes and reports each one's result to {@code results} as it comes, so the caller can record it at
     * once: a crash then loses at most the results still on their way. Never throws for a push that fails.
     */
    void send(List<Push> pushes, Results results);

    /** Sends and waits for every result (at most {@code wait}); one result per push, in the same order. */
    default List<SendResult> send(List<Push> pushes, Duration wait) {
        SendResult[] results = new SendResult[pushes.size()];
        CountDownLatch done = new CountDownLatch(pushes.size());
        send(pushes, (index, result) -> {
            results[index] = result;
            done.countDown();
        });
        try {
            if (!done.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Not every push result came within " + wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Collections.unmodifiableList(new ArrayList<>(List.of(results)));
    }

    /** Releases what the sender holds (the Firebase app); nothing by default. */
    @Override
    default void close() {
    }
}

package nl.bijstandsportaal.notifications;

import java.util.List;

/**
 * Sends push messages to phones: through the Firebase Admin SDK when Firebase is configured, otherwise to the
 * {@link RecordingSenders} (docs/notifications.md).
 */
public interface PushSender extends AutoCloseable {

    /** At most this many pushes in one call (FCM's limit for sendEach). */
    int MAX_BATCH = 500;

    /**
     * One push message to one device. The text is generic ("Er staat een bericht voor je klaar"); what the message
     * says shows only after login. {@code messageId}: the delivery's own id, used by the phone to show a push that
     * arrives twice only once.
     */
    record Push(String token, String messageId, String title, String body, String link) {
    }

    /** @return one result per push, in the same order; never throws for a push that fails */
    List<SendResult> send(List<Push> pushes);

    /** Releases what the sender holds (the Firebase app); nothing by default. */
    @Override
    default void close() {
    }
}

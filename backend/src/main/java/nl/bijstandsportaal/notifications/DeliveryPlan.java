package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.platform.Pure;
import java.time.Instant;

/**
 * What to do with one claimed delivery now, from the citizen's wishes and what we know of them. Pure.
 * Preferences and quiet hours are looked at here, when the delivery is due, so a change made after the message
 * was written still counts.
 */
@Pure
public final class DeliveryPlan {

    private DeliveryPlan() {
    }

    /**
     * A claimed delivery with what deciding needs. {@code token}: the device's push token, null when the device is
     * gone or now belongs to someone else; {@code email}: null when the citizen has none; {@code wanted}: the
     * citizen's choice for this topic and channel (null: never chosen, which means on); {@code latest}: after this moment
     * the message is of no use by push or e-mail (an appointment's start), null for most messages.
     */
    public record Candidate(long id, Channel channel, int attempts, String messageId, Topic topic, String link,
                            long deviceId, String token, String email, QuietHours quietHours, Boolean wanted, Instant latest,
                            String language, String platform) {

        public Candidate(long id, Channel channel, int attempts, String messageId, Topic topic, String link,
                         long deviceId, String token, String email, QuietHours quietHours, Boolean wanted, Instant latest,
                         String language) {
            this(id, channel, attempts, messageId, topic, link, deviceId, token, email, quietHours, wanted, latest, language, null);
        }

        /** A browser's registration (ADR 0049), not a phone's. */
        public boolean web() {
            return nl.bijstandsportaal.account.DeviceService.WEB.equals(platform);
        }

        public Candidate(long id, Channel channel, int attempts, String messageId, Topic topic, String link,
                         long deviceId, String token, String email, QuietHours quietHours, Boolean wanted) {
            this(id, channel, attempts, messageId, topic, link, deviceId, token, email, quietHours, wanted, null, null);
        }

        public Candidate(long id, Channel channel, int attempts, String messageId, Topic topic, String link,
                         long deviceId, String token, String email, QuietHours quietHours, Boolean wanted, Instant latest) {
            this(id, channel, attempts, messageId, topic, link, deviceId, token, email, quietHours, wanted, latest, null);
        }
    }

    public sealed interface Decision permits Send, Skip, Later {
    }

    public record Send() implements Decision {
    }

    /** Not sent, and never will be; the reason is kept with the delivery. */
    public record Skip(String reason) implements Decision {
    }

    /** Not yet: the quiet hours last until {@code at}. */
    public record Later(Instant at) implements Decision {
    }

    public static Decision decide(Candidate c, Instant now) {
        if (Boolean.FALSE.equals(c.wanted())) {
            return new Skip("turned off by the citizen");
        }
        if (c.channel() == Channel.PUSH && c.token() == null) {
            return new Skip("device no longer registered to this citizen");
        }
        if (c.channel() == Channel.EMAIL && (c.email() == null || c.email().isBlank())) {
            return new Skip("no e-mail address");
        }
        if (c.latest() != null && !now.isBefore(c.latest())) {
            return new Skip("too late to be of use");
        }
        Instant allowed = c.quietHours().nextAllowed(now);
        // Quiet hours hold a message back, but not past the moment it is for (a reminder two hours before an early
        // appointment): then it goes now, the lesser harm (ADR 0023).
        if (allowed.isAfter(now) && (c.latest() == null || allowed.isBefore(c.latest()))) {
            return new Later(allowed);
        }
        return new Send();
    }
}

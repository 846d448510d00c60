package nl.bijstandsportaal.notifications;

import java.time.Duration;

/**
 * What happened to one push message or e-mail. {@code reason}: for the dead-letter list, never personal data (an
 * error code and a short description). {@code retryAfter}: what the server asked for (Retry-After), or null.
 */
public record SendResult(Outcome outcome, Duration retryAfter, String reason) {

    public enum Outcome {
        /** Accepted by FCM or the mail server. */
        SENT,
        /** The device is no longer registered (FCM UNREGISTERED): forget its token. */
        GONE,
        /** Try again later: the service is busy or unavailable (503, 429, a network error). */
        RETRY,
        /** Sending again will not help (a bad request, a rejected address). */
        FAILED
    }

    public static SendResult sent() {
        return new SendResult(Outcome.SENT, null, null);
    }

    public static SendResult gone(String reason) {
        return new SendResult(Outcome.GONE, null, reason);
    }

    public static SendResult retry(Duration after, String reason) {
        return new SendResult(Outcome.RETRY, after, reason);
    }

    public static SendResult failed(String reason) {
        return new SendResult(Outcome.FAILED, null, reason);
    }
}

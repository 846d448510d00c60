package nl.bijstandsportaal.notifications;

import java.time.Clock;
import com.google.firebase.ErrorCode;
import com.google.firebase.FirebaseApp;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Push through the Firebase Admin SDK (FCM HTTP v1, {@code sendEach}). The SDK itself retries a 503 a few times,
 * honouring Retry-After; what still fails comes back as a {@link SendResult} for the dispatcher's own backoff.
 * The message id is the collapse key on Android and the apns-collapse-id on iOS, so a push that is sent twice
 * (a crash after FCM accepted it and before we marked it sent) shows once on the phone.
 */
final class FirebasePushSender implements PushSender, AutoCloseable {

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;

    private final Clock clock;

    FirebasePushSender(FirebaseApp app, Clock clock) {
        this.app = app;
        this.clock = clock;
        this.messaging = FirebaseMessaging.getInstance(app);
    }

    @Override
    public List<SendResult> send(List<Push> pushes) {
        if (pushes.isEmpty()) {
            return List.of();
        }
        List<Message> messages = new ArrayList<>(pushes.size());
        for (Push push : pushes) {
            messages.add(message(push));
        }
        try {
            BatchResponse response = messaging.sendEach(messages);
            List<SendResult> results = new ArrayList<>(pushes.size());
            for (SendResponse one : response.getResponses()) {
                results.add(one.isSuccessful() ? SendResult.sent() : result(one.getException()));
            }
            return results;
        } catch (FirebaseMessagingException whole) {
            return Collections.nCopies(pushes.size(), result(whole));
        }
    }

    private static Message message(Push push) {
        return Message.builder()
                .setToken(push.token())
                .setNotification(Notification.builder().setTitle(push.title()).setBody(push.body()).build())
                .putData("melding", push.messageId())
                .putData("link", push.link())
                .setAndroidConfig(AndroidConfig.builder().setCollapseKey(push.messageId())
                        .setNotification(AndroidNotification.builder().setTag(push.messageId()).build()).build())
                .setApnsConfig(ApnsConfig.builder().putHeader("apns-collapse-id", push.messageId())
                        .setAps(Aps.builder().build()).build())
                .build();
    }

    /** FCM's answer as what the dispatcher should do; the reason is FCM's error code, never the token. */
    SendResult result(FirebaseMessagingException e) {
        MessagingErrorCode code = e.getMessagingErrorCode();
        String reason = "FCM " + (code != null ? code : e.getErrorCode()) + statusOf(e);
        if (code != null) {
            return switch (code) {
                case UNREGISTERED, SENDER_ID_MISMATCH -> SendResult.gone(reason);
                case QUOTA_EXCEEDED, UNAVAILABLE, INTERNAL, THIRD_PARTY_AUTH_ERROR -> SendResult.retry(retryAfter(e), reason);
                case INVALID_ARGUMENT -> SendResult.failed(reason);
            };
        }
        ErrorCode platform = e.getErrorCode();
        return switch (platform) {
            case UNAVAILABLE, INTERNAL, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED, UNKNOWN, ABORTED, CANCELLED
                    -> SendResult.retry(retryAfter(e), reason);
            case NOT_FOUND -> SendResult.gone(reason);
            default -> SendResult.failed(reason);
        };
    }

    private static String statusOf(FirebaseMessagingException e) {
        IncomingHttpResponse response = e.getHttpResponse();
        return response == null ? " (no answer)" : " (HTTP " + response.getStatusCode() + ")";
    }

    /** Retry-After in seconds or as an HTTP date; null when the answer had none. */
    Duration retryAfter(FirebaseMessagingException e) {
        IncomingHttpResponse response = e.getHttpResponse();
        if (response == null) {
            return null;
        }
        Object header = null;
        for (Map.Entry<String, Object> h : response.getHeaders().entrySet()) {
            if ("retry-after".equalsIgnoreCase(h.getKey())) {
                header = h.getValue();
            }
        }
        if (header instanceof List<?> list) {
            header = list.isEmpty() ? null : list.get(0);
        }
        if (header == null) {
            return null;
        }
        String value = header.toString().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        app.delete();
    }
}

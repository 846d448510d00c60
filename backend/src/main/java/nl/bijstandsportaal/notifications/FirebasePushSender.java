package nl.bijstandsportaal.notifications;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.firebase.ErrorCode;
import com.google.firebase.FirebaseApp;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.WebpushConfig;
import com.google.firebase.messaging.WebpushFcmOptions;
import com.google.firebase.messaging.WebpushNotification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Push through the Firebase Admin SDK (FCM HTTP v1: one request per message, {@code sendAsync}, on the SDK's own
 * threads, as its {@code sendEach} does). Each message's result is handed on the moment its answer comes, so the
 * dispatcher records it at once (ADR 0030). The SDK itself retries a 503 a few times, honouring Retry-After; what still
 * fails comes back as a {@link SendResult} for the dispatcher's own backoff. The message id is the collapse key and
 * notification tag on Android and the apns-collapse-id on iOS, and the {@code melding} field of the data: a push that is
 * sent twice (a crash after FCM accepted it and before we recorded it) replaces the first on the phone, and the app
 * shows a message id once.
 */
final class FirebasePushSender implements PushSender, AutoCloseable {

    /** APNs refuses an apns-collapse-id longer than this many bytes. */
    static final int MAX_COLLAPSE_ID_BYTES = 64;

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;

    private final Clock clock;

    FirebasePushSender(FirebaseApp app, Clock clock) {
        this.app = app;
        this.clock = clock;
        this.messaging = FirebaseMessaging.getInstance(app);
    }

    @Override
    public void send(List<Push> pushes, Results results) {
        for (int i = 0; i < pushes.size(); i++) {
            int index = i;
            ApiFuture<String> sent;
            try {
                sent = messaging.sendAsync(message(pushes.get(i)));
            } catch (RuntimeException refused) {
                // A message the SDK will not even build (it checks fields before sending): sending again will not help.
                results.result(index, SendResult.failed("FCM refused the message: " + refused.getClass().getSimpleName()));
                continue;
            }
            ApiFutures.addCallback(sent, new ApiFutureCallback<>() {
                @Override
                public void onSuccess(String name) {
                    results.result(index, SendResult.sent());
                }

                @Override
                public void onFailure(Throwable failure) {
                    Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
                    results.result(index, cause instanceof FirebaseMessagingException e ? result(e)
                            : SendResult.retry(null, "FCM " + cause.getClass().getSimpleName() + " (no answer)"));
                }
            }, Runnable::run);
        }
    }

    static Message message(Push push) {
        String collapseId = collapseId(push.messageId());
        if (push.web()) {
            return webMessage(push, collapseId);
        }
        return Message.builder()
                .setToken(push.token())
                .setNotification(Notification.builder().setTitle(push.title()).setBody(push.body()).build())
                .putData("melding", push.messageId())
                .putData("link", ApiLinks.forPush(push.link(), push.messageId()))
                .setAndroidConfig(AndroidConfig.builder().setCollapseKey(collapseId)
                        .setNotification(AndroidNotification.builder().setTag(collapseId).build()).build())
                .setApnsConfig(ApnsConfig.builder().putHeader("apns-collapse-id", collapseId)
                        .setAps(Aps.builder().build()).build())
                .build();
    }

    /**
     * To a browser (ADR 0049): the same generic title and text, the {@code melding} id and the link in the data (the
     * portal's service worker shows the notification and opens the link on a click), the message id as the notification's
     * tag (a second copy replaces the first), and the link as FCM's own {@code fcm_options.link}, which FCM accepts only as
     * an https address.
     */
    private static Message webMessage(Push push, String collapseId) {
        WebpushConfig.Builder web = WebpushConfig.builder()
                .setNotification(WebpushNotification.builder().setTitle(push.title()).setBody(push.body()).setTag(collapseId).build())
                .putData("melding", push.messageId())
                .putData("link", push.link());
        if (push.link().startsWith("https://")) {
            web.setFcmOptions(WebpushFcmOptions.withLink(push.link()));
        }
        return Message.builder()
                .setToken(push.token())
                .putData("melding", push.messageId())
                .putData("link", push.link())
                .setWebpushConfig(web.build())
                .build();
    }

    /**
     * The message id as collapse key: our ids (a UUID, 36 bytes) fit APNs' 64 bytes; a longer one would be refused, so
     * it becomes its SHA-256 in hex (64 bytes), still the same for every copy of the message.
     */
    static String collapseId(String messageId) {
        if (messageId.getBytes(StandardCharsets.UTF_8).length <= MAX_COLLAPSE_ID_BYTES) {
            return messageId;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

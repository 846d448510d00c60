package nl.bijstandsportaal.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the dispatcher works (application.yml, portal.notifications; docs/notifications.md).
 *
 * @param enabled       run the dispatcher and the reminder scheduler in this instance (tests call them directly)
 * @param batchSize     deliveries claimed at once (FCM takes up to 500 in one sendEach)
 * @param lease         how long a claim holds; a dispatcher that dies leaves its deliveries to others after this
 * @param maxAttempts   tries before a delivery is given up (dead letter), with the last reason
 * @param firstRetry    wait after the first failed try; doubles each time, up to {@code maxRetry}
 * @param maxRetry      the longest wait between tries
 * @param dispatchEvery how often the dispatcher looks for deliveries
 * @param scheduleEvery how often the reminder scheduler looks for what is due
 */
@ConfigurationProperties("portal.notifications")
public record NotificationSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "500") int batchSize,
        @Bindable(defaultValue = "5m") Duration lease,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "30s") Duration firstRetry,
        @Bindable(defaultValue = "1h") Duration maxRetry,
        @Bindable(defaultValue = "5s") Duration dispatchEvery,
        @Bindable(defaultValue = "15m") Duration scheduleEvery) {

    /** The wait after try {@code attempt} (1, 2, ...) failed: doubling from firstRetry, at most maxRetry. */
    public Duration backoff(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}

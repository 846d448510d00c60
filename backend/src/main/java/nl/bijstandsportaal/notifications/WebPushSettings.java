package nl.bijstandsportaal.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The Firebase web app's config for reminders in the browser (portal.web-push, ADR 0049). The browser needs all five to
 * get an FCM registration token; none is a secret. When one is missing the settings page does not offer the choice,
 * and the page's Content-Security-Policy stays as strict as elsewhere.
 */
@ConfigurationProperties("portal.web-push")
public record WebPushSettings(@Nullable String apiKey,
                              @Nullable String projectId,
                              @Nullable String messagingSenderId,
                              @Nullable String appId,
                              @Nullable String vapidKey) {

    /** The two Google services the Firebase JS SDK talks to when it gets a token (the page's connect-src). */
    public static final String CONNECT_SRC = "https://firebaseinstallations.googleapis.com https://fcmregistrations.googleapis.com";

    public boolean configured() {
        return filled(apiKey) && filled(projectId) && filled(messagingSenderId) && filled(appId) && filled(vapidKey);
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }
}

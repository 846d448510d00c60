package nl.bijstandsportaal.notifications;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.ConnectSources;

/**
 * The settings page is the one page whose script asks Firebase for this browser's push token (ADR 0049): only there,
 * and only when web push is configured, may it reach Firebase's two registration services.
 */
@Singleton
class WebPushConnectSources implements ConnectSources {

    static final String SETTINGS_PAGE = "/meldingen/instellingen";

    private final WebPushSettings settings;

    WebPushConnectSources(WebPushSettings settings) {
        this.settings = settings;
    }

    @Override
    public String forPath(String path) {
        return settings.configured() && SETTINGS_PAGE.equals(path) ? WebPushSettings.CONNECT_SRC : "";
    }
}

package nl.bijstandsportaal.account;

import java.util.Locale;

/** A browser and system name from a User-Agent, for the list of sessions: nothing that points to one person or device. */
final class UserAgents {

    private UserAgents() {
    }

    static String summary(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Browser";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge" : ua.contains("opr/") ? "Opera" : ua.contains("firefox/") ? "Firefox"
                : ua.contains("chrome/") || ua.contains("chromium/") ? "Chrome" : ua.contains("safari/") ? "Safari" : "Browser";
        String system = ua.contains("android") ? "Android" : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows" : ua.contains("mac os") ? "macOS" : ua.contains("linux") ? "Linux" : null;
        return system == null ? browser : browser + " · " + system;
    }
}

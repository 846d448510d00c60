package nl.bijstandsportaal.platform.limits;

import nl.bijstandsportaal.platform.Pure;

import java.util.Locale;

/**
 * Which limit a request counts against. Reading pages is not limited; logging in (every step, also the app's
 * token and revoke), sending a form or an API request that changes something, and sending a file are (ADR 0034).
 * Logging out is never limited.
 */
@Pure
public final class RateLimitRules {

    public enum Kind { LOGIN, SUBMIT, UPLOAD, NONE }

    private RateLimitRules() {
    }

    /** @param method the HTTP method's name, e.g. "POST" */
    public static Kind kind(String method, String path, String contentType) {
        boolean post = "POST".equals(method);
        if (path.startsWith("/oauth/login/") || path.startsWith("/oauth/callback/") || path.startsWith("/api/v1/auth/")
                || (post && (path.equals("/demo/digid") || path.equals("/demo/medewerker")))) {
            return Kind.LOGIN;
        }
        boolean unsafe = post || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method);
        if (!unsafe || path.equals("/uitloggen")) {
            return Kind.NONE;
        }
        return isFile(contentType) ? Kind.UPLOAD : Kind.SUBMIT;
    }

    private static boolean isFile(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).trim();
        return type.startsWith("multipart/form-data") || type.startsWith("image/") || type.startsWith("application/pdf")
                || type.startsWith("application/octet-stream");
    }
}

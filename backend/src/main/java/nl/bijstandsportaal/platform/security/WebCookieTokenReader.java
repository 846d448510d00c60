package nl.bijstandsportaal.platform.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.CookieTokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The session cookie counts on the web pages only. The mobile API ({@code /api/}) accepts bearer tokens only, so a
 * foreign page cannot make a browser post to the API with the citizen's cookie (CSRF is checked on the pages, not on
 * the API). One exception: {@code /api/v1/auth/authorize} is opened in the system browser and uses the web session
 * to log the app in (docs/mobile-login.md, ADR 0034).
 */
final class WebCookieTokenReader {

    static final String AUTHORIZE = "/api/v1/auth/authorize";

    private WebCookieTokenReader() {
    }

    static boolean cookieCounts(HttpRequest<?> request) {
        String path = request.getPath();
        return !path.startsWith("/api/") || path.equals(AUTHORIZE);
    }

    @Singleton
    @Replaces(CookieTokenReader.class)
    static class Pages extends CookieTokenReader {
        Pages(AccessTokenCookieConfiguration configuration) {
            super(configuration);
        }

        @Override
        public Optional<String> findToken(HttpRequest<?> request) {
            return cookieCounts(request) ? super.findToken(request) : Optional.empty();
        }
    }
}

package nl.bijstandsportaal.platform.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;

import java.time.Clock;
import java.time.Instant;
import jakarta.inject.Named;
import nl.bijstandsportaal.platform.time.ClockFactory;
import java.util.Date;

/**
 * The 15-minute idle timeout of browser sessions. The session cookie holds a JWT that expires 15 minutes
 * after it was issued; every request made with it more than a minute after issue gets a fresh one. So a
 * session ends only after 15 minutes without any request, on whichever instance, with nothing kept in
 * memory. Bearer tokens of the mobile app are not renewed here.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class SessionRenewalFilter implements Ordered {

    private final TokenCookieLoginHandler loginHandler;
    private final AccessTokenCookieConfiguration cookieConfiguration;
    private final SessionSettings settings;
    private final Clock clock;

    SessionRenewalFilter(TokenCookieLoginHandler loginHandler, AccessTokenCookieConfiguration cookieConfiguration,
                         SessionSettings settings, @Named(ClockFactory.WALL) Clock clock) {
        this.loginHandler = loginHandler;
        this.cookieConfiguration = cookieConfiguration;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE - 10;
    }

    @ResponseFilter
    public void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getPath().startsWith("/static/") || request.getPath().startsWith("/api/")) {
            return;
        }
        if (request.getCookies().findCookie(cookieConfiguration.getCookieName()).map(Cookie::getValue).isEmpty()) {
            return;
        }
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null || setsSessionCookie(response)) {
            return;
        }
        Instant issuedAt = issuedAt(authentication);
        if (issuedAt != null && issuedAt.plusSeconds(settings.getRenewAfterSeconds()).isAfter(clock.instant())) {
            return;
        }
        for (Cookie cookie : loginHandler.getCookies(CurrentUser.renewed(authentication), request)) {
            response.cookie(cookie);
        }
    }

    private boolean setsSessionCookie(MutableHttpResponse<?> response) {
        String name = cookieConfiguration.getCookieName() + "=";
        return response.getHeaders().getAll("Set-Cookie").stream().anyMatch(h -> h.startsWith(name));
    }

    private static Instant issuedAt(Authentication authentication) {
        Object iat = authentication.getAttributes().get("iat");
        if (iat instanceof Date date) {
            return date.toInstant();
        }
        if (iat instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}

package nl.bijstandsportaal.platform.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.cookie.LoginCookieProvider;
import jakarta.inject.Singleton;

/**
 * A harmless browser-session cookie set at every login ("you were signed in"). When the session cookie has
 * expired but this one is still there, the visitor sees "your session has ended" instead of a bare login page.
 */
@Singleton
public class LoginMarkerCookie implements LoginCookieProvider<HttpRequest<?>> {

    public static final String NAME = "portal_was_signed_in";

    @Override
    public Cookie provideCookie(HttpRequest<?> request) {
        return marker("1");
    }

    public static Cookie cleared() {
        return marker("").maxAge(0);
    }

    private static Cookie marker(String value) {
        return Cookie.of(NAME, value).path("/").httpOnly(true).secure(true).sameSite(SameSite.Lax);
    }
}

package nl.bijstandsportaal.platform.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.config.TokenCookieConfiguration;
import io.micronaut.security.errors.CookiePriorToLoginPersistence;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.web.LocalPath;

import java.net.URI;
import java.util.Optional;

/**
 * "Back to the page you wanted" after login, but only to a relative path on this site: the page is remembered in a
 * cookie, and a cookie can be set by others (a sibling subdomain, a script), so an absolute address in it is ignored
 * and the login ends on the home page (ADR 0034).
 */
@Singleton
@Replaces(CookiePriorToLoginPersistence.class)
public class LocalPriorToLoginPersistence extends CookiePriorToLoginPersistence {

    LocalPriorToLoginPersistence(TokenCookieConfiguration cookieConfiguration) {
        super(cookieConfiguration);
    }

    @Override
    public Optional<URI> getOriginalUri(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return super.getOriginalUri(request, response)
                .flatMap(uri -> LocalPath.of(uri.toString()))
                .map(URI::create);
    }
}

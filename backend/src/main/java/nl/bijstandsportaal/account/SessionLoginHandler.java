package nl.bijstandsportaal.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.LoginCookieProvider;
import io.micronaut.security.token.cookie.RefreshTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.SessionGuard;

import java.util.List;

/** Every web login (DigiD, the municipality, the demo) starts a session record; the cookie's JWT carries its id. */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class SessionLoginHandler extends TokenCookieLoginHandler {

    private final ServerSessions sessions;

    SessionLoginHandler(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                        AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                        RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                        AccessTokenConfiguration accessTokenConfiguration, AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                        PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                        List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders, ServerSessions sessions) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
                accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
        this.sessions = sessions;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        String id = sessions.startWeb(authentication, request.getHeaders().get(HttpHeaders.USER_AGENT));
        return super.loginSuccess(CurrentUser.with(authentication, SessionGuard.ATTR_WEB_SESSION, id), request);
    }
}

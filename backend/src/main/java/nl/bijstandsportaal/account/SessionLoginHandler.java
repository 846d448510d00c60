package nl.bijstandsportaal.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
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

import java.net.URI;
import java.util.List;

/** Every web login (DigiD, the municipality, the demo) starts a session record; the cookie's JWT carries its id. */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class SessionLoginHandler extends TokenCookieLoginHandler {

    private final ServerSessions sessions;
    private final String employeeClient;

    SessionLoginHandler(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                        AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                        RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                        AccessTokenConfiguration accessTokenConfiguration, AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                        PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                        List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders, ServerSessions sessions,
                        @Value("${portal.oidc.employee-client:gemeente}") String employeeClient) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
                accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
        this.sessions = sessions;
        this.employeeClient = employeeClient;
    }

    /**
     * A failed login goes back to the page it started from, with why: a DigiD level too low and a login without a
     * second factor each have their own explanation (ADR 0047); anything else is the general "did not work".
     */
    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failed, HttpRequest<?> request) {
        String reason = failed.getMessage().orElse("");
        boolean employee = request.getPath().endsWith("/" + employeeClient);
        String why = reason.equals(OidcAuthenticationMappers.TOO_WEAK_DIGID) || reason.equals(OidcAuthenticationMappers.NO_SECOND_FACTOR)
                ? reason : "login";
        return HttpResponse.seeOther(URI.create((employee ? "/medewerkers" : "/inloggen") + "?fout=" + why));
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        String id = sessions.startWeb(authentication, request.getHeaders().get(HttpHeaders.USER_AGENT));
        return super.loginSuccess(CurrentUser.with(authentication, SessionGuard.ATTR_WEB_SESSION, id), request);
    }
}

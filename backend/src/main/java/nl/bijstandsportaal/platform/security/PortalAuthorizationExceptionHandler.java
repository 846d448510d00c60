package nl.bijstandsportaal.platform.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

/**
 * Not signed in or not allowed: the API answers 401/403 as problem+json; a page sends the visitor to the
 * login, or to "your session has ended" when they were signed in before. Forbidden pages show a 403 page.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class PortalAuthorizationExceptionHandler extends DefaultAuthorizationExceptionHandler {

    public PortalAuthorizationExceptionHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                                               RedirectConfiguration redirectConfiguration,
                                               RedirectService redirectService,
                                               PriorToLoginPersistence priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, priorToLoginPersistence);
    }

    @Override
    protected boolean shouldRedirect(HttpRequest<?> request, AuthorizationException exception) {
        if (request.getPath().startsWith("/api/") && !request.getPath().startsWith("/api/v1/auth/authorize")) {
            return false;
        }
        return !exception.isForbidden() && super.shouldRedirect(request, exception);
    }

    @Override
    protected String getRedirectUri(HttpRequest<?> request, AuthorizationException exception) {
        if (!exception.isForbidden() && request.getCookies().findCookie(LoginMarkerCookie.NAME).isPresent()) {
            return "/sessie-verlopen";
        }
        return super.getRedirectUri(request, exception);
    }
}

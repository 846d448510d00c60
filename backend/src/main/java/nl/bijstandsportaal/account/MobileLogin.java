package nl.bijstandsportaal.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.api.v1.TokenResponse;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.ErrorPages;
import nl.bijstandsportaal.platform.web.ProblemException;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * OAuth 2.0 for native apps (RFC 8252): the app opens {@code /api/v1/auth/authorize} in the system browser;
 * the citizen logs in with DigiD as on the web; the app gets a code on its redirect address and exchanges it
 * (with its PKCE verifier) at {@code /api/v1/auth/token}. See docs/mobile-login.md.
 */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class MobileLogin {

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43,128}");

    private final Collection<MobileClients> clients;
    private final MobileSessionService sessions;
    private final ErrorPages errorPages;

    MobileLogin(Collection<MobileClients> clients, MobileSessionService sessions, ErrorPages errorPages) {
        this.clients = clients;
        this.sessions = sessions;
        this.errorPages = errorPages;
    }

    @Get(value = "/authorize", produces = MediaType.TEXT_HTML)
    @Secured(Roles.CITIZEN)
    HttpResponse<?> authorize(@QueryValue("response_type") @Nullable String responseType,
                              @QueryValue("client_id") @Nullable String clientId,
                              @QueryValue("redirect_uri") @Nullable String redirectUri,
                              @QueryValue("code_challenge") @Nullable String codeChallenge,
                              @QueryValue("code_challenge_method") @Nullable String codeChallengeMethod,
                              @QueryValue @Nullable String state,
                              Authentication authentication, HttpRequest<?> request) {
        MobileClients client = client(clientId);
        if (client == null || !client.allows(redirectUri)) {
            // never redirect to an address we do not know (RFC 6749 section 4.1.2.1)
            return errorPages.page(request, HttpStatus.BAD_REQUEST, "400");
        }
        UriBuilder back = UriBuilder.of(redirectUri);
        if (state != null) {
            back.queryParam("state", state);
        }
        if (!"code".equals(responseType)) {
            return HttpResponse.seeOther(back.queryParam("error", "unsupported_response_type").build());
        }
        if (!"S256".equals(codeChallengeMethod) || codeChallenge == null || !CHALLENGE.matcher(codeChallenge).matches()) {
            return HttpResponse.seeOther(back.queryParam("error", "invalid_request").build());
        }
        CurrentUser user = CurrentUser.require(authentication);
        String code = sessions.issueCode(user.id(), client.getClientId(), redirectUri, codeChallenge);
        return HttpResponse.seeOther(back.queryParam("code", code).build());
    }

    @Post(value = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    TokenResponse token(@Body("grant_type") @Nullable String grantType,
                        @Body("client_id") @Nullable String clientId,
                        @Body("code") @Nullable String code,
                        @Body("code_verifier") @Nullable String codeVerifier,
                        @Body("redirect_uri") @Nullable String redirectUri,
                        @Body("refresh_token") @Nullable String refreshToken,
                        @Body("device_name") @Nullable String deviceName) {
        if ("authorization_code".equals(grantType)) {
            if (client(clientId) == null) {
                throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_CLIENT, null, "invalid_client", null);
            }
            return sessions.exchangeCode(clientId, code, codeVerifier, redirectUri, deviceName);
        }
        if ("refresh_token".equals(grantType)) {
            return sessions.refresh(refreshToken);
        }
        throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, null, "unsupported_grant_type", null);
    }

    /** RFC 7009: the app logs out; the refresh token stops working. */
    @Post(value = "/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> revoke(@Body("token") @Nullable String token) {
        sessions.revoke(token);
        return HttpResponse.ok();
    }

    private MobileClients client(String clientId) {
        if (clientId == null) {
            return null;
        }
        return clients.stream().filter(c -> c.getClientId().equals(clientId)).findFirst().orElse(null);
    }
}

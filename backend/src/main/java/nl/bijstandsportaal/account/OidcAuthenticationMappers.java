package nl.bijstandsportaal.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The two OpenID Connect logins. The client names ({@code digid}, {@code gemeente}) are those under
 * {@code micronaut.security.oauth2.clients} in the configuration.
 */
final class OidcAuthenticationMappers {

    private OidcAuthenticationMappers() {
    }

    /** The login lookup (a database query) off the event loop; no such person means a failed login. */
    private static Publisher<AuthenticationResponse> respond(Supplier<Optional<Authentication>> lookup) {
        return Mono.<AuthenticationResponse>fromCallable(() -> lookup.get()
                        .map(a -> AuthenticationResponse.success(a.getName(), a.getRoles(), a.getAttributes()))
                        .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Citizens, through a DigiD broker: the BSN comes as a claim (name configurable, default {@code bsn}). */
    @Singleton
    @Named("digid")
    static class Digid implements OpenIdAuthenticationMapper {
        private final LoginService logins;
        private final String bsnClaim;

        Digid(LoginService logins, @Value("${portal.oidc.bsn-claim:bsn}") String bsnClaim) {
            this.logins = logins;
            this.bsnClaim = bsnClaim;
        }

        @Override
        public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                              OpenIdClaims claims, @Nullable State state) {
            Object bsn = claims.get(bsnClaim);
            return respond(() -> logins.citizen(bsn == null ? null : bsn.toString()));
        }
    }

    /** Consulenten and beheerders, through the municipality's identity provider. */
    @Singleton
    @Named("gemeente")
    static class Gemeente implements OpenIdAuthenticationMapper {
        private final LoginService logins;
        private final String subjectClaim;

        Gemeente(LoginService logins, @Value("${portal.oidc.employee-subject-claim:sub}") String subjectClaim) {
            this.logins = logins;
            this.subjectClaim = subjectClaim;
        }

        @Override
        public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                              OpenIdClaims claims, @Nullable State state) {
            Object subject = claims.get(subjectClaim);
            return respond(() -> logins.employee(subject == null ? null : subject.toString()));
        }
    }
}

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
import nl.bijstandsportaal.platform.logging.LogText;
import nl.bijstandsportaal.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    /** Why a proven person was still refused; {@link SessionLoginHandler} sends each to its own explanation. */
    static final String TOO_WEAK_DIGID = "digid-niveau";
    static final String NO_SECOND_FACTOR = "tweede-factor";

    private static final Logger LOG = LoggerFactory.getLogger(OidcAuthenticationMappers.class);

    private static Publisher<AuthenticationResponse> refuse(String reason) {
        return Mono.just(AuthenticationResponse.failure(reason));
    }

    /**
     * Citizens, through a DigiD broker: the BSN comes as a claim (name configurable, default {@code bsn}), the DigiD
     * level as the acr claim; a level below what the citizen's municipality requires is refused (ADR 0047).
     */
    @Singleton
    @Named("digid")
    static class Digid implements OpenIdAuthenticationMapper {
        private final LoginService logins;
        private final LoginAssurance assurance;
        private final String bsnClaim;
        private final String acrClaim;

        Digid(LoginService logins, LoginAssurance assurance, @Value("${portal.oidc.bsn-claim:bsn}") String bsnClaim,
              @Value("${portal.oidc.acr-claim:acr}") String acrClaim) {
            this.logins = logins;
            this.assurance = assurance;
            this.bsnClaim = bsnClaim;
            this.acrClaim = acrClaim;
        }

        @Override
        public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                              OpenIdClaims claims, @Nullable State state) {
            Object bsn = claims.get(bsnClaim);
            Object acr = claims.get(acrClaim);
            Optional<LoginAssurance.DigidLevel> level = assurance.digidLevel(acr);
            return Mono.<AuthenticationResponse>fromCallable(() -> {
                Optional<Authentication> citizen = logins.citizen(bsn == null ? null : bsn.toString());
                if (citizen.isEmpty()) {
                    return AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND);
                }
                CurrentUser user = CurrentUser.require(citizen.get());
                LoginAssurance.DigidLevel required = assurance.requiredFor(user.gemeenteId());
                if (!LoginAssurance.enough(level, required)) {
                    LOG.warn("DigiD login refused: level {} (acr {}) below {} required by the municipality (burger {})",
                            level.map(Enum::name).orElse("unknown"), LogText.safe(String.valueOf(acr)), required, user.id());
                    return AuthenticationResponse.failure(TOO_WEAK_DIGID);
                }
                Authentication a = citizen.get();
                return AuthenticationResponse.success(a.getName(), a.getRoles(), a.getAttributes());
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }

    /**
     * Consulenten and beheerders, through the municipality's identity provider: only with a second factor (amr or acr,
     * ADR 0047), checked before the account is looked up.
     */
    @Singleton
    @Named("gemeente")
    static class Gemeente implements OpenIdAuthenticationMapper {
        private final LoginService logins;
        private final LoginAssurance assurance;
        private final String subjectClaim;

        Gemeente(LoginService logins, LoginAssurance assurance,
                 @Value("${portal.oidc.employee-subject-claim:sub}") String subjectClaim) {
            this.logins = logins;
            this.assurance = assurance;
            this.subjectClaim = subjectClaim;
        }

        @Override
        public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                              OpenIdClaims claims, @Nullable State state) {
            if (!assurance.secondFactor(claims.get(OpenIdClaims.CLAIMS_AMR), claims.get(OpenIdClaims.CLAIMS_ACR))) {
                LOG.warn("Employee login refused: no second factor in the login (amr {}, acr {})",
                        claims.get(OpenIdClaims.CLAIMS_AMR), claims.get(OpenIdClaims.CLAIMS_ACR));
                return refuse(NO_SECOND_FACTOR);
            }
            Object subject = claims.get(subjectClaim);
            return respond(() -> logins.employee(subject == null ? null : subject.toString()));
        }
    }
}

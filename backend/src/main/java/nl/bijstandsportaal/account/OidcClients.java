package nl.bijstandsportaal.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Which OpenID Connect logins are configured, and where their login starts. */
@Singleton
public class OidcClients {

    private final Environment environment;
    private final String citizenClient;
    private final String employeeClient;

    OidcClients(Environment environment,
                @Value("${portal.oidc.citizen-client:digid}") String citizenClient,
                @Value("${portal.oidc.employee-client:gemeente}") String employeeClient) {
        this.environment = environment;
        this.citizenClient = citizenClient;
        this.employeeClient = employeeClient;
    }

    public Optional<String> citizenLoginUrl() {
        return loginUrl(citizenClient);
    }

    public Optional<String> employeeLoginUrl() {
        return loginUrl(employeeClient);
    }

    private Optional<String> loginUrl(String client) {
        boolean configured = environment.getProperty("micronaut.security.oauth2.clients." + client + ".client-id", String.class)
                .filter(id -> !id.isBlank()).isPresent();
        return configured ? Optional.of("/oauth/login/" + client) : Optional.empty();
    }
}

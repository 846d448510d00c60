package nl.bijstandsportaal.account;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.List;

/**
 * An app that may log citizens in (RFC 8252): its client id and the redirect addresses it may use, exactly as
 * registered.
 */
@EachProperty("portal.mobile.clients")
public class MobileClients {

    private final String clientId;
    private List<String> redirectUris = List.of();

    public MobileClients(@Parameter String clientId) {
        this.clientId = clientId;
    }

    public String getClientId() {
        return clientId;
    }

    public List<String> getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(List<String> redirectUris) {
        this.redirectUris = redirectUris;
    }

    /**
     * Only a registered address, compared as a string (RFC 6749 section 3.1.2, RFC 9700 section 4.1.3): no loopback on
     * any port, so another program on the phone or computer cannot have a code sent to a port of its own while the
     * citizen is signed in on the web (ADR 0034). A loopback address is allowed only when registered with its port.
     */
    public boolean allows(String redirectUri) {
        return redirectUri != null && !redirectUri.isBlank() && redirectUris.contains(redirectUri);
    }
}

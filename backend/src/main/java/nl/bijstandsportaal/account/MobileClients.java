package nl.bijstandsportaal.account;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.net.URI;
import java.util.List;

/**
 * An app that may log citizens in (RFC 8252): its client id and the redirect addresses it may use.
 * A loopback address ({@code http://127.0.0.1/...}) matches on any port, as RFC 8252 section 7.3 asks.
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

    public boolean allows(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank()) {
            return false;
        }
        URI given;
        try {
            given = URI.create(redirectUri);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String allowed : redirectUris) {
            if (allowed.equals(redirectUri)) {
                return true;
            }
            URI registered = URI.create(allowed);
            boolean loopback = "http".equals(registered.getScheme()) && "127.0.0.1".equals(registered.getHost());
            if (loopback && "http".equals(given.getScheme()) && "127.0.0.1".equals(given.getHost())
                    && registered.getPath().equals(given.getPath()) && given.getQuery() == null && given.getFragment() == null) {
                return true;
            }
        }
        return false;
    }
}

package nl.bijstandsportaal.testsupport;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real OpenID Connect provider on loopback (mock-oauth2-server) standing in for the DigiD broker
 * ({@code digid}) and the municipality's identity provider ({@code gemeente}). One per test JVM.
 */
public final class TestIdentityProviders {

    private static MockOAuth2Server server;

    private TestIdentityProviders() {
    }

    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    /** The configuration that points the portal's two OIDC clients at the test provider. */
    public static Map<String, String> properties() {
        MockOAuth2Server s = server();
        Map<String, String> p = new HashMap<>();
        p.put("micronaut.security.oauth2.clients.digid.client-id", "portal-digid");
        p.put("micronaut.security.oauth2.clients.digid.client-secret", "digid-secret");
        p.put("micronaut.security.oauth2.clients.digid.openid.issuer", s.issuerUrl("digid").toString());
        p.put("micronaut.security.oauth2.clients.gemeente.client-id", "portal-gemeente");
        p.put("micronaut.security.oauth2.clients.gemeente.client-secret", "gemeente-secret");
        p.put("micronaut.security.oauth2.clients.gemeente.openid.issuer", s.issuerUrl("gemeente").toString());
        return p;
    }

    /** DigiD levels as Logius' SAML authentication context classes, which the broker passes on as acr. */
    public static final String DIGID_MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract";
    public static final String DIGID_SUBSTANTIEEL = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard";
    public static final String DIGID_HOOG = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI";

    /** The next DigiD login proves this BSN, with the DigiD app with ID check (substantieel). */
    public static void nextCitizen(String bsn) {
        nextCitizen(bsn, Map.of("bsn", bsn, "acr", DIGID_SUBSTANTIEEL));
    }

    /** The next DigiD login proves this BSN at this acr (null: the broker sends none). */
    public static void nextCitizenAtLevel(String bsn, String acr) {
        nextCitizen(bsn, acr == null ? Map.of("bsn", bsn) : Map.of("bsn", bsn, "acr", acr));
    }

    private static void nextCitizen(String bsn, Map<String, Object> claims) {
        server().enqueueCallback(new DefaultOAuth2TokenCallback("digid", "digid-subject-" + bsn.hashCode(), "JWT", null,
                claims, 3600));
    }

    /** The next login at the municipality's identity provider is this employee, with a password and a one-time code. */
    public static void nextEmployee(String subject) {
        nextEmployee(subject, List.of("pwd", "otp"));
    }

    /** The next login at the municipality's identity provider is this employee, with these methods (amr). */
    public static void nextEmployee(String subject, List<String> amr) {
        server().enqueueCallback(new DefaultOAuth2TokenCallback("gemeente", subject, "JWT", null, Map.of("amr", amr), 3600));
    }
}

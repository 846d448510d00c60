package nl.bijstandsportaal.testsupport;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the mobile app does to log in: the authorization code flow with PKCE (RFC 8252, 7636) and token refresh. */
public final class MobileApp {

    public static final String APP = "portal-app";
    public static final String REDIRECT = "http://127.0.0.1:51234/oauth2redirect";

    private final URI server;
    private final JsonMapper json;

    public MobileApp(URI server, JsonMapper json) {
        this.server = server;
        this.json = json;
    }

    public record Tokens(String access, String refresh) {
    }

    /** Logs the app in for the citizen signed in on this browser. */
    public Tokens login(WebClient loggedInBrowser) {
        String verifier = verifier();
        String code = authorize(loggedInBrowser, challenge(verifier));
        HttpResponse<String> response = exchange(code, verifier);
        assertEquals(200, response.statusCode(), response.body());
        return tokens(response);
    }

    public Tokens refresh(String refreshToken) {
        HttpResponse<String> response = tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertEquals(200, response.statusCode(), response.body());
        return tokens(response);
    }

    private Tokens tokens(HttpResponse<String> response) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(response.body(), Map.class);
            return new Tokens((String) map.get("access_token"), (String) map.get("refresh_token"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String authorize(WebClient web, String challenge) {
        HttpResponse<String> response = web.get(authorizeUrl(challenge));
        assertEquals(303, response.statusCode(), response.body());
        URI back = URI.create(WebClient.location(response));
        assertEquals("127.0.0.1", back.getHost());
        assertTrue(back.getQuery().contains("state=st"));
        return Arrays.stream(back.getQuery().split("&")).filter(p -> p.startsWith("code="))
                .map(p -> p.substring(5)).findFirst().orElseThrow();
    }

    public static String authorizeUrl(String challenge) {
        return "/api/v1/auth/authorize?response_type=code&client_id=" + APP + "&redirect_uri=" + REDIRECT
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=st";
    }

    public HttpResponse<String> exchange(String code, String verifier) {
        return tokenRequest(Map.of("grant_type", "authorization_code", "client_id", APP, "code", code,
                "code_verifier", verifier, "redirect_uri", REDIRECT, "device_name", "Test phone"));
    }

    public HttpResponse<String> tokenRequest(Map<String, String> form) {
        return tokenRequestTo("/api/v1/auth/token", form);
    }

    /** A form post to one of the app's login endpoints (token, revoke). */
    public HttpResponse<String> tokenRequestTo(String path, Map<String, String> form) {
        return new WebClient(server).send(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(form))));
    }

    /** Headers of an API call: the bearer token and, for a creating call, an Idempotency-Key. */
    public static Map<String, String> auth(String bearer, String idempotencyKey) {
        return idempotencyKey == null ? Map.of("Authorization", "Bearer " + bearer)
                : Map.of("Authorization", "Bearer " + bearer, "Idempotency-Key", idempotencyKey);
    }

    public static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package nl.bijstandsportaal.account;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.FilterMatcher;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.filter.ClientFilterChain;
import io.micronaut.http.filter.HttpClientFilter;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.api.v1.Device;
import nl.bijstandsportaal.api.v1.DevicesApi;
import nl.bijstandsportaal.api.v1.Me;
import nl.bijstandsportaal.api.v1.MeApi;
import nl.bijstandsportaal.testsupport.ContractCheck;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.IDEMPOTENCY_RECORD;
import static nl.bijstandsportaal.testsupport.MobileApp.auth;
import static nl.bijstandsportaal.testsupport.MobileApp.authorizeUrl;
import static nl.bijstandsportaal.testsupport.MobileApp.challenge;
import static nl.bijstandsportaal.testsupport.MobileApp.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mobile API: login for native apps, tokens, the current user, push registrations, errors. */
@MicronautTest
class MobileApiTest extends PortalTest {


    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokenGenerator;
    @Inject
    AppClient client;

    /**
     * The declarative client a mobile team or test uses: the same route interfaces the controllers implement. Its answers
     * are held to the contract as WebClient's are ({@link AppClientContractCheck}).
     */
    @Client("/")
    @AppClientFilter
    interface AppClient extends MeApi, DevicesApi {
    }

    /** Marks the clients {@link AppClientContractCheck} applies to. */
    @FilterMatcher
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface AppClientFilter {
    }

    /**
     * Checks every answer the declarative client gets, a success or an error, against openapi.yaml (testsupport.ContractCheck),
     * and sends the bearer token a test gives it.
     */
    @AppClientFilter
    @Singleton
    static class AppClientContractCheck implements HttpClientFilter {
        static volatile String bearer;

        @Override
        public Publisher<? extends io.micronaut.http.HttpResponse<?>> doFilter(MutableHttpRequest<?> request, ClientFilterChain chain) {
            if (bearer != null) {
                request.bearerAuth(bearer);
            }
            String method = request.getMethodName();
            URI uri = request.getUri();
            return Flux.from(chain.proceed(request))
                    .doOnNext(response -> check(method, uri, response))
                    .doOnError(HttpClientResponseException.class, e -> check(method, uri, e.getResponse()));
        }

        private static void check(String method, URI uri, io.micronaut.http.HttpResponse<?> response) {
            ContractCheck.check(method, uri, response.code(), response.getContentType().map(Object::toString).orElse(null),
                    response.getHeaders().get("Location"), response.getBody(String.class).orElse(null));
            CHECKED.incrementAndGet();
        }

        static final java.util.concurrent.atomic.AtomicInteger CHECKED = new java.util.concurrent.atomic.AtomicInteger();
    }

    @Test
    void theAppLogsInWithPkceAndGetsShortAccessAndRotatingRefreshTokens() throws IOException {
        MobileApp.Tokens tokens = appLogin(citizen(SANNE));
        HttpResponse<String> me = browser().getJson("/api/v1/ik", tokens.access());
        assertEquals(200, me.statusCode(), me.body());
        Me body = json.readValue(me.body(), Me.class);
        assertEquals("Sanne", body.voornaam());
        assertEquals("Westland", body.gemeente().naam());
        assertEquals("Marieke Jansen", body.consulent().naam());
        assertFalse(me.body().contains(SANNE), "no BSN in the API");

        MobileApp.Tokens refreshed = refresh(tokens.refresh());
        assertNotEquals(tokens.refresh(), refreshed.refresh(), "the refresh token rotates");
        assertEquals(200, browser().getJson("/api/v1/ik", refreshed.access()).statusCode());

        HttpResponse<String> replay = tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refresh()));
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("invalid_grant"));
        HttpResponse<String> afterTheft = tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshed.refresh()));
        assertEquals(400, afterTheft.statusCode(), "a replayed refresh token ends that phone's session");
    }

    @Test
    void aCodeWorksOnceAndOnlyWithItsVerifier() throws IOException {
        WebClient web = citizen(HENK);
        String verifier = verifier();
        String code = authorize(web, challenge(verifier));
        HttpResponse<String> wrong = exchange(code, verifier() + "x");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(wrong.body().contains("/problems/invalid-grant"));
        assertEquals(400, exchange(code, verifier).statusCode(), "a code is spent by a wrong verifier too");

        String second = authorize(web, challenge(verifier));
        assertEquals(200, exchange(second, verifier).statusCode());
        assertEquals(400, exchange(second, verifier).statusCode(), "a used code does not work twice");
    }

    @Test
    void authorizeRefusesUnknownAppsAndSendsStrangersToTheLogin() {
        WebClient web = browser();
        HttpResponse<String> anonymous = web.get(authorizeUrl(challenge(verifier())));
        assertEquals(303, anonymous.statusCode());
        assertEquals("/inloggen", WebClient.location(anonymous));

        WebClient citizen = citizen(SANNE);
        HttpResponse<String> evil = citizen.get("/api/v1/auth/authorize?response_type=code&client_id=portal-app"
                + "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&code_challenge=" + challenge(verifier()) + "&code_challenge_method=S256");
        assertEquals(400, evil.statusCode(), "never redirects to an unregistered address");
        HttpResponse<String> plain = citizen.get("/api/v1/auth/authorize?response_type=code&client_id=portal-app"
                + "&redirect_uri=" + MobileApp.REDIRECT + "&code_challenge=abc&code_challenge_method=plain&state=s1");
        assertEquals(303, plain.statusCode());
        assertTrue(WebClient.location(plain).contains("error=invalid_request"));
        assertTrue(WebClient.location(plain).contains("state=s1"));
    }

    @Test
    void missingBadAndExpiredTokensGet401ProblemJson() {
        for (String bearer : new String[]{null, "not-a-jwt", expiredToken()}) {
            HttpResponse<String> response = browser().getJson("/api/v1/ik", bearer);
            assertEquals(401, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(response.body().contains("\"type\":\"/problems/unauthorized\""), response.body());
        }
    }

    @Test
    void anEmployeeTokenIsNotACitizen() {
        String token = tokenGenerator.generateToken(io.micronaut.security.authentication.Authentication.build(
                "medewerker:1", List.of("CONSULENT"), Map.of("kind", "EMPLOYEE", "uid", 1, "gemeente", 1, "naam", "X")), 300).orElseThrow();
        // Without an app session (ADR 0039) the token counts for nothing.
        assertEquals(401, browser().getJson("/api/v1/ik", token).statusCode());
    }

    @Test
    void registeringADeviceIsIdempotentAndScopedToTheCitizen() throws IOException {
        String sanne = appLogin(citizen(SANNE)).access();
        String henk = appLogin(citizen(HENK)).access();
        String pushToken = "fcm-" + UUID.randomUUID();
        String body = "{\"pushtoken\":\"" + pushToken + "\",\"platform\":\"ANDROID\",\"appVersie\":\"1.4.0\"}";
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = browser().postJson("/api/v1/apparaten", body, auth(sanne, key));
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> retry = browser().postJson("/api/v1/apparaten", body, auth(sanne, key));
        assertEquals(201, retry.statusCode());
        assertEquals(first.body(), retry.body(), "a retry gets the same answer");
        assertEquals(1, db.fetchCount(DEVICE, DEVICE.PUSH_TOKEN.eq(pushToken)), "stored once");
        assertFalse(first.body().contains(pushToken), "the push token is not echoed");

        HttpResponse<String> reused = browser().postJson("/api/v1/apparaten", body.replace("1.4.0", "1.5.0"), auth(sanne, key));
        assertEquals(422, reused.statusCode());
        assertTrue(reused.body().contains("/problems/idempotency-key-reused"));

        String id = json.readValue(first.body(), Device.class).id();
        assertEquals(404, browser().delete("/api/v1/apparaten/" + id, henk).statusCode(), "another citizen's device does not exist for them");
        assertTrue(browser().getJson("/api/v1/apparaten", henk).body().equals("[]") || !browser().getJson("/api/v1/apparaten", henk).body().contains(id));
        assertTrue(browser().getJson("/api/v1/apparaten", sanne).body().contains(id));
        assertEquals(204, browser().delete("/api/v1/apparaten/" + id, sanne).statusCode());
        assertEquals(0, db.fetchCount(DEVICE, DEVICE.PUSH_TOKEN.eq(pushToken)));
    }

    @Test
    void eachPhoneIsNamedThisPhoneIsMarkedAndEndingItsLoginRemovesItsRegistration() throws IOException {
        MobileApp.Tokens first = appLogin(citizen(SANNE));
        MobileApp.Tokens second = appLogin(citizen(SANNE));
        String firstToken = "fcm-" + UUID.randomUUID();
        String secondToken = "fcm-" + UUID.randomUUID();
        HttpResponse<String> registered = browser().postJson("/api/v1/apparaten",
                "{\"pushtoken\":\"" + firstToken + "\",\"platform\":\"ANDROID\",\"appVersie\":\"1.4.0\"}", auth(first.access(), UUID.randomUUID().toString()));
        assertEquals(201, registered.statusCode(), registered.body());
        Map<?, ?> answer = json.readValue(registered.body(), Map.class);
        assertEquals("Test phone", answer.get("naam"), "the name the app gave at login");
        assertEquals(true, answer.get("ditApparaat"));
        HttpResponse<String> registeredSecond = browser().postJson("/api/v1/apparaten",
                "{\"pushtoken\":\"" + secondToken + "\",\"platform\":\"IOS\",\"appVersie\":\"1.4.0\"}", auth(second.access(), UUID.randomUUID().toString()));
        assertEquals(201, registeredSecond.statusCode(), registeredSecond.body());
        Object firstId = answer.get("id");
        Object secondId = json.readValue(registeredSecond.body(), Map.class).get("id");

        // Sanne may have more phones (other tests); these two are named, and only the one that asks is "this phone".
        List<Map> seenFromSecond = json.readValue(browser().getJson("/api/v1/apparaten", second.access()).body(),
                io.micronaut.core.type.Argument.listOf(Map.class));
        Map<?, ?> firstSeen = seenFromSecond.stream().filter(d -> firstId.equals(d.get("id"))).findFirst().orElseThrow();
        Map<?, ?> secondSeen = seenFromSecond.stream().filter(d -> secondId.equals(d.get("id"))).findFirst().orElseThrow();
        assertEquals("Test phone", firstSeen.get("naam"));
        assertEquals(false, firstSeen.get("ditApparaat"));
        assertEquals(true, secondSeen.get("ditApparaat"));
        assertEquals(1, seenFromSecond.stream().filter(d -> Boolean.TRUE.equals(d.get("ditApparaat"))).count());

        // Logging out in the app (revoke) ends its login and its push registration; the other phone keeps its own.
        assertEquals(200, app().tokenRequestTo("/api/v1/auth/revoke", Map.of("token", first.refresh())).statusCode());
        assertEquals(0, db.fetchCount(DEVICE, DEVICE.PUSH_TOKEN.eq(firstToken)), "no push to a phone that logged out");
        assertEquals(1, db.fetchCount(DEVICE, DEVICE.PUSH_TOKEN.eq(secondToken)));

        // A stolen refresh token replayed: that login ends, and so does its registration.
        MobileApp.Tokens rotated = refresh(second.refresh());
        assertEquals(400, app().tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", second.refresh())).statusCode());
        assertEquals(0, db.fetchCount(DEVICE, DEVICE.PUSH_TOKEN.eq(secondToken)), "the family ended, the registration went with it");
        assertEquals(401, browser().getJson("/api/v1/apparaten", rotated.access()).statusCode());
    }

    @Test
    void parallelRetriesWithOneKeyStoreOnce() throws Exception {
        String sanne = appLogin(citizen(SANNE)).access();
        String pushToken = "fcm-" + UUID.randomUUID();
        String body = "{\"pushtoken\":\"" + pushToken + "\",\"platform\":\"IOS\",\"appVersie\":\"2.0.0\"}";
        String key = UUID.randomUUID().toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> browser().postJson("/api/v1/apparaten", body, auth(sanne, key))));
            }
            String firstBody = null;
            for (var f : futures) {
                HttpResponse<String> r = f.get();
                assertEquals(201, r.statusCode(), r.body());
                firstBody = firstBody == null ? r.body() : firstBody;
                assertEquals(firstBody, r.body());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, db.fetchCount(DEVICE, DEVICE.PUSH_TOKEN.eq(pushToken)));
        assertEquals(1, db.fetchCount(IDEMPOTENCY_RECORD, IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key)));
    }

    @Test
    void badInputGetsProblemJsonNamingTheField() {
        String sanne = appLogin(citizen(SANNE)).access();
        HttpResponse<String> missing = browser().postJson("/api/v1/apparaten", "{\"platform\":\"ANDROID\"}", auth(sanne, java.util.UUID.randomUUID().toString()));
        assertEquals(422, missing.statusCode(), missing.body());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(missing.body().contains("\"type\":\"/problems/validation\""), missing.body());
        assertTrue(missing.body().contains("\"field\":\"pushtoken\""), missing.body());
        assertTrue(missing.body().contains("\"field\":\"appVersie\""), missing.body());
        assertFalse(missing.body().contains("Exception"));

        HttpResponse<String> notJson = browser().postJson("/api/v1/apparaten", "{bad", auth(sanne, java.util.UUID.randomUUID().toString()));
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("/problems/"), notJson.body());

        HttpResponse<String> badEnum = browser().postJson("/api/v1/apparaten",
                "{\"pushtoken\":\"x\",\"platform\":\"WINDOWS\",\"appVersie\":\"1\"}", auth(sanne, java.util.UUID.randomUUID().toString()));
        assertEquals(422, badEnum.statusCode(), badEnum.body());
        assertTrue(badEnum.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(badEnum.body().contains("\"field\":\"platform\""), badEnum.body());
        assertFalse(badEnum.body().contains("registration"), "no Java parameter names");

        HttpResponse<String> unknown = browser().getJson("/api/v1/bestaat-niet", sanne);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("/problems/not-found"));
    }

    @Test
    void theDeclarativeClientSharesTheContract() {
        String sanne = appLogin(citizen(SANNE)).access();
        int checked = AppClientContractCheck.CHECKED.get();
        try {
            AppClientContractCheck.bearer = null;
            HttpClientResponseException unauthorized = assertThrows(HttpClientResponseException.class, () -> client.me());
            assertEquals(HttpStatus.UNAUTHORIZED, unauthorized.getStatus());
            AppClientContractCheck.bearer = sanne;
            Me me = client.me();
            assertNotNull(me.voornaam());
            assertNotNull(client.list());
        } finally {
            AppClientContractCheck.bearer = null;
        }
        assertEquals(checked + 3, AppClientContractCheck.CHECKED.get(), "every answer was held to the contract");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        HttpResponse<String> doc = browser().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/openapi.yaml")).header("Accept", "*/*"));
        assertEquals(200, doc.statusCode(), "OpenAPI at /api/v1/openapi.yaml: " + doc.statusCode());
        assertTrue(doc.body().contains("/api/v1/ik"));
        assertTrue(doc.body().contains("/api/v1/apparaten"));
    }

    // --- helpers: what a mobile app does (testsupport.MobileApp) ---

    private MobileApp app() {
        return new MobileApp(server.getURI(), json);
    }

    private MobileApp.Tokens appLogin(WebClient loggedInBrowser) {
        return app().login(loggedInBrowser);
    }

    private MobileApp.Tokens refresh(String refreshToken) {
        return app().refresh(refreshToken);
    }

    private String authorize(WebClient web, String challenge) {
        return app().authorize(web, challenge);
    }

    private HttpResponse<String> exchange(String code, String verifier) {
        return app().exchange(code, verifier);
    }

    private HttpResponse<String> tokenRequest(Map<String, String> form) {
        return app().tokenRequest(form);
    }

    private String expiredToken() {
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        return tokenGenerator.generateToken(Map.of("sub", "burger:1", "iat", past, "exp", past + 600,
                "roles", List.of("CITIZEN"), "kind", "CITIZEN", "uid", 1, "gemeente", 1, "naam", "Sanne")).orElseThrow();
    }
}

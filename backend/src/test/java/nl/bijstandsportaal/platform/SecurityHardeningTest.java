package nl.bijstandsportaal.platform;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestIdentityProviders;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The findings of the security test of issue 17 that ADR 0034 closes, each over HTTP against the running portal:
 * CSRF on multipart forms and at login, the API and the web cookie, logout, redirects, the metrics, and uploads.
 */
@MicronautTest
class SecurityHardeningTest extends PortalTest {

    private static final String METRICS_TOKEN = "metrics-token-for-the-test-0123456789";
    private static final String CSRF_COOKIE = "__Host-portal_csrf";

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.management.metrics-token", METRICS_TOKEN);
        return properties;
    }

    @Test
    void theMultipartTokenTravelsInTheBodyNeverInTheAddress() {
        WebClient sanne = citizen(SANNE);
        String page = sanne.get("/gesprekken/nieuw").body();
        String action = Jsoup.parse(page).select("form[enctype=multipart/form-data]").attr("action");
        assertEquals("/gesprekken/nieuw", action, "no token in the address");
        String token = WebClient.csrfToken(page);

        HttpResponse<String> inAddress = sanne.postMultipartRaw("/gesprekken/nieuw?csrfToken=" + token,
                Map.of("onderwerp", "Vraag", "bericht", "Hallo"), "bestand", "", "", null);
        assertEquals(403, inAddress.statusCode(), "a token in the query string does not count");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrfToken", token);
        fields.put("onderwerp", " ");
        fields.put("bericht", "Hallo");
        assertEquals(400, sanne.postMultipartRaw("/gesprekken/nieuw", fields, "bestand", "", "", null).statusCode(),
                "with the token in the body the form is read (and finds the empty subject)");

        Map<String, String> wrong = new LinkedHashMap<>(fields);
        wrong.put("csrfToken", token.substring(1));
        assertEquals(403, sanne.postMultipartRaw("/gesprekken/nieuw", wrong, "bestand", "", "", null).statusCode());
    }

    @Test
    void loginGivesANewCsrfTokenAndTheOldOneStopsWorking() {
        WebClient web = browser();
        web.get("/inloggen");
        String before = web.cookie(CSRF_COOKIE).orElseThrow();
        TestIdentityProviders.nextCitizen(SANNE);
        HttpResponse<String> home = web.follow(web.get("/oauth/login/digid"));
        assertEquals("/overzicht", home.uri().getPath());
        String after = web.cookie(CSRF_COOKIE).orElseThrow();
        assertNotEquals(before, after, "a token planted before the login is worth nothing after it");
        assertEquals(403, web.postForm("/uitloggen", Map.of("csrfToken", before)).statusCode());

        web.get("/overzicht");
        assertEquals(after, web.cookie(CSRF_COOKIE).orElseThrow(), "pages after the login keep the token");

        WebClient demo = browser();
        String demoBefore = WebClient.csrfToken(demo.get("/demo/digid").body());
        assertEquals(303, demo.postForm("/demo/digid", Map.of("csrfToken", demoBefore, "bsn", FATIMA)).statusCode());
        assertNotEquals(demoBefore, demo.cookie(CSRF_COOKIE).orElseThrow(), "the demo login rotates it too");
    }

    @Test
    void theApiTakesBearerTokensOnlyNotTheWebCookie() {
        WebClient sanne = citizen(SANNE);
        assertEquals(401, sanne.getJson("/api/v1/ik", null).statusCode(), "the session cookie does not open the API");
        // Not what an app does (a cookie, no token): the answer is outside the contract, so not checked against it.
        HttpResponse<String> crossSite = sanne.withoutContractCheck().send(HttpRequest.newBuilder(sanne.base().resolve("/api/v1/inkomsten/2026-10"))
                .header("Origin", "https://evil.example").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertTrue(crossSite.statusCode() == 401 || crossSite.statusCode() == 403,
                "a body-less cross-site POST cannot ride on the cookie: " + crossSite.statusCode());

        MobileApp app = new MobileApp(server.getURI(), json);
        String access = app.login(sanne).access();
        assertEquals(200, sanne.getJson("/api/v1/ik", access).statusCode(), "the app's authorize still uses the web session");
    }

    @Test
    void logoutWithAnyAcceptEndsTheSession() {
        WebClient sanne = citizen(SANNE);
        String token = WebClient.csrfToken(sanne.get("/overzicht").body());
        HttpResponse<String> out = sanne.send(HttpRequest.newBuilder(sanne.base().resolve("/uitloggen"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertEquals(303, out.statusCode(), out.body());
        assertEquals("/uitgelogd", WebClient.location(out));
        assertTrue(out.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("portal_session=;") || c.matches("portal_session=(;.*|$)")),
                out.headers().allValues("Set-Cookie").toString());
        sanne.cookies().remove("portal_session");
        assertEquals(303, sanne.get("/overzicht").statusCode());
    }

    @Test
    void afterLoginOnlyALocalPathIsFollowed() {
        WebClient web = browser();
        web.cookies().put("ORIGINAL_URI", "https://evil.example/phish");
        TestIdentityProviders.nextCitizen(SANNE);
        HttpResponse<String> landed = web.follow(web.get("/oauth/login/digid"));
        assertEquals(server.getURI().getHost(), landed.uri().getHost());
        assertEquals("/overzicht", landed.uri().getPath());

        WebClient wanted = browser();
        assertEquals("/inloggen", WebClient.location(wanted.get("/wie-keek")));
        TestIdentityProviders.nextCitizen(SANNE);
        assertEquals("/wie-keek", wanted.follow(wanted.get("/oauth/login/digid")).uri().getPath(), "a local page asked for before login is kept");
    }

    @Test
    void theAppGetsCodesOnlyOnARegisteredRedirect() {
        WebClient sanne = citizen(SANNE);
        String challenge = MobileApp.challenge(MobileApp.verifier());
        HttpResponse<String> otherPort = sanne.get("/api/v1/auth/authorize?response_type=code&client_id=portal-app"
                + "&redirect_uri=http://127.0.0.1:6666/oauth2redirect&code_challenge=" + challenge + "&code_challenge_method=S256&state=s");
        assertEquals(400, otherPort.statusCode());
        assertTrue(otherPort.headers().firstValue("Location").isEmpty(), "no code to a port nobody registered");
        assertEquals(303, sanne.get(MobileApp.authorizeUrl(challenge)).statusCode(), "the registered loopback address works");
    }

    @Test
    void aLineBreakInTheLanguageSwitchGoesNowhere() {
        HttpResponse<String> back = browser().get("/taal?lang=en&terug=/overzicht%0d%0aSet-Cookie:%20x=1");
        assertEquals(303, back.statusCode());
        assertEquals("/", WebClient.location(back));
        assertTrue(back.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("x=")));
        assertEquals("/overzicht", WebClient.location(browser().get("/taal?lang=en&terug=/overzicht")));
        assertEquals("/", WebClient.location(browser().get("/taal?lang=en&terug=https://evil.example/")));
    }

    @Test
    void theMetricsAnswerOnlyWithTheirToken() {
        WebClient web = browser();
        assertEquals(404, web.get("/prometheus").statusCode());
        assertEquals(404, metrics(web, "wrong-token").statusCode());
        HttpResponse<String> metrics = metrics(web, METRICS_TOKEN);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_"), "Prometheus text");
        assertEquals(200, web.getJson("/health/readiness", null).statusCode(), "readiness stays open");
    }

    @Test
    void uploadsUpToTheLimitReachTheFormAndBiggerOnesGetAPlainAnswer() {
        WebClient sanne = citizen(SANNE);
        String token = WebClient.csrfToken(sanne.get("/gesprekken/nieuw").body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrfToken", token);
        fields.put("onderwerp", "Mijn loonstrook");
        fields.put("bericht", "Hier is de loonstrook.");

        byte[] elevenMegabytes = pdf(11 * 1024 * 1024);
        HttpResponse<String> tooBig = sanne.postMultipartRaw("/gesprekken/nieuw", fields, "bestand", "groot.pdf", "application/pdf", elevenMegabytes);
        assertEquals(400, tooBig.statusCode(), "over 1 MB is no bare 413 any more: the form says it");
        String text = Jsoup.parse(tooBig.body()).text();
        assertTrue(text.contains("10 MB"), text);
        assertTrue(Jsoup.parse(tooBig.body()).getElementById("bericht").text().contains("Hier is de loonstrook."), "what was typed is kept");

        HttpResponse<String> huge = sanne.postMultipartRaw("/gesprekken/nieuw", fields, "bestand", "enorm.pdf", "application/pdf", pdf(21 * 1024 * 1024));
        assertEquals(413, huge.statusCode());
        String hugeText = Jsoup.parse(huge.body()).text();
        assertTrue(hugeText.contains("Het bestand is te groot") && hugeText.contains("10 MB"), hugeText);

        byte[] nineMegabytes = pdf(9 * 1024 * 1024);
        assertEquals(303, sanne.postMultipartRaw("/gesprekken/nieuw", fields, "bestand", "loonstrook.pdf", "application/pdf", nineMegabytes).statusCode(),
                "9 MB goes through");
    }

    @Test
    void aPixelBombAndAPdfThatIsAlsoAWebPageAreRefusedAtTheField() throws Exception {
        WebClient sanne = citizen(SANNE);
        String token = WebClient.csrfToken(sanne.get("/gesprekken/nieuw").body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrfToken", token);
        fields.put("onderwerp", "Foto");
        fields.put("bericht", "Zie de foto.");

        HttpResponse<String> bomb = sanne.postMultipartRaw("/gesprekken/nieuw", fields, "bestand", "foto.png", "image/png", wideBlackPng());
        assertEquals(400, bomb.statusCode());
        assertTrue(Jsoup.parse(bomb.body()).text().contains("te groot om te openen"), Jsoup.parse(bomb.body()).text());

        byte[] polyglot = "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> html = sanne.postMultipartRaw("/gesprekken/nieuw", fields, "bestand", "brief.pdf", "application/pdf", polyglot);
        assertEquals(400, html.statusCode());
        assertTrue(Jsoup.parse(html.body()).text().contains("Er zit ook iets anders in dan een PDF"), Jsoup.parse(html.body()).text());
    }

    @Test
    void theApiAnswersATooLargeBodyInPlainWords() {
        WebClient sanne = citizen(SANNE);
        String access = new MobileApp(server.getURI(), json).login(sanne).access();
        HttpResponse<String> answer = sanne.send(HttpRequest.newBuilder(sanne.base().resolve("/api/v1/gesprekken"))
                .header("Authorization", "Bearer " + access).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[21 * 1024 * 1024])));
        assertEquals(413, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(answer.body().contains("/problems/too-large") && answer.body().contains("10 MB"), answer.body());
    }

    private static HttpResponse<String> metrics(WebClient web, String token) {
        return web.send(HttpRequest.newBuilder(web.base().resolve("/prometheus")).header("Authorization", "Bearer " + token).GET());
    }

    /** A real PNG, 12000 x 5000 pixels of black: a small file, 180 MB once decoded. */
    private static byte[] wideBlackPng() throws Exception {
        BufferedImage image = new BufferedImage(12_000, 5_000, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }
}

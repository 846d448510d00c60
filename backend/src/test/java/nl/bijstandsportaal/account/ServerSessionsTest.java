package nl.bijstandsportaal.account;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION;
import static nl.bijstandsportaal.platform.db.generated.Tables.PORTAL_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Server-side sessions over HTTP (issue 17, ADR 0039): logout ends the record so a copied cookie stops working; a web
 * session ends after its absolute lifetime; a revoked app session's access token is refused; a refresh token replayed
 * at any depth ends the whole family; refresh tokens have a maximum lifetime; app tokens and web cookies are not
 * interchangeable.
 */
@MicronautTest
class ServerSessionsTest extends PortalTest {

    @Inject
    DSLContext db;

    @Inject
    JsonMapper json;

    @Inject
    ServerSessions sessions;

    @Test
    void logoutEndsTheRecordSoACopyOfTheCookieNoLongerWorks() {
        WebClient web = citizen(SANNE);
        String cookie = web.cookie("portal_session").orElseThrow();
        String sid = claim(cookie, "sid");
        assertEquals("WEB", db.select(PORTAL_SESSION.KIND).from(PORTAL_SESSION).where(PORTAL_SESSION.ID.eq(sid)).fetchOne(PORTAL_SESSION.KIND));
        WebClient copy = browser();
        copy.cookies().put("portal_session", cookie);
        assertEquals(200, copy.get("/overzicht").statusCode(), "a copy works while the session is open");

        String csrf = WebClient.csrfToken(web.get("/overzicht").body());
        assertEquals(303, web.postForm("/uitloggen", Map.of("csrfToken", csrf)).statusCode());

        assertNotEquals(200, copy.get("/overzicht").statusCode(), "after logout a copy of the old cookie is refused");
        assertEquals("logout", db.select(PORTAL_SESSION.ENDED_REASON).from(PORTAL_SESSION).where(PORTAL_SESSION.ID.eq(sid))
                .fetchOne(PORTAL_SESSION.ENDED_REASON));
    }

    @Test
    void aWebSessionEndsAfterItsAbsoluteLifetimeHoweverActive() {
        WebClient web = citizen(FATIMA);
        String sid = claim(web.cookie("portal_session").orElseThrow(), "sid");
        LocalDateTime end = db.select(PORTAL_SESSION.ABSOLUTE_END_AT).from(PORTAL_SESSION).where(PORTAL_SESSION.ID.eq(sid)).fetchOne(PORTAL_SESSION.ABSOLUTE_END_AT);
        LocalDateTime created = db.select(PORTAL_SESSION.CREATED_AT).from(PORTAL_SESSION).where(PORTAL_SESSION.ID.eq(sid)).fetchOne(PORTAL_SESSION.CREATED_AT);
        assertEquals(created.plusHours(12), end, "12 hours by default");

        db.update(PORTAL_SESSION).set(PORTAL_SESSION.ABSOLUTE_END_AT, created.minusSeconds(1)).where(PORTAL_SESSION.ID.eq(sid)).execute();
        sessions.forgetAll(); // as another instance would after portal.session.cache-seconds
        assertNotEquals(200, web.get("/overzicht").statusCode());
        assertEquals("absolute_lifetime", db.select(PORTAL_SESSION.ENDED_REASON).from(PORTAL_SESSION).where(PORTAL_SESSION.ID.eq(sid))
                .fetchOne(PORTAL_SESSION.ENDED_REASON));
    }

    @Test
    void aRevokedAppSessionsAccessTokenIsRefused() {
        MobileApp.Tokens tokens = app().login(citizen(JAN));
        assertEquals(200, browser().getJson("/api/v1/ik", tokens.access()).statusCode());
        assertEquals(200, app().tokenRequestTo("/api/v1/auth/revoke", Map.of("token", tokens.refresh())).statusCode());
        assertEquals(401, browser().getJson("/api/v1/ik", tokens.access()).statusCode(), "the old access token is refused at once");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aRefreshTokenReplayedAtAnyDepthEndsTheWholeFamily(int depth) {
        MobileApp app = app();
        MobileApp.Tokens first = app.login(citizen(HENK));
        List<MobileApp.Tokens> chain = new ArrayList<>(List.of(first));
        for (int i = 0; i < 3; i++) {
            chain.add(app.refresh(chain.get(chain.size() - 1).refresh()));
        }
        MobileApp.Tokens current = chain.get(chain.size() - 1);
        MobileApp.Tokens old = chain.get(chain.size() - 1 - depth);

        HttpResponse<String> replay = app.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", old.refresh()));
        assertEquals(400, replay.statusCode(), "a token " + depth + " rotation(s) old is refused");
        assertEquals(400, app.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", current.refresh())).statusCode(),
                "and the newest one of the family no longer works either");
        assertEquals(401, browser().getJson("/api/v1/ik", current.access()).statusCode(), "nor its access token");
        String reason = db.select(MOBILE_SESSION.REVOKED_REASON).from(MOBILE_SESSION)
                .where(MOBILE_SESSION.PUBLIC_ID.eq(claim(current.access(), "msid"))).fetchOne(MOBILE_SESSION.REVOKED_REASON);
        assertEquals("refresh_token_reused", reason);
    }

    @Test
    void aRefreshTokenHasAMaximumLifetime() {
        MobileApp.Tokens tokens = app().login(citizen(SANNE));
        String msid = claim(tokens.access(), "msid");
        var row = db.selectFrom(MOBILE_SESSION).where(MOBILE_SESSION.PUBLIC_ID.eq(msid)).fetchSingle();
        assertEquals(row.getCreatedAt().plusDays(90), row.getAbsoluteExpiresAt(), "90 days by default");
        db.update(MOBILE_SESSION).set(MOBILE_SESSION.ABSOLUTE_EXPIRES_AT, row.getCreatedAt()).where(MOBILE_SESSION.PUBLIC_ID.eq(msid)).execute();
        sessions.forgetAll();
        assertEquals(400, app().tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refresh())).statusCode());
        assertEquals(401, browser().getJson("/api/v1/ik", tokens.access()).statusCode());
    }

    @Test
    void appTokensAndWebCookiesAreNotInterchangeable() {
        WebClient web = citizen(FATIMA);
        MobileApp.Tokens tokens = app().login(web);
        WebClient asCookie = browser();
        asCookie.cookies().put("portal_session", tokens.access());
        assertNotEquals(200, asCookie.get("/overzicht").statusCode(), "an app access token is no web cookie");
        assertEquals(0, asCookie.get("/overzicht").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("portal_session=") && !c.startsWith("portal_session=;")).count(), "and it is not renewed into one");
        String cookie = web.cookie("portal_session").orElseThrow();
        assertEquals(401, browser().getJson("/api/v1/ik", cookie).statusCode(), "a web cookie is no bearer token");
        assertNotNull(claim(cookie, "sid"));
    }

    @Test
    void theCitizenSeesTheirSessionsAndEndsEachOne() {
        WebClient here = citizen(SANNE);
        WebClient other = citizen(SANNE);
        MobileApp.Tokens phone = app().login(other);
        WebClient stranger = citizen(JAN);
        String otherSid = claim(other.cookie("portal_session").orElseThrow(), "sid");
        String phoneId = claim(phone.access(), "msid");

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(here.get("/sessies").body());
        assertEquals(1, page.select("form[action=/sessies/browser/" + claim(here.cookie("portal_session").orElseThrow(), "sid") + "/beeindigen]").size());
        assertEquals(1, page.select("form[action=/sessies/browser/" + otherSid + "/beeindigen]").size());
        assertEquals(1, page.select("form[action=/sessies/app/" + phoneId + "/beeindigen]").size());
        assertEquals(true, page.text().contains("Test phone"), "the phone's name");
        String csrf = WebClient.csrfToken(page.outerHtml());

        // Someone else's session, a kind that does not exist, no CSRF token: nothing ends.
        String strangerCsrf = WebClient.csrfToken(stranger.get("/sessies").body());
        assertEquals(404, stranger.postForm("/sessies/browser/" + otherSid + "/beeindigen", Map.of("csrfToken", strangerCsrf)).statusCode());
        assertEquals(404, stranger.postForm("/sessies/app/" + phoneId + "/beeindigen", Map.of("csrfToken", strangerCsrf)).statusCode());
        assertEquals(404, here.postForm("/sessies/iets/" + otherSid + "/beeindigen", Map.of("csrfToken", csrf)).statusCode());
        assertNotEquals(303, here.postForm("/sessies/browser/" + otherSid + "/beeindigen", Map.of()).statusCode());
        assertEquals(200, other.get("/overzicht").statusCode());

        assertEquals(303, here.postForm("/sessies/browser/" + otherSid + "/beeindigen", Map.of("csrfToken", csrf)).statusCode());
        assertNotEquals(200, other.get("/overzicht").statusCode(), "the other browser is logged out");
        assertEquals(303, here.postForm("/sessies/app/" + phoneId + "/beeindigen", Map.of("csrfToken", csrf)).statusCode());
        assertEquals(401, browser().getJson("/api/v1/ik", phone.access()).statusCode(), "the phone is logged out");
        assertEquals(400, app().tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", phone.refresh())).statusCode());

        HttpResponse<String> self = here.postForm("/sessies/browser/" + claim(here.cookie("portal_session").orElseThrow(), "sid")
                + "/beeindigen", Map.of("csrfToken", csrf));
        assertEquals("/uitgelogd", WebClient.location(self), "ending this browser logs out");
        assertNotEquals(200, here.get("/overzicht").statusCode());
    }

    private MobileApp app() {
        return new MobileApp(server.getURI(), json);
    }

    static String claim(String jwt, String name) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(payload);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + payload);
        }
        return m.group(1);
    }
}

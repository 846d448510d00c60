package nl.bijstandsportaal.account;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestIdentityProviders;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three kinds of login, end to end, and who may see what afterwards. */
@MicronautTest
class LoginFlowsTest extends PortalTest {

    @Inject
    DSLContext db;

    @Test
    void citizenLogsInWithDigidAndSeesTheirOwnOverview() {
        WebClient web = citizen(FATIMA);
        HttpResponse<String> home = web.get("/overzicht");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Fatima"), "shows the citizen's name");
        assertTrue(home.body().contains("Westland"), "shows the municipality");
        assertTrue(home.body().contains("Marieke Jansen"), "shows the consulent");
        assertFalse(home.body().contains(FATIMA), "never shows the BSN");
    }

    @Test
    void theSessionCookieIsHttpOnlySecureAndSameSite() {
        WebClient web = browser();
        TestIdentityProviders.nextCitizen(SANNE);
        HttpResponse<String> response = web.get("/oauth/login/digid");
        // follow by hand to catch the Set-Cookie of the callback
        String setCookie = null;
        for (int i = 0; i < 10 && response.statusCode() / 100 == 3; i++) {
            for (String header : response.headers().allValues("Set-Cookie")) {
                if (header.startsWith("portal_session=")) {
                    setCookie = header;
                }
            }
            response = web.send(java.net.http.HttpRequest.newBuilder(response.uri().resolve(WebClient.location(response))).GET());
        }
        assertTrue(setCookie != null, "a session cookie was set");
        String lower = setCookie.toLowerCase();
        assertTrue(lower.contains("httponly"));
        assertTrue(lower.contains("secure"));
        assertTrue(lower.contains("samesite=lax"));
        assertTrue(lower.contains("max-age=900"), setCookie);
    }

    @Test
    void anUnknownBsnDoesNotGetIn() {
        WebClient web = browser();
        TestIdentityProviders.nextCitizen("111222333");
        HttpResponse<String> page = web.follow(web.get("/oauth/login/digid"));
        assertEquals("/inloggen", page.uri().getPath());
        assertTrue(page.uri().getQuery().contains("fout"));
        assertTrue(web.cookie("portal_session").isEmpty());
    }

    @Test
    void anInvalidBsnClaimDoesNotGetIn() {
        WebClient web = browser();
        TestIdentityProviders.nextCitizen("123456789");
        HttpResponse<String> page = web.follow(web.get("/oauth/login/digid"));
        assertEquals("/inloggen", page.uri().getPath());
        assertTrue(web.cookie("portal_session").isEmpty());
    }

    @Test
    void consulentLogsInAtTheMunicipalityAndSeesTheirCaseload() {
        WebClient web = employee(MARIEKE);
        HttpResponse<String> home = web.get("/consulent");
        assertTrue(home.body().contains("Sanne de Vries"));
        assertTrue(home.body().contains("Fatima El Amrani"));
        assertFalse(home.body().contains("Henk Bakker"), "a citizen of another municipality is not in the list");
    }

    @Test
    void openingACitizensFileIsAuditedAndAnotherMunicipalityIsNotFound() {
        WebClient web = employee(MARIEKE);
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchOne(BURGER.ID);
        long henk = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(HENK)).fetchOne(BURGER.ID);
        int before = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(fatima));

        HttpResponse<String> file = web.get("/consulent/burgers/" + fatima);
        assertEquals(200, file.statusCode());
        assertTrue(file.body().contains("Yasmina"), "shows the household");
        assertEquals(before + 1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(fatima)));

        assertEquals(404, web.get("/consulent/burgers/" + henk).statusCode());
        assertEquals(404, web.get("/consulent/burgers/999999").statusCode());
    }

    @Test
    void rolesDecideWhichPagesOpen() {
        WebClient citizen = citizen(SANNE);
        assertEquals(403, citizen.get("/consulent").statusCode());
        assertEquals(403, citizen.get("/beheer/audit").statusCode());

        WebClient consulent = employee(DENNIS);
        assertEquals(403, consulent.get("/beheer/audit").statusCode());
        assertEquals(403, consulent.get("/overzicht").statusCode());

        WebClient beheerder = employee(PRIYA);
        HttpResponse<String> audit = beheerder.get("/beheer/audit");
        assertEquals(200, audit.statusCode());
        assertEquals(403, beheerder.get("/consulent/burgers/1").statusCode(), "a beheerder does not open files");
    }

    @Test
    void pagesNeedALogin() {
        WebClient web = browser();
        HttpResponse<String> response = web.get("/overzicht");
        assertEquals(303, response.statusCode());
        assertEquals("/inloggen", WebClient.location(response));
    }

    @Test
    void demoDigidLogsInThroughTheSameSessionAndKeepsCsrf() {
        WebClient web = browser();
        HttpResponse<String> page = web.get("/demo/digid");
        assertEquals(200, page.statusCode());
        String token = WebClient.csrfToken(page.body());

        HttpResponse<String> refused = web.postForm("/demo/digid", Map.of("bsn", JAN));
        assertEquals(403, refused.statusCode(), "a form without the CSRF token is refused");
        assertTrue(web.cookie("portal_session").isEmpty());

        HttpResponse<String> home = web.follow(web.postForm("/demo/digid", Map.of("bsn", JAN, "csrfToken", token)));
        assertEquals(200, home.statusCode(), home.headers().map() + home.body());
        assertTrue(home.body().contains("Jan"));
    }

    @Test
    void logoutNeedsTheCsrfTokenAndEndsTheSession() {
        WebClient web = citizen(SANNE);
        HttpResponse<String> home = web.get("/overzicht");
        String token = WebClient.csrfToken(home.body());

        assertEquals(403, web.postForm("/uitloggen", Map.of()).statusCode());
        assertEquals(403, web.postForm("/uitloggen", Map.of("csrfToken", token + "x")).statusCode());
        assertTrue(web.cookie("portal_session").isPresent());

        HttpResponse<String> out = web.postForm("/uitloggen", Map.of("csrfToken", token));
        assertEquals(303, out.statusCode(), out.headers().map() + out.body());
        assertTrue(web.cookie("portal_session").isEmpty());
        assertEquals(303, web.get("/overzicht").statusCode());
    }

    @Test
    void languageFollowsTheChoiceThenTheBrowser() {
        WebClient english = browser().language("en-GB,en;q=0.8");
        assertTrue(english.get("/inloggen").body().contains("lang=\"en\""));

        WebClient dutch = browser().language("de-DE");
        assertTrue(dutch.get("/inloggen").body().contains("lang=\"nl\""), "unsupported languages fall back to Dutch");

        HttpResponse<String> switched = dutch.get("/taal?lang=en&terug=/inloggen");
        assertEquals(303, switched.statusCode());
        assertEquals("/inloggen", WebClient.location(switched));
        assertTrue(dutch.get("/inloggen").body().contains("lang=\"en\""));

        assertEquals("/", WebClient.location(dutch.get("/taal?lang=nl&terug=//evil.example")), "no open redirect");
    }
}

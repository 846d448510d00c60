package nl.bijstandsportaal.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestIdentityProviders;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.REGEL_PERIODE;
import static nl.bijstandsportaal.testsupport.TestIdentityProviders.DIGID_HOOG;
import static nl.bijstandsportaal.testsupport.TestIdentityProviders.DIGID_MIDDEN;
import static nl.bijstandsportaal.testsupport.TestIdentityProviders.DIGID_SUBSTANTIEEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How strongly a login must be proven (ADR 0047): DigiD at the municipality's level (never below substantieel), and
 * employees only with a second factor, through the real OIDC flow against the local test provider.
 */
@MicronautTest
class LoginAssuranceTest extends PortalTest {

    @Inject
    DSLContext db;

    @Inject
    RulesService rules;

    @Inject
    Clock clock;

    @AfterEach
    void removeAddedPeriods() {
        db.deleteFrom(REGEL_PERIODE).execute();
        rules.reload();
    }

    private static HttpResponse<String> digidLogin(WebClient web, String bsn, String acr) {
        TestIdentityProviders.nextCitizenAtLevel(bsn, acr);
        return web.follow(web.get("/oauth/login/digid"));
    }

    private static HttpResponse<String> employeeLogin(WebClient web, String subject, List<String> amr) {
        TestIdentityProviders.nextEmployee(subject, amr);
        return web.follow(web.get("/oauth/login/gemeente"));
    }

    @Test
    void digidWithoutIdCheckIsRefusedWithWhatToDo() {
        WebClient web = browser();
        HttpResponse<String> page = digidLogin(web, SANNE, DIGID_MIDDEN);
        assertEquals("/inloggen", page.uri().getPath());
        assertEquals("fout=digid-niveau", page.uri().getQuery());
        String text = org.jsoup.Jsoup.parse(page.body()).text(); // "DigiD" is a hard word: a link in the sentence
        assertTrue(text.contains("Je DigiD-inlog is niet veilig genoeg voor dit portaal."), text);
        assertTrue(text.contains("Log opnieuw in met de DigiD app met ID-check."), text);
        assertTrue(web.cookie("portal_session").isEmpty(), "no session");
        assertEquals(303, web.get("/overzicht").statusCode(), "still logged out");

        HttpResponse<String> english = digidLogin(browser().language("en"), SANNE, DIGID_MIDDEN);
        assertTrue(english.body().contains("Your DigiD login is not safe enough for this portal."), "in the citizen's language");
    }

    @Test
    void aLoginWithoutALevelOrWithAnUnknownOneIsRefused() {
        for (String acr : new String[]{null, "urn:example:unknown-level", ""}) {
            WebClient web = browser();
            HttpResponse<String> page = digidLogin(web, FATIMA, acr);
            assertEquals("fout=digid-niveau", page.uri().getQuery(), "acr " + acr);
            assertTrue(web.cookie("portal_session").isEmpty());
        }
    }

    @Test
    void substantieelAndHoogGetIn() {
        for (String acr : new String[]{DIGID_SUBSTANTIEEL, DIGID_HOOG, "http://eidas.europa.eu/LoA/substantial"}) {
            WebClient web = browser();
            HttpResponse<String> page = digidLogin(web, SANNE, acr);
            assertEquals("/overzicht", page.uri().getPath(), "acr " + acr);
            assertTrue(web.cookie("portal_session").isPresent());
        }
    }

    @Test
    void aMunicipalityThatRequiresHoogRefusesSubstantieelOnlyForItsOwnCitizens() {
        WebClient priya = employee(PRIYA);
        String csrf = WebClient.csrfToken(priya.get("/beheer/regels").body());
        LocalDate today = LocalDate.now(clock);

        HttpResponse<String> tooLow = priya.postForm("/beheer/regels", form(csrf, "2", today));
        assertEquals(400, tooLow.statusCode(), "the form again, with the error");
        assertTrue(tooLow.body().contains("Vul 3 in voor DigiD Substantieel of 4 voor DigiD Hoog. Lager dan Substantieel kan niet in dit portaal."),
                "names what to do");
        assertEquals(0, db.fetchCount(REGEL_PERIODE), "nothing stored");

        HttpResponse<String> saved = priya.postForm("/beheer/regels", form(csrf, "4", today));
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(priya.get(WebClient.location(saved)).body().contains("Hoog (DigiD app met identiteitskaart)"), "shown in words");

        WebClient henk = browser();
        assertEquals("fout=digid-niveau", digidLogin(henk, HENK, DIGID_SUBSTANTIEEL).uri().getQuery(), "Utrecht now needs hoog");
        assertEquals("/overzicht", digidLogin(browser(), HENK, DIGID_HOOG).uri().getPath());
        assertEquals("/overzicht", digidLogin(browser(), SANNE, DIGID_SUBSTANTIEEL).uri().getPath(), "Westland is unchanged");
    }

    private static Map<String, String> form(String csrf, String value, LocalDate from) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrf);
        form.put("regel", "digid.niveau");
        form.put("vanaf", from.toString());
        form.put("tot", "");
        form.put("waarde", value);
        form.put("bron", "Besluit college Utrecht: DigiD Hoog voor het portaal");
        return form;
    }

    @Test
    void anEmployeeWithoutASecondFactorIsRefusedWithWhatToDo() {
        for (List<String> amr : List.of(List.of("pwd"), List.<String>of(), List.of("pwd", "kba"))) {
            WebClient web = browser();
            HttpResponse<String> page = employeeLogin(web, MARIEKE, amr);
            assertEquals("/medewerkers", page.uri().getPath(), "amr " + amr);
            assertEquals("fout=tweede-factor", page.uri().getQuery());
            assertTrue(page.body().contains("Je bent ingelogd zonder tweede stap"), page.body());
            assertTrue(web.cookie("portal_session").isEmpty());
            assertEquals(303, web.get("/consulent").statusCode(), "still logged out");
        }
    }

    @Test
    void anEmployeeWithASecondFactorGetsIn() {
        for (List<String> amr : List.of(List.of("pwd", "otp"), List.of("mfa"), List.of("hwk"))) {
            WebClient web = browser();
            HttpResponse<String> page = employeeLogin(web, MARIEKE, amr);
            assertEquals("/consulent", page.uri().getPath(), "amr " + amr);
        }
    }

    @Test
    void anUnknownEmployeeGoesBackToTheEmployeePage() {
        WebClient web = browser();
        HttpResponse<String> page = employeeLogin(web, "nobody@westland.demo", List.of("pwd", "otp"));
        assertEquals("/medewerkers", page.uri().getPath());
        assertEquals("fout=login", page.uri().getQuery());
        assertTrue(page.body().contains("Je account is niet bekend in het portaal of staat uit."));
        assertFalse(page.body().contains("tweede stap"));
    }
}

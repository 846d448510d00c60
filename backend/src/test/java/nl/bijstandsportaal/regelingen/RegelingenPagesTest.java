package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.KnownNorms;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.REGELINGEN_ANTWOORDEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Minimaregelingen through HTTP: the open catalogue, the check one question per screen for a visitor (mistakes,
 * going back, tampered answers) and for a citizen (only what the portal does not know, kept for next time), the
 * home page tips and the API. Outcomes that depend on the norms are checked on days whose norms the rule data has;
 * on other days the plain "not known yet" answer is expected.
 */
@MicronautTest
class RegelingenPagesTest extends PortalTest {

    @Inject
    DSLContext db;
    @Inject
    RulesService rules;
    @Inject
    JsonMapper json;

    private boolean normsKnown() {
        return KnownNorms.on(rules.book(), TestToday.date());
    }

    @Test
    void aVisitorSeesTheCatalogueOfTheirMunicipality() {
        WebClient web = browser();
        String empty = web.get("/regelingen").body();
        assertTrue(empty.contains("id=\"gemeente\""), "a visitor picks a municipality first");
        Document westland = Jsoup.parse(web.get("/regelingen?gemeente=1783").body());
        assertEquals(List.of("Individuele inkomenstoeslag", "Kwijtschelding van gemeentelijke belastingen",
                        "Meedoenregeling en kindpakket", "Zorgverzekering van de gemeente", "Bijzondere bijstand"),
                westland.select("h3").eachText());
        Document utrecht = Jsoup.parse(web.get("/regelingen?gemeente=0344").body());
        assertFalse(utrecht.select("h3").eachText().contains("Zorgverzekering van de gemeente"), "Utrecht's U-polis ended in 2025");
        assertEquals(404, web.get("/regelingen/zorgverzekering?gemeente=0344").statusCode());
        assertEquals(404, web.get("/regelingen?gemeente=9999").statusCode());
        assertEquals(404, web.get("/regelingen/bestaat-niet?gemeente=0344").statusCode());

        String iit = web.get("/regelingen/individuele-inkomenstoeslag?gemeente=0344").body().replace('\u00a0', ' ');
        assertTrue(iit.contains("110 procent van de bijstandsnorm") && iit.contains("36 maanden"), "the conditions, from the rules");
        assertTrue(iit.contains("Waar staat dit?") && iit.contains("loket.digitaal.utrecht.nl"), "with sources");
        assertTrue(iit.contains("(voorlopig, nog niet bevestigd)"), "figures not confirmed are marked");
        if (normsKnown()) {
            assertTrue(iit.contains("€ 1.561,41"), "110% of the single norm of 1,419.46");
        }
        String english = web.language("en").get("/regelingen/individuele-inkomenstoeslag?gemeente=0344").body();
        assertTrue(english.contains("Individual income supplement"));
    }

    @Test
    void aVisitorAnswersOneQuestionPerScreen() {
        WebClient web = browser();
        int kept = db.fetchCount(REGELINGEN_ANTWOORDEN);
        Document screen = Jsoup.parse(web.get("/regelingen/check?gemeente=1783").body());
        assertEquals("Hoe woon je?", screen.select("h1").text());
        assertTrue(screen.text().contains("Vraag 1 van"));

        HttpResponse<String> wrong = next(web, screen, Map.of());
        assertEquals(400, wrong.statusCode());
        Document error = Jsoup.parse(wrong.body());
        assertTrue(error.select(".portal-error-summary a[href=#leefvorm]").text().contains("Kies hoe je woont."));
        assertTrue(error.title().startsWith("Verbeter"), error.title());

        screen = Jsoup.parse(next(web, error, Map.of("leefvorm", "alleenstaand")).body());
        assertEquals("Hoe oud ben je?", screen.select("h1").text());
        assertEquals("alleenstaand", hidden(screen).get("antwoord.leefvorm"), "the answer travels along");
        HttpResponse<String> notANumber = next(web, screen, Map.of("leeftijd", "dertig"));
        assertEquals(400, notANumber.statusCode());
        assertEquals("dertig", Jsoup.parse(notANumber.body()).getElementById("leeftijd").val(), "what was typed stays");
        screen = Jsoup.parse(next(web, Jsoup.parse(notANumber.body()), Map.of("leeftijd", "45")).body());
        assertEquals("Hoeveel geld komt er per maand binnen?", screen.select("h1").text(), "no children question for a single person");
        screen = Jsoup.parse(next(web, screen, Map.of("inkomen", "veel")).body());
        assertEquals("Hoeveel geld komt er per maand binnen?", screen.select("h1").text(), "not an amount: asked again");
        assertTrue(screen.text().contains("Vul in hoeveel geld er per maand binnenkomt, in euro"), "says what to do");
        screen = Jsoup.parse(next(web, screen, Map.of("inkomen", "1.400,00")).body());
        assertEquals("Hoeveel spaargeld heb je?", screen.select("h1").text());

        // Back: the income screen again, with the answer given.
        Map<String, String> back = new LinkedHashMap<>(hidden(screen));
        back.put("actie", "terug");
        Document before = Jsoup.parse(web.postForm("/regelingen/check", back).body());
        assertEquals("Hoeveel geld komt er per maand binnen?", before.select("h1").text());
        assertEquals("1400,00", before.getElementById("inkomen").val(), "as a person types it");

        screen = Jsoup.parse(next(web, before, Map.of("inkomen", "1400")).body());
        screen = Jsoup.parse(next(web, screen, Map.of("spaargeld", "200")).body());
        screen = Jsoup.parse(next(web, screen, Map.of("laagInkomen", "langer")).body());
        Document results = Jsoup.parse(next(web, screen, Map.of("beterInkomen", "nee")).body());
        assertEquals("Wat kun je misschien krijgen?", results.select("h1").text());
        assertEquals(5, results.select("section.portal-regeling").size(), "every regeling of Westland");
        String iit = results.getElementById("uitkomst-individuele-inkomenstoeslag").parent().text();
        if (normsKnown()) {
            assertTrue(iit.contains("Ja, waarschijnlijk wel") && iit.contains("€ 478 per jaar"), iit);
        } else {
            assertTrue(iit.contains("Misschien") && iit.contains("nog niet in het portaal"), iit);
        }
        assertEquals(kept, db.fetchCount(REGELINGEN_ANTWOORDEN), "a visitor's answers are not kept");
    }

    @Test
    void anAnswerChangedByHandIsAskedAgain() {
        WebClient web = browser();
        Document screen = Jsoup.parse(web.get("/regelingen/check?gemeente=0344").body());
        Map<String, String> form = new LinkedHashMap<>(hidden(screen));
        form.put("antwoord.leefvorm", "koning");
        form.put("antwoord.leeftijd", "-3");
        form.put("leefvorm", "partners");
        form.put("actie", "verder");
        Document next = Jsoup.parse(web.postForm("/regelingen/check", form).body());
        assertEquals("Hoe oud ben je?", next.select("h1").text(), "the made-up age is dropped and asked");
        assertEquals(403, web.postForm("/regelingen/check", Map.of("gemeente", "0344")).statusCode(), "without the CSRF token");
    }

    @Test
    void aCitizenIsAskedOnlyWhatThePortalDoesNotKnowAndItIsKept() throws IOException {
        WebClient henk = citizen(HENK);
        Document screen = Jsoup.parse(henk.get("/regelingen/check").body());
        assertEquals("Hoeveel spaargeld heb je?", screen.select("h1").text());
        assertTrue(screen.text().contains("Vraag 1 van 2"), screen.text());
        assertFalse(hidden(screen).containsKey("antwoord.leefvorm"), "what the portal knows does not travel in the form");
        screen = Jsoup.parse(next(henk, screen, Map.of("spaargeld", "250")).body());
        assertEquals("Denk je dat je inkomen het komende jaar hoger wordt?", screen.select("h1").text());
        Document results = Jsoup.parse(next(henk, screen, Map.of("beterInkomen", "nee")).body());
        assertEquals("Wat kun je misschien krijgen?", results.select("h1").text());
        assertTrue(results.text().contains("We gebruiken wat we van je weten"));

        long henkId = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(HENK)).fetchOne(BURGER.ID);
        assertEquals("spaargeld=250.00&beterInkomen=nee", db.select(REGELINGEN_ANTWOORDEN.ANTWOORDEN).from(REGELINGEN_ANTWOORDEN)
                .where(REGELINGEN_ANTWOORDEN.BURGER_ID.eq(henkId)).fetchOne(REGELINGEN_ANTWOORDEN.ANTWOORDEN));
        String mine = henk.get("/regelingen/mijn").body();
        assertTrue(mine.replace('\u00a0', ' ').contains("€ 250"), "the savings given are used next time");
        String home = henk.get("/overzicht").body();
        assertTrue(home.contains("Dit kun je misschien krijgen") && home.contains("/regelingen/individuele-inkomenstoeslag"), "tips on the home page");

        // The app sees the same outcomes.
        String token = new MobileApp(server.getURI(), json).login(citizen(HENK)).access();
        HttpResponse<String> api = browser().getJson("/api/v1/regelingen", token);
        assertEquals(200, api.statusCode(), api.body());
        Map<?, ?> body = json.readValue(api.body(), Map.class);
        List<?> list = (List<?>) body.get("regelingen");
        assertEquals(List.of("individuele-inkomenstoeslag", "kwijtschelding", "meedoenregeling", "bijzondere-bijstand"),
                list.stream().map(r -> ((Map<?, ?>) r).get("id")).toList());
        for (Object r : list) {
            assertTrue(List.of("ja", "misschien", "nee").contains(((Map<?, ?>) r).get("uitkomst")));
            assertFalse(((String) ((Map<?, ?>) r).get("reden")).isBlank());
        }
        assertEquals(401, browser().getJson("/api/v1/regelingen", null).statusCode());

        // Another citizen does not see Henk's answers.
        String sanne = citizen(SANNE).get("/regelingen/mijn").body();
        assertFalse(sanne.replace('\u00a0', ' ').contains("(€ 250)"), "Sanne's outcomes use her own answers");
    }

    @Test
    void aConsulentHasNoOwnOutcomes() {
        assertEquals(403, employee(DENNIS).get("/regelingen/mijn").statusCode());
    }

    /** Posts a screen as a browser would: its hidden fields, the answers typed, and "Volgende". */
    private static HttpResponse<String> next(WebClient web, Document screen, Map<String, String> typed) {
        Map<String, String> form = new LinkedHashMap<>(hidden(screen));
        form.putAll(typed);
        form.put("actie", "verder");
        return web.postForm("/regelingen/check", form);
    }

    private static Map<String, String> hidden(Document screen) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : screen.select("form[action=/regelingen/check] input[type=hidden]")) {
            fields.put(input.attr("name"), input.val());
        }
        return fields;
    }
}

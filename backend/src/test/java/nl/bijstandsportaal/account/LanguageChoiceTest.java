package nl.bijstandsportaal.account;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language menu and the remembered choice (ADR 0038): every language named in itself; a signed-in citizen's choice
 * is stored for pushes and e-mails, also from the app; Arabic pages are right to left; an unknown language is 422.
 */
@MicronautTest
class LanguageChoiceTest extends PortalTest {

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;

    private String language(String bsn) {
        return db.select(BURGER.TAAL).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.TAAL);
    }

    @Test
    void theMenuNamesEveryLanguageInItselfAndTheChoiceIsRemembered() {
        Document start = Jsoup.parse(browser().get("/").body());
        assertEquals("ltr", start.selectFirst("html").attr("dir"));
        var links = start.select(".portal-lang__list a");
        assertEquals(java.util.List.of("Nederlands", "English", "Türkçe", "العربية", "Polski", "Українська"), links.eachText());
        assertEquals("ar", links.get(3).attr("lang"));

        // Anonymous: only the cookie. Signed in: stored for pushes and e-mails.
        HttpResponse<String> anonymous = browser().get("/taal?lang=pl&terug=/");
        assertEquals(303, anonymous.statusCode());
        WebClient sanne = citizen(SANNE);
        assertNull(language(SANNE));
        assertEquals(303, sanne.get("/taal?lang=en&terug=/overzicht").statusCode());
        assertEquals("en", language(SANNE));
        assertEquals("en", Jsoup.parse(sanne.get("/overzicht").body()).selectFirst("html").attr("lang"));

        // Arabic is right to left, its amounts and dates in Western digits.
        assertEquals(303, sanne.get("/taal?lang=ar&terug=/overzicht").statusCode());
        Document arabic = Jsoup.parse(sanne.get("/overzicht").body());
        assertEquals("rtl", arabic.selectFirst("html").attr("dir"));
        assertEquals("ar", arabic.selectFirst("html").attr("lang"));
        assertTrue(arabic.text().matches("(?s).*\\d.*") && !arabic.text().matches("(?s).*[\\u0660-\\u0669].*"), "Western digits");
        assertEquals("ar", language(SANNE));
    }

    @Test
    void theAppTellsTheChoice() throws Exception {
        String app = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        Map<String, String> auth = MobileApp.auth(app, null);
        assertEquals(204, browser().putJson("/api/v1/taal", "{\"taal\":\"uk\"}", auth).statusCode());
        assertEquals("uk", language(FATIMA));
        HttpResponse<String> unknown = browser().putJson("/api/v1/taal", "{\"taal\":\"xx\"}", auth);
        assertEquals(422, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"taal\""), unknown.body());
        assertEquals("uk", language(FATIMA), "nothing changed");
        assertEquals(401, browser().putJson("/api/v1/taal", "{\"taal\":\"nl\"}", Map.of()).statusCode());
    }
}

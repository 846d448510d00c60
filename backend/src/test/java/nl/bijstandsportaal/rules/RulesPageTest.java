package nl.bijstandsportaal.rules;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.REGEL_PERIODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The beheerder's rules page. Periods are added for Utrecht (Priya's municipality) from 2099, and every test starts
 * without them (they are deleted and the book rebuilt before each test and at the end), so other test classes see
 * the rules as seeded.
 */
@MicronautTest
class RulesPageTest extends PortalTest {

    private static final String PATH = "/beheer/regels";
    private static final LocalDate FROM = LocalDate.of(2099, 1, 1);
    private static final String UTRECHT = "0344";

    @Inject
    DSLContext db;

    @Inject
    RulesService rules;

    @Inject
    Clock clock;

    @BeforeEach
    void startWithoutAddedPeriods() {
        removeAddedPeriods();
    }

    @AfterAll
    void removeAddedPeriods() {
        db.deleteFrom(REGEL_PERIODE).where(REGEL_PERIODE.GELDIG_VANAF.ge(FROM.minusYears(2))).execute();
        rules.reload();
    }

    private static Map<String, String> form(String csrf, String regel, String vanaf, String tot, String waarde, String bron) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrf);
        form.put("regel", regel);
        form.put("vanaf", vanaf);
        form.put("tot", tot);
        form.put("waarde", waarde);
        form.put("bron", bron);
        return form;
    }

    private static String around(String html, String part) {
        int i = html.indexOf(part);
        return i < 0 ? "" : html.substring(Math.max(0, i - 80), Math.min(html.length(), i + 80));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void thePageListsEveryRuleWithTodaysValueAndItsHistory() {
        WebClient web = employee(PRIYA);
        HttpResponse<String> page = web.get(PATH);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertEquals(1, count(html, "<h1"), "one h1");
        assertTrue(html.contains("Regels en bedragen"));
        assertTrue(html.contains("Utrecht"));
        for (RuleKey key : RuleKey.values()) {
            assertTrue(html.contains("id=\"regel-" + key.code().replace('.', '-') + "\""), key.code());
            assertEquals(!key.isNationalOnly(), html.contains("<option value=\"" + key.code() + "\""),
                    "a municipality can choose every rule but those the law sets: " + key.code());
        }
        assertTrue(html.contains("Bijstandsnormen") && html.contains("Kostendelersnorm") && html.contains("Vakantietoeslag")
                && html.contains("Vermogen") && html.contains("Participatiewet in balans"), "grouped");
        assertTrue(html.contains("Norm alleenstaande, 21 jaar tot AOW-leeftijd"), "readable names");
        assertTrue(html.contains("Dit is een eigen waarde van de gemeente Utrecht"), "says when the value is Utrecht's own");
        assertTrue(html.contains("Dit is de landelijke waarde"), "and when it is the national one");
        assertTrue(html.contains("Bestand rules/parameters.csv, regelnummer"), "history says which file line");
        assertTrue(html.contains("Demo: afstemmingsverordening Utrecht (voorbeeld)"), "history shows the source");
        assertFalse(html.contains("Demo: afstemmingsverordening Westland"), "not another municipality's periods");
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrfToken\""));
        assertTrue(html.contains("type=\"date\" id=\"vanaf\""));
        assertFalse(html.contains("beheer.rules.") || html.contains(">rule."), () -> "no missing texts: " + around(html, "beheer.rules.") + around(html, ">rule."));

        String english = web.language("en").get(PATH).body();
        assertTrue(english.contains("Rules and amounts") && english.contains("Norm single person, 21 years to state pension age"));
        assertFalse(english.contains("beheer.rules.") || english.contains(">rule."), () -> "no missing English texts: " + around(english, "beheer.rules.") + around(english, ">rule."));

        HttpResponse<String> preselected = web.language("nl").get(PATH + "?regel=buitenland.max_weken");
        assertTrue(preselected.body().contains("<option value=\"buitenland.max_weken\" selected"));
    }

    @Test
    void aValidPeriodIsStoredAuditedShownAndAppliesFromItsDate() {
        WebClient web = employee(PRIYA);
        String csrf = WebClient.csrfToken(web.get(PATH).body());
        int audits = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(RuleChangeService.RULE_ADDED));
        assertEquals(new BigDecimal("25"), rules.book().value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, FROM));

        HttpResponse<String> saved = web.postForm(PATH, form(csrf, "verlaging.afspraak_bedrag", FROM.toString(), "", "30,50",
                "Afstemmingsverordening Utrecht 2099, artikel 3"));
        assertEquals(303, saved.statusCode(), saved.body());
        String location = WebClient.location(saved);
        assertTrue(location.startsWith(PATH + "?toegevoegd="), location);

        // The new value applies from its date; the seed period is ended the day before, in memory only.
        RuleBook book = rules.book();
        assertEquals(new BigDecimal("30.5"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, FROM));
        assertEquals(new BigDecimal("25"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, FROM.minusDays(1)));
        assertEquals(new BigDecimal("25"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, LocalDate.now(clock)), "today is unchanged");
        assertEquals(1, db.fetchCount(REGEL_PERIODE, REGEL_PERIODE.GEMEENTE.eq(UTRECHT)));

        HttpResponse<String> page = web.get(location);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("De nieuwe waarde voor &quot;Verlaging bij een gemiste afspraak (bedrag)&quot; is opgeslagen. Die geldt vanaf 1 januari 2099."), "confirmation");
        assertTrue(html.contains("Toegevoegd door Priya Ramdin op"), "history names who added it");
        assertTrue(html.contains("Afstemmingsverordening Utrecht 2099, artikel 3"), "history shows the source");
        assertTrue(html.contains("30,50"), "history shows the value");
        assertTrue(html.contains("Stopt eerder, omdat er vanaf 1 januari 2099 een nieuwe waarde geldt."), "the seed period ends the day before");
        assertTrue(html.contains("<details class=\"portal-details\" open>"), "the rule just changed is shown open");

        assertEquals(audits + 1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(RuleChangeService.RULE_ADDED)));
        String details = db.select(AUDIT_EVENT.DETAILS).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq(RuleChangeService.RULE_ADDED))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchOne(AUDIT_EVENT.DETAILS);
        assertTrue(details.contains("verlaging.afspraak_bedrag") && details.contains("2099-01-01"), details);
        assertTrue(web.get("/beheer/audit").body().contains(RuleChangeService.RULE_ADDED), "the audit trail shows it");
    }

    @Test
    void withoutAnOwnPeriodTheNewOneBecomesUtrechtsOwnFromItsDate() {
        WebClient web = employee(PRIYA);
        String csrf = WebClient.csrfToken(web.get(PATH).body());
        HttpResponse<String> saved = web.postForm(PATH, form(csrf, "buitenland.max_weken", "1-1-2099", "", "6", "Raadsbesluit Utrecht"));
        assertEquals(303, saved.statusCode(), saved.body());

        RuleBook book = rules.book();
        assertEquals(new BigDecimal("4"), book.value(RuleKey.BUITENLAND_MAX_WEKEN, UTRECHT, FROM.minusDays(1)), "national before");
        assertEquals(new BigDecimal("6"), book.value(RuleKey.BUITENLAND_MAX_WEKEN, UTRECHT, FROM));
        assertEquals(new BigDecimal("4"), book.value(RuleKey.BUITENLAND_MAX_WEKEN, "1783", FROM), "Westland keeps the national value");
    }

    /** A value not confirmed yet is stored as provisional and the page marks it so. */
    @Test
    void aProvisionalValueIsMarked() {
        WebClient web = employee(PRIYA);
        String csrf = WebClient.csrfToken(web.get(PATH).body());
        Map<String, String> form = form(csrf, "buitenland.max_weken", "1-1-2099", "", "6", "Ontwerpbesluit Utrecht");
        form.put("voorlopig", "ja");
        HttpResponse<String> saved = web.postForm(PATH, form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(rules.book().get(RuleKey.BUITENLAND_MAX_WEKEN, UTRECHT, FROM).provisional());
        assertTrue(db.select(REGEL_PERIODE.VOORLOPIG).from(REGEL_PERIODE).fetchOne(REGEL_PERIODE.VOORLOPIG));
        String html = web.get(WebClient.location(saved)).body();
        assertTrue(html.contains("6<br>(voorlopig, nog niet bevestigd)"), "the history marks it");
    }

    /** Participatiewet in balans: Utrecht cannot switch the bufferbudget on before art. 34b is in force. */
    @Test
    void aMeasureCannotBeSwitchedOnBeforeItsLaw() {
        LocalDate today = LocalDate.now(clock);
        LocalDate lawFrom = LocalDate.of(2027, 1, 1);
        org.junit.jupiter.api.Assumptions.assumeTrue(today.isBefore(lawFrom), "only before the law is in force");
        WebClient web = employee(PRIYA);
        String csrf = WebClient.csrfToken(web.get(PATH).body());
        HttpResponse<String> response = web.postForm(PATH, form(csrf, "maatregel.bufferbudget", today.toString(),
                "2026-12-31", "1", "Raadsbesluit"));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Deze maatregel mag pas aan vanaf 1 januari 2027."), response.body());
        assertEquals(0, db.fetchCount(REGEL_PERIODE));
    }

    @Test
    void aDateInThePastIsRefusedAndWhatWasTypedStays() {
        WebClient web = employee(PRIYA);
        String csrf = WebClient.csrfToken(web.get(PATH).body());
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        HttpResponse<String> response = web.postForm(PATH, form(csrf, "buitenland.max_weken", yesterday, "", "6", "Raadsbesluit"));
        assertEquals(400, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("Een wijziging verandert nooit wat al geweest is."), "says why");
        assertTrue(html.contains("href=\"#vanaf\""), "the summary links to the field");
        assertTrue(html.contains("id=\"vanaf-fout\"") && html.contains("aria-describedby=\"vanaf-hint vanaf-fout\""), "error next to the field");
        assertTrue(html.contains("value=\"" + yesterday + "\""), "keeps the date");
        assertTrue(html.contains("<option value=\"buitenland.max_weken\" selected"), "keeps the rule");
        assertTrue(html.contains("value=\"6\"") && html.contains(">Raadsbesluit</textarea>"), "keeps value and source");
        assertTrue(html.contains("<title>Verbeter je antwoorden"), "the title says something is wrong");
        assertEquals(0, db.fetchCount(REGEL_PERIODE));
    }

    @Test
    void aValueThatDoesNotFitTheRuleIsRefused() {
        WebClient web = employee(PRIYA);
        String csrf = WebClient.csrfToken(web.get(PATH).body());
        HttpResponse<String> response = web.postForm(PATH, form(csrf, "verlaging.eerste_procent", "2099-01-01", "", "150", "Raadsbesluit"));
        assertEquals(400, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("Vul een percentage in van 0 tot en met 100, zonder %-teken."), "names what fits");
        assertTrue(html.contains("href=\"#waarde\"") && html.contains("id=\"waarde-fout\""));
        assertTrue(html.contains("value=\"150\""), "keeps the value");
        assertTrue(html.contains("value=\"2099-01-01\""), "keeps the date");
        assertEquals(0, db.fetchCount(REGEL_PERIODE));
    }

    @Test
    void aMissingSourceIsRefused() {
        WebClient web = employee(PRIYA);
        String csrf = WebClient.csrfToken(web.get(PATH).body());
        HttpResponse<String> response = web.postForm(PATH, form(csrf, "buitenland.max_weken", "2099-01-01", "2099-12-31", "6", "  "));
        assertEquals(400, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("Vul de bron in: waar komt deze waarde vandaan?"));
        assertTrue(html.contains("href=\"#bron\"") && html.contains("id=\"bron-fout\""));
        assertTrue(html.contains("value=\"2099-12-31\""), "keeps the end date");
        assertEquals(0, db.fetchCount(REGEL_PERIODE));
    }

    @Test
    void aPeriodThatRunsIntoALaterOneIsRefusedWithTheEndDateToUse() {
        WebClient web = employee(PRIYA);
        String csrf = WebClient.csrfToken(web.get(PATH).body());
        assertEquals(303, web.postForm(PATH, form(csrf, "verlaging.afspraak_bedrag", "2099-01-01", "", "30", "Besluit A")).statusCode());

        HttpResponse<String> open = web.postForm(PATH, form(csrf, "verlaging.afspraak_bedrag", "2098-07-01", "", "28", "Besluit B"));
        assertEquals(400, open.statusCode());
        String html = open.body();
        assertTrue(html.contains("Op 1 januari 2099 begint al een volgende waarde voor deze regel. Vul bij &quot;Geldt tot en met&quot; 31 december 2098 in."), "says what to do");
        assertTrue(html.contains("href=\"#tot\"") && html.contains("id=\"tot-fout\""));
        assertTrue(html.contains("value=\"2098-07-01\"") && html.contains("value=\"28\"") && html.contains(">Besluit B</textarea>"), "keeps what was typed");

        HttpResponse<String> overlapping = web.postForm(PATH, form(csrf, "verlaging.afspraak_bedrag", "2098-07-01", "2099-03-31", "28", "Besluit B"));
        assertEquals(400, overlapping.statusCode());
        assertTrue(overlapping.body().contains("Vul bij &quot;Geldt tot en met&quot; 31 december 2098 in."));
        assertEquals(1, db.fetchCount(REGEL_PERIODE), "nothing stored");

        HttpResponse<String> fitting = web.postForm(PATH, form(csrf, "verlaging.afspraak_bedrag", "2098-07-01", "2098-12-31", "28", "Besluit B"));
        assertEquals(303, fitting.statusCode(), fitting.body());
        assertEquals(new BigDecimal("28"), rules.book().value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, LocalDate.of(2098, 12, 31)));
        assertEquals(new BigDecimal("30"), rules.book().value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, FROM));
    }

    @Test
    void anEndDateThatLeavesTheRuleWithoutAValueIsRefused() {
        WebClient web = employee(PRIYA);
        String csrf = WebClient.csrfToken(web.get(PATH).body());
        // Utrecht's verlaging rules have no national value: after an end date there would be none.
        HttpResponse<String> response = web.postForm(PATH, form(csrf, "verlaging.duur_maanden", "2099-01-01", "2099-06-30", "2", "Besluit"));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Na 30 juni 2099 heeft deze regel dan geen waarde meer."), response.body());
        assertEquals(0, db.fetchCount(REGEL_PERIODE));
    }

    @Test
    void aConsulentOrCitizenCannotSeeOrAdd() {
        WebClient consulent = employee(DENNIS);
        assertEquals(403, consulent.get(PATH).statusCode());
        String csrf = WebClient.csrfToken(consulent.get("/consulent").body());
        HttpResponse<String> post = consulent.postForm(PATH, form(csrf, "buitenland.max_weken", "2099-01-01", "", "6", "Besluit"));
        assertEquals(403, post.statusCode());
        assertFalse(consulent.get("/consulent").body().contains("href=\"/beheer/regels\""), "no menu link for a consulent");

        WebClient citizen = citizen(HENK);
        assertEquals(403, citizen.get(PATH).statusCode());
        assertEquals(0, db.fetchCount(REGEL_PERIODE));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        WebClient web = employee(PRIYA);
        Map<String, String> form = form("x", "buitenland.max_weken", "2099-01-01", "", "6", "Besluit");
        form.remove("csrfToken");
        assertEquals(403, web.postForm(PATH, form).statusCode());
        assertEquals(0, db.fetchCount(REGEL_PERIODE));
    }
}

package nl.bijstandsportaal.casework;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.platform.db.generated.tables.records.AuditEventRecord;
import nl.bijstandsportaal.platform.db.generated.tables.records.BurgerPlichtRecord;
import nl.bijstandsportaal.platform.db.generated.tables.records.BurgerRecord;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER_PLICHT;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.HUISHOUDLID;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consulent changes a citizen's situation and duties. The changes are made on a citizen this class creates in
 * Westland (and removes afterwards), so the demo citizens stay as seeded for the other test classes; the demo
 * citizens are only read.
 */
@MicronautTest
class SituationEditTest extends PortalTest {

    private static final String BSN = "999997771";
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);

    @Inject
    DSLContext db;

    @Inject
    Clock clock;

    private long westland;
    private long marieke;
    private long burgerId;
    private LocalDate today;

    @BeforeAll
    void createCitizen() {
        today = LocalDate.now(clock);
        westland = db.select(GEMEENTE.ID).from(GEMEENTE).where(GEMEENTE.CODE.eq("1783")).fetchOne(GEMEENTE.ID);
        marieke = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(MARIEKE)).fetchOne(MEDEWERKER.ID);
        burgerId = db.insertInto(BURGER)
                .set(BURGER.GEMEENTE_ID, westland).set(BURGER.CONSULENT_ID, marieke).set(TestRows.bsnColumns(BSN))
                .set(BURGER.VOORNAAM, "Tessa").set(BURGER.ACHTERNAAM, "Testburger").set(BURGER.GEBOORTEDATUM, today.minusYears(44))
                .set(BURGER.LEEFVORM, "PARTNERS").set(BURGER.STRAAT, "Teststraat").set(BURGER.HUISNUMMER, "1")
                .set(BURGER.POSTCODE, "2671 AA").set(BURGER.WOONPLAATS, "Naaldwijk").set(BURGER.BIJSTAND_SINDS, today.minusYears(1))
                .returning(BURGER.ID).fetchOne(BURGER.ID);
    }

    /** Every test starts from: partners (Kees), a daughter (Noor, 19), the work duty without ontheffing. */
    @BeforeEach
    void resetCitizen() {
        db.deleteFrom(BURGER_PLICHT).where(BURGER_PLICHT.BURGER_ID.eq(burgerId)).execute();
        db.deleteFrom(HUISHOUDLID).where(HUISHOUDLID.BURGER_ID.eq(burgerId)).execute();
        db.update(BURGER).set(BURGER.LEEFVORM, "PARTNERS").set(BURGER.IN_INRICHTING, false).where(BURGER.ID.eq(burgerId)).execute();
        member("Kees", today.minusYears(46), "PARTNER");
        member("Noor", today.minusYears(19), "KIND");
        db.insertInto(BURGER_PLICHT).set(BURGER_PLICHT.BURGER_ID, burgerId).set(BURGER_PLICHT.PLICHT, "ARBEID")
                .set(BURGER_PLICHT.ONTHEFFING, false).set(BURGER_PLICHT.GEWIJZIGD_OP, today.atStartOfDay()).execute();
    }

    @AfterAll
    void removeCitizen() {
        db.deleteFrom(BURGER_PLICHT).where(BURGER_PLICHT.BURGER_ID.eq(burgerId)).execute();
        db.deleteFrom(HUISHOUDLID).where(HUISHOUDLID.BURGER_ID.eq(burgerId)).execute();
        db.deleteFrom(BURGER).where(BURGER.ID.eq(burgerId)).execute();
    }

    @Test
    void thePageShowsTheCurrentSituationAndOpeningItIsAudited() {
        WebClient web = employee(MARIEKE);
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchOne(BURGER.ID);
        int before = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(fatima).and(AUDIT_EVENT.ACTION.eq(SituationService.SITUATION_OPENED)));

        HttpResponse<String> page = web.get("/consulent/burgers/" + fatima + "/situatie");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("Situatie en plichten van Fatima El Amrani"));
        assertTrue(html.contains("Yasmina") && html.contains("Adam"), "shows the household");
        Map<String, String> form = formValues(html);
        assertEquals("ALLEENSTAANDE_OUDER", form.get("leefvorm"));
        assertEquals("nee", form.get("inInrichting"));
        assertEquals("GEEN", form.get("lid.0.status"));
        assertEquals("GEEN", form.get("lid.1.status"));
        for (String plicht : List.of("ARBEID", "TAALEIS", "PARTICIPATIE")) {
            assertTrue(form.containsKey("plicht." + plicht + ".geldt"), plicht);
        }
        assertEquals(1, count(html, "<h1"), "one h1");
        assertFalse(html.contains("consulent.situation."), "no missing texts");
        assertFalse(web.language("en").get("/consulent/burgers/" + fatima + "/situatie").body().contains("consulent.situation."),
                "no missing English texts");
        assertEquals(before + 2, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(fatima).and(AUDIT_EVENT.ACTION.eq(SituationService.SITUATION_OPENED))));

        HttpResponse<String> mine = web.language("nl").get("/consulent/burgers/" + burgerId + "/situatie");
        Map<String, String> current = formValues(mine.body());
        assertEquals("PARTNERS", current.get("leefvorm"));
        assertEquals("ja", current.get("plicht.ARBEID.geldt"));
        assertEquals("nee", current.get("plicht.ARBEID.ontheffing"));
        assertEquals("nee", current.get("plicht.TAALEIS.geldt"));
    }

    @Test
    void savingAChangeShowsAfterReloadIsStoredAndAudited() {
        WebClient web = employee(MARIEKE);
        String path = "/consulent/burgers/" + burgerId + "/situatie";
        Map<String, String> form = formValues(web.get(path).body());
        assertEquals("Kees", memberName(form, 0));
        String reason = "Je volgt nu elke ochtend een cursus Nederlands op school. Daarom hoef je nu niet mee te doen.";
        LocalDate until = today.plusMonths(3);

        form.put("leefvorm", "ALLEENSTAANDE_OUDER");
        form.put("lid.0.verwijderen", "ja");                // Kees moved out
        form.put("lid.1.status", "STUDIEFINANCIERING");      // Noor studies
        form.put("plicht.PARTICIPATIE.geldt", "ja");
        form.put("plicht.PARTICIPATIE.ontheffing", "ja");
        form.put("plicht.PARTICIPATIE.reden", reason);
        form.put("plicht.PARTICIPATIE.tot", until.toString());
        form.put("nieuw.voornaam", "Sam");
        form.put("nieuw.geboortedatum", "3-4-2015");
        form.put("nieuw.relatie", "KIND");
        form.put("nieuw.status", "GEEN");
        form.put("nieuw.woontSinds", today.minusDays(10).toString());
        HttpResponse<String> saved = web.postForm(path, form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/consulent/burgers/" + burgerId + "?opgeslagen=situatie", WebClient.location(saved));

        HttpResponse<String> file = web.follow(saved);
        assertEquals(200, file.statusCode());
        assertTrue(file.body().contains("De situatie en plichten zijn opgeslagen."));
        assertTrue(file.body().contains("Krijgt studiefinanciering"), "the file shows Noor's new status");
        assertTrue(file.body().contains("Sam"));
        assertFalse(file.body().contains("Kees"));
        assertFalse(web.get("/consulent/burgers/" + burgerId).body().contains("De situatie en plichten zijn opgeslagen."),
                "the message shows only right after saving");

        Map<String, String> reloaded = formValues(web.get(path).body());
        assertEquals("ALLEENSTAANDE_OUDER", reloaded.get("leefvorm"));
        assertEquals("ja", reloaded.get("plicht.PARTICIPATIE.geldt"));
        assertEquals("ja", reloaded.get("plicht.PARTICIPATIE.ontheffing"));
        assertEquals(reason, reloaded.get("plicht.PARTICIPATIE.reden"));
        assertEquals(until.getDayOfMonth() + "-" + until.getMonthValue() + "-" + until.getYear(), reloaded.get("plicht.PARTICIPATIE.tot"),
                "a date shows as people write it");
        assertEquals("ja", reloaded.get("plicht.ARBEID.geldt"), "untouched duties stay");

        BurgerRecord burger = db.selectFrom(BURGER).where(BURGER.ID.eq(burgerId)).fetchOne();
        assertEquals("ALLEENSTAANDE_OUDER", burger.getLeefvorm());
        assertEquals(List.of("Noor:KIND:STUDIEFINANCIERING", "Sam:KIND:GEEN"), db.selectFrom(HUISHOUDLID)
                .where(HUISHOUDLID.BURGER_ID.eq(burgerId)).orderBy(HUISHOUDLID.VOORNAAM)
                .fetch(r -> r.getVoornaam() + ":" + r.getRelatie() + ":" + r.getStatus()));
        assertEquals(LocalDate.of(2015, 4, 3), db.select(HUISHOUDLID.GEBOORTEDATUM).from(HUISHOUDLID)
                .where(HUISHOUDLID.BURGER_ID.eq(burgerId)).and(HUISHOUDLID.VOORNAAM.eq("Sam")).fetchOne(HUISHOUDLID.GEBOORTEDATUM));
        BurgerPlichtRecord duty = db.selectFrom(BURGER_PLICHT).where(BURGER_PLICHT.BURGER_ID.eq(burgerId))
                .and(BURGER_PLICHT.PLICHT.eq("PARTICIPATIE")).fetchOne();
        assertNotNull(duty);
        assertTrue(duty.getOntheffing());
        assertEquals(reason, duty.getOntheffingReden());
        assertEquals(until, duty.getOntheffingTot());
        assertEquals(marieke, duty.getGewijzigdDoor());
        assertEquals(2, db.fetchCount(BURGER_PLICHT, BURGER_PLICHT.BURGER_ID.eq(burgerId)), "TAALEIS still does not apply");

        AuditEventRecord event = lastAudit(SituationService.SITUATION_CHANGED);
        assertEquals(marieke, event.getMedewerkerId());
        String details = event.getDetails();
        assertTrue(details.contains("leefvorm"), details);
        assertTrue(details.contains("status"), details);
        assertTrue(details.contains("verwijderd"), details);
        assertTrue(details.contains("toegevoegd (KIND)"), details);
        assertTrue(details.contains("plicht PARTICIPATIE toegevoegd met ontheffing"), details);
        assertNoPersonalData(details);

        // Lift the ontheffing again and end the work duty: both in the trail, no reason in it.
        Map<String, String> again = formValues(web.get(path).body());
        again.put("plicht.PARTICIPATIE.ontheffing", "nee");
        again.put("plicht.ARBEID.geldt", "nee");
        assertEquals(303, web.postForm(path, again).statusCode());
        BurgerPlichtRecord lifted = db.selectFrom(BURGER_PLICHT).where(BURGER_PLICHT.BURGER_ID.eq(burgerId))
                .and(BURGER_PLICHT.PLICHT.eq("PARTICIPATIE")).fetchOne();
        assertFalse(lifted.getOntheffing());
        assertNull(lifted.getOntheffingReden());
        assertNull(lifted.getOntheffingTot());
        assertEquals(0, db.fetchCount(BURGER_PLICHT, BURGER_PLICHT.BURGER_ID.eq(burgerId).and(BURGER_PLICHT.PLICHT.eq("ARBEID"))));
        String second = lastAudit(SituationService.SITUATION_CHANGED).getDetails();
        assertTrue(second.contains("plicht PARTICIPATIE ontheffing") && second.contains("plicht ARBEID vervallen"), second);
        assertNoPersonalData(second);
    }

    @Test
    void badInputGetsAClearMessageAtTheFieldKeepsWhatWasTypedAndChangesNothing() {
        WebClient web = employee(MARIEKE);
        String path = "/consulent/burgers/" + burgerId + "/situatie";
        Map<String, String> form = formValues(web.get(path).body());
        form.put("lid.0.verwijderen", "ja");                  // Kees leaves, but the leefvorm stays PARTNERS
        form.put("lid.1.status", "ONZIN");                     // not a status
        form.put("plicht.ARBEID.ontheffing", "ja");            // an ontheffing without a reason
        form.put("plicht.ARBEID.reden", "   ");
        form.put("plicht.TAALEIS.geldt", "ja");
        form.put("plicht.TAALEIS.ontheffing", "ja");
        form.put("plicht.TAALEIS.reden", "Je volgt al een taalcursus <bij> de bibliotheek.");
        form.put("plicht.TAALEIS.tot", today.minusDays(1).toString()); // in the past
        form.put("nieuw.voornaam", "Sam");                     // someone added without dates
        form.put("nieuw.relatie", "KIND");

        int events = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(burgerId));
        HttpResponse<String> response = web.postForm(path, form);
        assertEquals(400, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("<title>Fout: "), "the title says there is an error");
        assertTrue(html.contains("Er is iets niet goed ingevuld"), "error summary");

        assertFieldError(html, "leefvorm", "Bij de leefvorm Met partner hoort één partner in het huishouden.");
        assertFieldError(html, "lid-1-status", "Kies voor Noor een bijzonderheid uit de lijst.");
        assertFieldError(html, "plicht-ARBEID-reden", "Werk zoeken en houden: schrijf op waarom er ontheffing is.");
        assertFieldError(html, "plicht-TAALEIS-tot", "Nederlands leren (taaleis): de einddatum ligt in het verleden.");
        assertFieldError(html, "nieuw-geboortedatum", "Vul de geboortedatum in");
        assertFieldError(html, "nieuw-woontSinds", "Vul in sinds wanneer");
        assertTrue(html.indexOf("href=\"#leefvorm\"") < html.indexOf("href=\"#plicht-TAALEIS-tot\""), "summary in the order of the form");
        assertTrue(Pattern.compile("<textarea[^>]*id=\"plicht-ARBEID-reden\"[^>]*aria-describedby=\"[^\"]*plicht-ARBEID-reden-fout")
                .matcher(html).find(), "the field is described by its error");
        assertTrue(html.contains("aria-invalid=\"true\""));

        Map<String, String> kept = formValues(html);
        assertEquals("PARTNERS", kept.get("leefvorm"));
        assertEquals("ja", kept.get("lid.0.verwijderen"));
        assertEquals("Je volgt al een taalcursus <bij> de bibliotheek.", kept.get("plicht.TAALEIS.reden"));
        assertTrue(html.contains("&lt;bij&gt;"), "what was typed is escaped");
        assertEquals(today.minusDays(1).toString(), kept.get("plicht.TAALEIS.tot"));
        assertEquals("ja", kept.get("plicht.TAALEIS.geldt"));
        assertEquals("ja", kept.get("plicht.ARBEID.ontheffing"));
        assertEquals("Sam", kept.get("nieuw.voornaam"));
        assertEquals("KIND", kept.get("nieuw.relatie"));

        assertEquals("PARTNERS", db.select(BURGER.LEEFVORM).from(BURGER).where(BURGER.ID.eq(burgerId)).fetchOne(BURGER.LEEFVORM));
        assertEquals(2, db.fetchCount(HUISHOUDLID, HUISHOUDLID.BURGER_ID.eq(burgerId)), "nobody removed or added");
        assertEquals(0, db.fetchCount(HUISHOUDLID, HUISHOUDLID.BURGER_ID.eq(burgerId).and(HUISHOUDLID.STATUS.ne("GEEN"))));
        assertEquals(1, db.fetchCount(BURGER_PLICHT, BURGER_PLICHT.BURGER_ID.eq(burgerId)), "duties unchanged");
        assertFalse(db.select(BURGER_PLICHT.ONTHEFFING).from(BURGER_PLICHT).where(BURGER_PLICHT.BURGER_ID.eq(burgerId)).fetchOne(BURGER_PLICHT.ONTHEFFING));
        assertEquals(events + 1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(burgerId)), "the refused save is in the trail");
        AuditEventRecord refused = lastAudit(SituationService.SITUATION_REJECTED);
        assertNoPersonalData(refused.getDetails());
        assertFalse(refused.getDetails().contains("taalcursus"));

        // Fixed: the form goes through.
        kept.remove("lid.0.verwijderen");
        kept.put("lid.1.status", "BBL");
        kept.put("plicht.ARBEID.reden", "Je bent nu te ziek om te werken.");
        kept.put("plicht.TAALEIS.tot", "");
        kept.put("nieuw.voornaam", "");
        kept.put("nieuw.relatie", "");
        HttpResponse<String> fixed = web.postForm(path, kept);
        assertEquals(303, fixed.statusCode(), fixed.body());
        BurgerPlichtRecord taaleis = db.selectFrom(BURGER_PLICHT).where(BURGER_PLICHT.BURGER_ID.eq(burgerId))
                .and(BURGER_PLICHT.PLICHT.eq("TAALEIS")).fetchOne();
        assertTrue(taaleis.getOntheffing());
        assertNull(taaleis.getOntheffingTot(), "no end date");
    }

    @Test
    void aSecondPartnerOrAPartnerWithoutTheLeefvormIsRefused() {
        WebClient web = employee(MARIEKE);
        String path = "/consulent/burgers/" + burgerId + "/situatie";
        Map<String, String> form = formValues(web.get(path).body());
        form.put("nieuw.voornaam", "Bram");
        form.put("nieuw.geboortedatum", today.minusYears(40).toString());
        form.put("nieuw.relatie", "PARTNER");
        form.put("nieuw.woontSinds", today.minusDays(1).toString());
        HttpResponse<String> twice = web.postForm(path, form);
        assertEquals(400, twice.statusCode());
        assertFieldError(twice.body(), "nieuw-relatie", "Er staat al een partner in het huishouden.");

        Map<String, String> single = formValues(web.get(path).body());
        single.put("leefvorm", "ALLEENSTAAND");
        HttpResponse<String> notPartners = web.postForm(path, single);
        assertEquals(400, notPartners.statusCode());
        assertFieldError(notPartners.body(), "leefvorm", "Er woont een partner bij deze burger.");
        assertEquals(2, db.fetchCount(HUISHOUDLID, HUISHOUDLID.BURGER_ID.eq(burgerId)));
    }

    @Test
    void aConsulentOfAnotherMunicipalityGetsNotFoundAndACitizenNoAccess() {
        WebClient marieke = employee(MARIEKE);
        Map<String, String> form = formValues(marieke.get("/consulent/burgers/" + burgerId + "/situatie").body());
        form.put("leefvorm", "ALLEENSTAAND");
        form.put("lid.0.verwijderen", "ja");
        long henk = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(HENK)).fetchOne(BURGER.ID);
        assertEquals(404, marieke.get("/consulent/burgers/" + henk + "/situatie").statusCode());
        assertEquals(404, marieke.get("/consulent/burgers/999999/situatie").statusCode());

        WebClient dennis = employee(DENNIS);
        assertEquals(404, dennis.get("/consulent/burgers/" + burgerId + "/situatie").statusCode());
        form.put("csrfToken", WebClient.csrfToken(dennis.get("/consulent").body()));
        assertEquals(404, dennis.postForm("/consulent/burgers/" + burgerId + "/situatie", form).statusCode());

        WebClient citizen = citizen(SANNE);
        assertEquals(403, citizen.get("/consulent/burgers/" + burgerId + "/situatie").statusCode());
        form.put("csrfToken", WebClient.csrfToken(citizen.get("/overzicht").body()));
        assertEquals(403, citizen.postForm("/consulent/burgers/" + burgerId + "/situatie", form).statusCode());

        WebClient beheerder = employee(PRIYA);
        assertEquals(403, beheerder.get("/consulent/burgers/" + burgerId + "/situatie").statusCode());

        Map<String, String> noToken = new LinkedHashMap<>(form);
        noToken.remove("csrfToken");
        assertEquals(403, marieke.postForm("/consulent/burgers/" + burgerId + "/situatie", noToken).statusCode(), "CSRF");

        assertEquals("PARTNERS", db.select(BURGER.LEEFVORM).from(BURGER).where(BURGER.ID.eq(burgerId)).fetchOne(BURGER.LEEFVORM));
        assertEquals(2, db.fetchCount(HUISHOUDLID, HUISHOUDLID.BURGER_ID.eq(burgerId)));

        // A household member of another citizen slipped into the form is not touched.
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchOne(BURGER.ID);
        long yasmina = db.select(HUISHOUDLID.ID).from(HUISHOUDLID).where(HUISHOUDLID.BURGER_ID.eq(fatima))
                .and(HUISHOUDLID.VOORNAAM.eq("Yasmina")).fetchOne(HUISHOUDLID.ID);
        Map<String, String> forged = formValues(marieke.get("/consulent/burgers/" + burgerId + "/situatie").body());
        forged.put("lid.2.id", Long.toString(yasmina));
        forged.put("lid.2.status", "KOSTGANGER");
        forged.put("lid.2.verwijderen", "ja");
        assertEquals(303, marieke.postForm("/consulent/burgers/" + burgerId + "/situatie", forged).statusCode());
        assertEquals("GEEN", db.select(HUISHOUDLID.STATUS).from(HUISHOUDLID).where(HUISHOUDLID.ID.eq(yasmina)).fetchOne(HUISHOUDLID.STATUS));
        assertEquals("Situatie opgeslagen zonder wijzigingen", lastAudit(SituationService.SITUATION_CHANGED).getDetails());
    }

    // ---------- helpers ----------

    private void member(String voornaam, LocalDate born, String relatie) {
        db.insertInto(HUISHOUDLID).set(HUISHOUDLID.BURGER_ID, burgerId).set(HUISHOUDLID.VOORNAAM, voornaam)
                .set(HUISHOUDLID.GEBOORTEDATUM, born).set(HUISHOUDLID.RELATIE, relatie).set(HUISHOUDLID.STATUS, "GEEN")
                .set(HUISHOUDLID.WOONT_SINDS, born.isBefore(today.minusYears(20)) ? today.minusYears(20) : born).execute();
    }

    private String memberName(Map<String, String> form, int index) {
        long id = Long.parseLong(form.get("lid." + index + ".id"));
        return db.select(HUISHOUDLID.VOORNAAM).from(HUISHOUDLID).where(HUISHOUDLID.ID.eq(id)).fetchOne(HUISHOUDLID.VOORNAAM);
    }

    private AuditEventRecord lastAudit(String action) {
        return db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.BURGER_ID.eq(burgerId)).and(AUDIT_EVENT.ACTION.eq(action))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchOne();
    }

    private void assertNoPersonalData(String details) {
        for (String personal : List.of("Tessa", "Testburger", "Kees", "Noor", "Sam", BSN, "cursus", "ziek", "2015",
                today.plusMonths(3).toString())) {
            assertFalse(details.contains(personal), "audit details hold " + personal + ": " + details);
        }
    }

    /** The error sits next to the field (id "...-fout") and the summary links to the field. */
    private static void assertFieldError(String html, String id, String text) {
        Matcher message = Pattern.compile("<p class=\"utrecht-form-field-error-message\" id=\"" + Pattern.quote(id) + "-fout\">([^<]*)</p>")
                .matcher(html);
        assertTrue(message.find(), "no error next to " + id);
        assertTrue(message.group(1).contains(text), id + ": " + message.group(1));
        assertTrue(html.contains("href=\"#" + id + "\""), "the summary links to " + id);
        assertTrue(html.contains("id=\"" + id + "\""), "the field " + id + " exists");
    }

    /** What a browser would send for the situation form as shown: hidden and text fields, checked boxes, chosen options. */
    private static Map<String, String> formValues(String html) {
        int start = html.indexOf("<form method=\"post\" action=\"/consulent/burgers/");
        assertTrue(start >= 0, "no situation form on the page");
        String form = html.substring(start, html.indexOf("</form>", start));
        Map<String, String> values = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String attributes = input.group(1);
            String name = attribute(attributes, "name");
            String type = attribute(attributes, "type");
            if (name == null) {
                continue;
            }
            boolean checkable = "radio".equals(type) || "checkbox".equals(type);
            if (!checkable || attributes.matches("(?s).*\\schecked\\b.*")) {
                values.put(name, unescape(attribute(attributes, "value")));
            }
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            String name = attribute(select.group(1), "name");
            Matcher option = OPTION.matcher(select.group(2));
            String chosen = null; // without a selected option, a browser sends the first
            while (option.find()) {
                String value = unescape(attribute(option.group(1), "value"));
                if (chosen == null || option.group(1).matches("(?s).*\\sselected\\b.*")) {
                    chosen = value;
                }
            }
            values.put(name, chosen == null ? "" : chosen);
        }
        Matcher textarea = TEXTAREA.matcher(form);
        while (textarea.find()) {
            values.put(attribute(textarea.group(1), "name"), unescape(textarea.group(2)));
        }
        return values;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(" " + attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String value) {
        return value == null ? "" : value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#61;", "=").replace("&amp;", "&");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

package nl.bijstandsportaal.account;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.conversations.Conversations;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.PORTAL_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The beheerder's /beheer/medewerkers over HTTP: a new team holds at the employee's next request (lists, file access
 * and the cached work list), a new role at once as well (roles are read fresh, ADR 0039) and a role taken away ends the
 * employee's sessions; only a beheerder of the same municipality changes
 * anything; bad input names the field and keeps what was typed; a beheerder keeps their own beheerder role. Every test
 * starts from the seeded teams and roles.
 */
@MicronautTest
class TeamsAndRolesTest extends PortalTest {

    private static final String PATH = "/beheer/medewerkers";

    @Inject
    DSLContext db;

    @Inject
    Conversations conversations;

    @Inject
    ServerSessions sessions;

    @BeforeEach
    void seededTeamsAndRoles() {
        seed(DENNIS, "Team Zuid", "CONSULENT");
        seed(PRIYA, "Team Zuid", "BEHEERDER");
        seed(LOTTE, "Team Zuid", "CONSULENT,TEAMLEIDER");
        seed(SVEN, "Team Noord", "CONSULENT");
        seed(MARIEKE, "Team Westland", "CONSULENT");
        db.update(BURGER).set(BURGER.CONSULENT_ID, employeeId(DENNIS)).where(TestRows.bsnIs(HENK).or(TestRows.bsnIs(JAN))).execute();
        db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq(TeamsAndRoles.CHANGED)).execute();
        db.update(MEDEWERKER).set(MEDEWERKER.ACTIEF, true).where(MEDEWERKER.OIDC_SUBJECT.eq(SVEN)).execute();
        sessions.forgetAll(); // the roles were set behind the portal's back
    }

    @Test
    void aNewTeamHoldsAtTheNextRequestForListsFilesAndTheWorkList() {
        long henk = citizenId(HENK);
        long jan = citizenId(JAN);
        long lotte = employeeId(LOTTE);
        // Jan is Sven's (Team Noord); Henk stays Dennis's (Team Zuid). Each has a message waiting in the work list.
        db.update(BURGER).set(BURGER.CONSULENT_ID, employeeId(SVEN)).where(BURGER.ID.eq(jan)).execute();
        db.transaction(tx -> conversations.start(tx.dsl(), henk, new Conversations.Typed("Vraag van Henk over de toeslag", "Hoe zit dat?", List.of())));
        db.transaction(tx -> conversations.start(tx.dsl(), jan, new Conversations.Typed("Vraag van Jan over de huur", "Hoe zit dat?", List.of())));

        WebClient lotteWeb = employee(LOTTE);
        String citizens = Jsoup.parse(lotteWeb.get("/consulent/burgers").body()).text();
        assertTrue(citizens.contains("Henk Bakker") && !citizens.contains("Jan Jansen"), citizens);
        // Read once, so the work list has gathered (and keeps) the municipality's items before the change.
        String work = Jsoup.parse(lotteWeb.get("/consulent?wie=team").body()).select(".portal-worklist").text();
        assertTrue(work.contains("Vraag van Henk over de toeslag") && !work.contains("Vraag van Jan over de huur"), work);

        WebClient priya = employee(PRIYA);
        HttpResponse<String> saved = save(priya, lotte, "Team Noord", "", "CONSULENT", "TEAMLEIDER");
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(PATH + "?opgeslagen=" + lotte, WebClient.location(saved));
        Document page = Jsoup.parse(priya.get(WebClient.location(saved)).body());
        assertEquals("De wijziging voor Lotte Visser is opgeslagen.", page.select("#opgeslagen").text());
        assertEquals("Team Noord", page.select("#medewerker-" + lotte).first().parent().select("dd").first().text());

        // Lotte's open session: her next request sees Team Noord's citizens and no longer Team Zuid's.
        citizens = Jsoup.parse(lotteWeb.get("/consulent/burgers").body()).text();
        assertTrue(citizens.contains("Jan Jansen") && !citizens.contains("Henk Bakker"), citizens);
        assertEquals(200, lotteWeb.get("/consulent/burgers/" + jan).statusCode());
        assertEquals(403, lotteWeb.get("/consulent/burgers/" + henk).statusCode()); // another team now: a takeover first
        work = Jsoup.parse(lotteWeb.get("/consulent?wie=team").body()).select(".portal-worklist").text();
        assertTrue(work.contains("Vraag van Jan over de huur") && !work.contains("Vraag van Henk over de toeslag"), work);
        String team = Jsoup.parse(lotteWeb.get("/consulent/team").body()).text();
        assertTrue(team.contains("Sven Bos") && !team.contains("Dennis de Boer"), team);

        assertEquals("Team Noord", db.select(MEDEWERKER.TEAM).from(MEDEWERKER).where(MEDEWERKER.ID.eq(lotte)).fetchOne(MEDEWERKER.TEAM));
        var audited = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq(TeamsAndRoles.CHANGED)).fetchSingle();
        assertEquals(employeeId(PRIYA), audited.getMedewerkerId());
        assertEquals(null, audited.getBurgerId());
        assertEquals("Medewerker Lotte Visser (" + lotte + "): team \"Team Zuid\" → \"Team Noord\"", audited.getDetails());

        // The same team and roles again: nothing changes, nothing is audited.
        assertEquals(303, save(priya, lotte, "Team Noord", "", "CONSULENT", "TEAMLEIDER").statusCode());
        assertEquals(1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(TeamsAndRoles.CHANGED)));
    }

    @Test
    void theTeamleiderRoleOpensTheTeamPageAtOnce() {
        long dennis = employeeId(DENNIS);
        WebClient dennisWeb = employee(DENNIS);
        assertEquals(403, dennisWeb.get("/consulent/team").statusCode());

        HttpResponse<String> saved = save(employee(PRIYA), dennis, "Team Zuid", "", "CONSULENT", "TEAMLEIDER");
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("CONSULENT,TEAMLEIDER", db.select(MEDEWERKER.ROLLEN).from(MEDEWERKER).where(MEDEWERKER.ID.eq(dennis)).fetchOne(MEDEWERKER.ROLLEN));
        String details = db.select(AUDIT_EVENT.DETAILS).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq(TeamsAndRoles.CHANGED))
                .fetchSingle(AUDIT_EVENT.DETAILS);
        assertEquals("Medewerker Dennis de Boer (" + dennis + "): rollen CONSULENT → CONSULENT,TEAMLEIDER", details);

        // Roles are read fresh on every request (ADR 0039): the open session has the new one at once.
        HttpResponse<String> team = dennisWeb.get("/consulent/team");
        assertEquals(200, team.statusCode());
        assertTrue(Jsoup.parse(team.body()).text().contains("Lotte Visser"));
    }

    @Test
    void aRoleTakenAwayEndsTheEmployeesSessionsAtOnce() {
        long lotte = employeeId(LOTTE);
        WebClient lotteWeb = employee(LOTTE);
        assertEquals(200, lotteWeb.get("/consulent/team").statusCode());
        assertEquals(303, save(employee(PRIYA), lotte, "Team Zuid", "", "CONSULENT").statusCode());
        HttpResponse<String> after = lotteWeb.get("/consulent");
        assertTrue(after.statusCode() == 302 || after.statusCode() == 303, "the old session no longer counts: " + after.statusCode());
        assertTrue(WebClient.location(after).startsWith("/"), WebClient.location(after));
        assertEquals(0, db.fetchCount(PORTAL_SESSION, PORTAL_SESSION.MEDEWERKER_ID.eq(lotte).and(PORTAL_SESSION.ENDED_AT.isNull())),
                "every session of hers ended");
        assertEquals("role_removed", db.select(PORTAL_SESSION.ENDED_REASON).from(PORTAL_SESSION)
                .where(PORTAL_SESSION.ID.eq(ServerSessionsTest.claim(lotteWeb.cookie("portal_session").orElseThrow(), "sid")))
                .fetchOne(PORTAL_SESSION.ENDED_REASON));
        assertEquals(403, employee(LOTTE).get("/consulent/team").statusCode(), "a new login has the roles as they are now");
    }

    @Test
    void aRemovedEmployeeIsRefusedOnTheirNextRequest() {
        WebClient svenWeb = employee(SVEN);
        assertEquals(200, svenWeb.get("/consulent").statusCode());
        db.update(MEDEWERKER).set(MEDEWERKER.ACTIEF, false).where(MEDEWERKER.OIDC_SUBJECT.eq(SVEN)).execute();
        sessions.forgetEmployee(employeeId(SVEN)); // on another instance: within portal.session.cache-seconds
        assertTrue(List.of(302, 303).contains(svenWeb.get("/consulent").statusCode()));
        assertEquals(0, db.fetchCount(PORTAL_SESSION, PORTAL_SESSION.MEDEWERKER_ID.eq(employeeId(SVEN)).and(PORTAL_SESSION.ENDED_AT.isNull())));
        assertEquals("employee_removed", db.select(PORTAL_SESSION.ENDED_REASON).from(PORTAL_SESSION)
                .where(PORTAL_SESSION.ID.eq(ServerSessionsTest.claim(svenWeb.cookie("portal_session").orElseThrow(), "sid")))
                .fetchOne(PORTAL_SESSION.ENDED_REASON));
    }

    @Test
    void onlyABeheerderChangesAndOnlyTheEmployeesOfTheirOwnMunicipality() {
        long sven = employeeId(SVEN);
        long marieke = employeeId(MARIEKE);
        WebClient dennis = employee(DENNIS);
        assertEquals(403, dennis.get(PATH).statusCode());
        String token = WebClient.csrfToken(dennis.get("/consulent").body());
        assertEquals(403, dennis.postFields(PATH + "/" + sven, List.of(Map.entry("csrfToken", token), Map.entry("team", "Team Zuid"),
                Map.entry("rol", "CONSULENT"), Map.entry("rol", "BEHEERDER"))).statusCode());

        WebClient priya = employee(PRIYA);
        HttpResponse<String> list = priya.get(PATH);
        assertEquals(200, list.statusCode());
        Document page = Jsoup.parse(list.body());
        String text = page.text();
        assertTrue(text.contains("Dennis de Boer") && text.contains("Lotte Visser") && text.contains("Sven Bos")
                && text.contains("Priya Ramdin (dit ben jij)"), text);
        assertFalse(text.contains("Marieke Jansen") || text.contains("Team Westland"), text);
        assertEquals(List.of("", "Team Noord", "Team Zuid"), page.select("#team-" + sven + " option").eachAttr("value"));
        assertEquals("Team Noord", page.select("#team-" + sven + " option[selected]").attr("value"));
        assertEquals(1, page.select("form[action=\"" + PATH + "/" + sven + "\"] input[name=csrfToken]").size());
        assertTrue(page.select("nav a[href=\"" + PATH + "\"]").hasText(), "in the menu");

        // Westland's consulent does not exist for Utrecht's beheerder; nor does an id nobody has.
        assertEquals(404, save(priya, marieke, "Team Zuid", "", "CONSULENT").statusCode());
        assertEquals(404, save(priya, 987654321L, "Team Zuid", "", "CONSULENT").statusCode());
        int notANumber = priya.postFields(PATH + "/iemand", List.of(Map.entry("csrfToken", WebClient.csrfToken(list.body())))).statusCode();
        assertTrue(notANumber == 400 || notANumber == 404, "status " + notANumber);
        // Without the CSRF token: refused.
        assertEquals(403, priya.postFields(PATH + "/" + sven, List.of(Map.entry("team", "Team Zuid"), Map.entry("rol", "CONSULENT"))).statusCode());
        assertEquals("Team Westland", db.select(MEDEWERKER.TEAM).from(MEDEWERKER).where(MEDEWERKER.ID.eq(marieke)).fetchOne(MEDEWERKER.TEAM));
        assertEquals("Team Noord", db.select(MEDEWERKER.TEAM).from(MEDEWERKER).where(MEDEWERKER.ID.eq(sven)).fetchOne(MEDEWERKER.TEAM));
        assertEquals(0, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(TeamsAndRoles.CHANGED)));

        int citizen = citizen(HENK).get(PATH).statusCode();
        assertTrue(citizen == 403 || citizen == 303 || citizen == 401, "status " + citizen);
    }

    @Test
    void badInputNamesTheFieldAndKeepsWhatWasTyped() {
        long sven = employeeId(SVEN);
        WebClient priya = employee(PRIYA);

        // A team lead without a team.
        HttpResponse<String> noTeam = save(priya, sven, "", "  ", "CONSULENT", "TEAMLEIDER");
        assertEquals(400, noTeam.statusCode());
        Document page = Jsoup.parse(noTeam.body());
        assertEquals("Sven Bos is teamleider en moet in een team zitten. Kies een team bij \"Team\", of typ een nieuw team bij \"Nieuw team\".",
                page.select("#fouten a[href=\"#team-" + sven + "\"]").text());
        assertEquals(page.select("#team-" + sven + "-fout").text(), page.select("#fouten li").text());
        assertTrue(page.select("#team-" + sven).attr("aria-describedby").contains("team-" + sven + "-fout"));
        assertTrue(page.title().startsWith("Verbeter je antwoorden"), page.title());
        assertTrue(page.select("#rollen-" + sven + "-TEAMLEIDER").hasAttr("checked"), "the roles as sent");
        assertEquals("", page.select("#team-" + sven + " option[selected]").attr("value"));
        assertTrue(page.select("#medewerker-" + sven).first().parent().select("details").hasAttr("open"));

        // A new team's name that is too long: the name stays in the field.
        String longName = "Team " + "x".repeat(56);
        HttpResponse<String> tooLong = save(priya, sven, "Team Noord", longName, "CONSULENT");
        assertEquals(400, tooLong.statusCode());
        page = Jsoup.parse(tooLong.body());
        assertEquals("De naam bij \"Nieuw team\" mag hoogstens 60 tekens lang zijn. Nu zijn het er 61. Maak de naam korter.",
                page.select("#fouten a[href=\"#nieuwTeam-" + sven + "\"]").text());
        assertEquals(longName, page.select("#nieuwTeam-" + sven).val());

        // A team that is not in the list, no role at all, a team lead who is no consulent, a role that does not exist.
        assertTrue(errorsOf(save(priya, sven, "Team Bestaat Niet", "", "CONSULENT"))
                .contains("Kies bij \"Team\" een team uit de lijst."));
        assertTrue(errorsOf(save(priya, sven, "Team Noord", "")).contains("Kies bij \"Rollen\" minstens één rol voor Sven Bos."));
        assertTrue(errorsOf(save(priya, sven, "Team Noord", "", "TEAMLEIDER")).contains("Een teamleider is ook consulent."));
        assertTrue(errorsOf(save(priya, sven, "Team Noord", "", "CONSULENT", "KONING")).contains("alleen rollen uit de lijst"));
        assertEquals("Team Noord", db.select(MEDEWERKER.TEAM).from(MEDEWERKER).where(MEDEWERKER.ID.eq(sven)).fetchOne(MEDEWERKER.TEAM));
        assertEquals("CONSULENT", db.select(MEDEWERKER.ROLLEN).from(MEDEWERKER).where(MEDEWERKER.ID.eq(sven)).fetchOne(MEDEWERKER.ROLLEN));
        assertEquals(0, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(TeamsAndRoles.CHANGED)));

        // A name of exactly 60 characters is fine; a new name is trimmed; a name that differs only in case joins that team.
        String sixty = "Team " + "y".repeat(55);
        assertEquals(303, save(priya, sven, "", "  " + sixty + " ", "CONSULENT").statusCode());
        assertEquals(sixty, db.select(MEDEWERKER.TEAM).from(MEDEWERKER).where(MEDEWERKER.ID.eq(sven)).fetchOne(MEDEWERKER.TEAM));
        assertEquals(303, save(priya, sven, "", "  team   zuid ", "CONSULENT").statusCode());
        assertEquals("Team Zuid", db.select(MEDEWERKER.TEAM).from(MEDEWERKER).where(MEDEWERKER.ID.eq(sven)).fetchOne(MEDEWERKER.TEAM));
    }

    @Test
    void aBeheerderKeepsTheirOwnBeheerderRoleButAnotherMayTakeItAway() {
        long priyaId = employeeId(PRIYA);
        long lotte = employeeId(LOTTE);
        WebClient priya = employee(PRIYA);
        HttpResponse<String> own = save(priya, priyaId, "Team Zuid", "", "CONSULENT");
        assertEquals(400, own.statusCode());
        Document page = Jsoup.parse(own.body());
        assertTrue(page.select("#fouten a[href=\"#rollen-" + priyaId + "\"]").text().startsWith("Je kunt de rol \"Beheerder\" niet bij jezelf weghalen."),
                page.select("#fouten").text());
        assertTrue(page.select("#rollen-" + priyaId + "-fout").hasText());
        assertTrue(page.select("#rollen-" + priyaId).hasAttr("checked"), "CONSULENT as sent");
        assertFalse(page.select("#rollen-" + priyaId + "-BEHEERDER").hasAttr("checked"), "BEHEERDER as sent");
        assertEquals("BEHEERDER", db.select(MEDEWERKER.ROLLEN).from(MEDEWERKER).where(MEDEWERKER.ID.eq(priyaId)).fetchOne(MEDEWERKER.ROLLEN));

        // Priya makes Lotte a beheerder too; Lotte (at once, in her open session) may take Priya's role away.
        WebClient lotteWeb = employee(LOTTE);
        assertEquals(303, save(priya, lotte, "Team Zuid", "", "CONSULENT", "TEAMLEIDER", "BEHEERDER").statusCode());
        assertEquals(303, save(lotteWeb, priyaId, "Team Zuid", "", "CONSULENT").statusCode());
        assertEquals("CONSULENT", db.select(MEDEWERKER.ROLLEN).from(MEDEWERKER).where(MEDEWERKER.ID.eq(priyaId)).fetchOne(MEDEWERKER.ROLLEN));
        assertEquals(2, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(TeamsAndRoles.CHANGED)));
        assertNotEquals(403, employee(LOTTE).get(PATH).statusCode());
    }

    /** Sends employee {@code id}'s form as the page does: the team chosen, a new team's name, a checkbox per role. */
    private static HttpResponse<String> save(WebClient web, long id, String team, String newTeam, String... roles) {
        HttpResponse<String> page = web.get(PATH);
        String token = WebClient.csrfToken(page.statusCode() == 200 ? page.body() : web.get("/consulent").body());
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("csrfToken", token), Map.entry("team", team),
                Map.entry("nieuwTeam", newTeam)));
        for (String role : roles) {
            fields.add(Map.entry("rol", role));
        }
        return web.postFields(PATH + "/" + id, fields);
    }

    private static String errorsOf(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        return Jsoup.parse(response.body()).select("#fouten").text();
    }

    private void seed(String subject, String team, String roles) {
        db.update(MEDEWERKER).set(MEDEWERKER.TEAM, team).set(MEDEWERKER.ROLLEN, roles).where(MEDEWERKER.OIDC_SUBJECT.eq(subject)).execute();
    }

    private long employeeId(String subject) {
        return db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(subject)).fetchSingle(MEDEWERKER.ID);
    }

    private long citizenId(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }
}

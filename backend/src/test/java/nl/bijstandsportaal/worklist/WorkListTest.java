package nl.bijstandsportaal.worklist;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.conversations.Conversations;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK;
import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREKSVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREK;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.WERKITEM_BEHANDELAAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consulent's work list over HTTP: what is open for the team's citizens by days left, claiming and assigning
 * (within the team only), search audited, the team lead's view; another municipality's work does not exist.
 */
@MicronautTest
class WorkListTest extends PortalTest {

    @Inject
    DSLContext db;

    @Inject
    Conversations conversations;

    @Test
    void aMessageIsClaimedAssignedAndGivenBackWithinTheTeamOnly() {
        long henk = id(HENK);
        String thread = db.transactionResult(tx -> conversations.start(tx.dsl(), henk,
                new Conversations.Typed("Vraag over de meedoenregeling", "Kan ik de pas ook voor mijn zoon krijgen?", List.of())));
        String key = "gesprek/" + thread;
        WebClient dennis = employee(DENNIS);
        Document list = Jsoup.parse(dennis.get("/consulent?wie=team&soort=bericht").body());
        Element item = item(list, "Vraag over de meedoenregeling");
        assertTrue(item.text().contains("Henk Bakker") && item.text().contains("Nog geen behandelaar") && item.text().contains("Nieuw"), item.text());
        assertTrue(item.text().contains("(tot en met "), item.text()); // the promised reply day

        String token = WebClient.csrfToken(list.html());
        HttpResponse<String> claimed = dennis.postForm("/consulent/werk", Map.of("csrfToken", token, "sleutel", key, "oppakken", "ja",
                "terug", "/consulent?wie=team&soort=bericht"));
        assertEquals(303, claimed.statusCode(), claimed.body());
        assertTrue(WebClient.location(claimed).startsWith("/consulent?wie=team&soort=bericht&opgeslagen=ja"));
        assertTrue(item(Jsoup.parse(dennis.get("/consulent?soort=bericht").body()), "Vraag over de meedoenregeling").text()
                .contains("Behandelaar: Dennis de Boer"));

        long lotte = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(LOTTE)).fetchSingle(MEDEWERKER.ID);
        long marieke = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(MARIEKE)).fetchSingle(MEDEWERKER.ID);
        assertEquals(303, dennis.postForm("/consulent/werk", Map.of("csrfToken", token, "sleutel", key, "aan", String.valueOf(lotte))).statusCode());
        // Now Lotte's, not Dennis's.
        assertTrue(Jsoup.parse(employee(LOTTE).get("/consulent?soort=bericht").body()).text().contains("Vraag over de meedoenregeling"));
        assertFalse(Jsoup.parse(dennis.get("/consulent?soort=bericht").body()).text().contains("Vraag over de meedoenregeling"));
        // A consulent of another municipality is no colleague; an item that does not exist is 404.
        assertEquals(400, dennis.postForm("/consulent/werk", Map.of("csrfToken", token, "sleutel", key, "aan", String.valueOf(marieke))).statusCode());
        assertEquals(404, dennis.postForm("/consulent/werk", Map.of("csrfToken", token, "sleutel", "gesprek/bestaat-niet", "oppakken", "ja")).statusCode());
        assertEquals(lotte, db.select(WERKITEM_BEHANDELAAR.MEDEWERKER_ID).from(WERKITEM_BEHANDELAAR).where(WERKITEM_BEHANDELAAR.SLEUTEL.eq(key))
                .fetchSingle(WERKITEM_BEHANDELAAR.MEDEWERKER_ID));
        // Given back: nobody's again.
        assertEquals(303, dennis.postForm("/consulent/werk", Map.of("csrfToken", token, "sleutel", key, "aan", "")).statusCode());
        assertTrue(Jsoup.parse(dennis.get("/consulent?wie=vrij&soort=bericht").body()).text().contains("Vraag over de meedoenregeling"));
        assertEquals(3, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(henk)
                .and(AUDIT_EVENT.ACTION.in("WERKITEM_OPGEPAKT", "WERKITEM_TOEGEWEZEN", "WERKITEM_VRIJGEGEVEN"))));

        // Westland's consulent does not see Utrecht's work, and cannot claim it.
        WebClient westland = employee(MARIEKE);
        assertFalse(westland.get("/consulent?wie=team").body().contains("Vraag over de meedoenregeling"));
        assertEquals(404, westland.postForm("/consulent/werk", Map.of("csrfToken", WebClient.csrfToken(westland.get("/consulent").body()),
                "sleutel", key, "oppakken", "ja")).statusCode());
    }

    @Test
    void aLateAnswerIsFlaggedAndTheListIsOrderedByDaysLeft() {
        long henk = id(HENK);
        String late = db.transactionResult(tx -> conversations.start(tx.dsl(), henk,
                new Conversations.Typed("Al lang geen antwoord", "Hallo?", List.of())));
        String fresh = db.transactionResult(tx -> conversations.start(tx.dsl(), henk,
                new Conversations.Typed("Een nieuwe vraag", "Nog een vraag", List.of())));
        // The first came three weeks ago: past the reply time.
        db.update(GESPREK).set(GESPREK.WACHT_OP_ANTWOORD_SINDS, LocalDateTime.of(nl.bijstandsportaal.testsupport.TestToday.date().minusWeeks(3), java.time.LocalTime.NOON))
                .where(GESPREK.PUBLIC_ID.eq(late)).execute();
        Document list = Jsoup.parse(employee(DENNIS).get("/consulent?wie=team&soort=bericht").body());
        Element first = item(list, "Al lang geen antwoord");
        assertTrue(first.text().contains("over de termijn"), first.text());
        String text = list.select(".portal-worklist").text();
        assertTrue(text.indexOf("Al lang geen antwoord") < text.indexOf("Een nieuwe vraag"), text);
        assertTrue(Jsoup.parse(employee(DENNIS).get("/consulent?wie=team&stand=te_laat").body()).text().contains("Al lang geen antwoord"));
        assertFalse(Jsoup.parse(employee(DENNIS).get("/consulent?wie=team&stand=te_laat").body()).text().contains("Een nieuwe vraag"));
        assertTrue(fresh.length() > 0);
    }

    @Test
    void searchingByNameOrBsnIsAuditedAndTheTeamLeadSeesTheLoad() {
        WebClient dennis = employee(DENNIS);
        long henk = id(HENK);
        db.transaction(tx -> conversations.start(tx.dsl(), henk, new Conversations.Typed("Zoekvraag", "Vind mij", List.of())));
        int before = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("WERKLIJST_GEZOCHT"));
        assertTrue(Jsoup.parse(dennis.get("/consulent?wie=team&zoek=" + HENK).body()).text().contains("Zoekvraag"));
        assertTrue(Jsoup.parse(dennis.get("/consulent?wie=team&zoek=bakker").body()).text().contains("Zoekvraag"));
        assertFalse(Jsoup.parse(dennis.get("/consulent?wie=team&zoek=jansen").body()).text().contains("Zoekvraag"));
        assertEquals(before + 3, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("WERKLIJST_GEZOCHT")));

        // The team lead's page: only for a team lead.
        assertEquals(403, dennis.get("/consulent/team").statusCode());
        HttpResponse<String> team = employee(LOTTE).get("/consulent/team");
        assertEquals(200, team.statusCode());
        String teamText = Jsoup.parse(team.body()).text();
        assertTrue(teamText.contains("Dennis de Boer") && teamText.contains("Lotte Visser") && !teamText.contains("Marieke Jansen"), teamText);
        // A citizen on the consulent's routes: refused.
        int refused = citizen(HENK).get("/consulent").statusCode();
        assertTrue(refused == 403 || refused == 303 || refused == 401, "status " + refused);
    }

    @Test
    void appointmentsAskForTheConsulentWhenTheCitizenAsksOrTheOutcomeIsMissing() {
        long henk = id(HENK);
        long dennis = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(DENNIS)).fetchSingle(MEDEWERKER.ID);
        LocalDateTime now = nl.bijstandsportaal.testsupport.TestToday.utc();
        appointment(henk, dennis, "Gesprek over werk", now.plusDays(3), "ANDERE_TIJD");
        appointment(henk, dennis, "Gesprek over je schulden", now.minusDays(2), "BEVESTIGD");
        appointment(henk, dennis, "Kennismaking", now.plusDays(5), "BEVESTIGD"); // nothing to do yet
        db.insertInto(GESPREKSVERZOEK).set(GESPREKSVERZOEK.PUBLIC_ID, java.util.UUID.randomUUID().toString()).set(GESPREKSVERZOEK.BURGER_ID, henk)
                .set(GESPREKSVERZOEK.ONDERWERP, "Ik wil praten over een opleiding").set(GESPREKSVERZOEK.VORM, "KANTOOR")
                .set(GESPREKSVERZOEK.STATUS, "OPEN").set(GESPREKSVERZOEK.GEVRAAGD_OP, now).execute();
        String list = Jsoup.parse(employee(DENNIS).get("/consulent?soort=afspraak").body()).select(".portal-worklist").text();
        assertTrue(list.contains("Gesprek over werk") && list.contains("de burger vraagt een andere tijd"), list);
        assertTrue(list.contains("Gesprek over je schulden") && list.contains("leg vast of de burger kwam"), list);
        assertTrue(list.contains("over de termijn"), list); // two days ago, recorded within a day
        assertTrue(list.contains("De burger vraagt een gesprek: Ik wil praten over een opleiding"), list);
        assertFalse(list.contains("Kennismaking"), list);
    }

    private void appointment(long burger, long medewerker, String about, LocalDateTime at, String answer) {
        db.insertInto(AFSPRAAK).set(AFSPRAAK.PUBLIC_ID, java.util.UUID.randomUUID().toString()).set(AFSPRAAK.BURGER_ID, burger)
                .set(AFSPRAAK.MEDEWERKER_ID, medewerker).set(AFSPRAAK.BEGINT_OP, at).set(AFSPRAAK.DUUR_MINUTEN, 30)
                .set(AFSPRAAK.VORM, "TELEFOON").set(AFSPRAAK.ONDERWERP, about).set(AFSPRAAK.STATUS, "GEPLAND").set(AFSPRAAK.ANTWOORD, answer)
                .set(AFSPRAAK.ANTWOORD_OP, at.minusDays(7)).set(AFSPRAAK.VERSIE, 1).set(AFSPRAAK.GEPLAND_OP, at.minusDays(10))
                .set(AFSPRAAK.GEWIJZIGD_OP, at.minusDays(7)).execute();
    }

    private static Element item(Document list, String what) {
        return list.select(".portal-worklist__item").stream().filter(e -> e.text().contains(what)).findFirst()
                .orElseThrow(() -> new AssertionError("not in the list: " + what + "\n" + list.text()));
    }

    private long id(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }
}

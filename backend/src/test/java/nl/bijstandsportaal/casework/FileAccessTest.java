package nl.bijstandsportaal.casework;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOSSIER_OVERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consulent sees the citizens of their own team; a citizen of another team only after taking the file over, with a
 * reason, audited, and the citizen reads who looked, when and why. Another municipality's citizen does not exist.
 */
@MicronautTest
class FileAccessTest extends PortalTest {

    @Inject
    DSLContext db;

    @Test
    void anotherTeamTakesTheFileOverWithAReasonTheCitizenReads() {
        long henk = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(HENK)).fetchSingle(BURGER.ID);
        WebClient sven = employee(SVEN);
        // Not in Sven's team: not in his lists, and the file asks for a takeover first.
        assertFalse(sven.get("/consulent/burgers").body().contains("Henk Bakker"));
        HttpResponse<String> closed = sven.get("/consulent/burgers/" + henk);
        assertEquals(403, closed.statusCode());
        String closedText = Jsoup.parse(closed.body()).text();
        assertTrue(closedText.contains("Henk Bakker hoort bij een ander team") && closedText.contains("Dennis de Boer"), closedText);
        assertFalse(closedText.contains("Zuidweg") || closedText.contains("Geboortedatum"), closedText);
        assertEquals(404, sven.get("/consulent/burgers/" + henk + "/situatie").statusCode());

        String token = WebClient.csrfToken(closed.body());
        HttpResponse<String> noReason = sven.postForm("/consulent/burgers/" + henk + "/overnemen", Map.of("csrfToken", token, "reden", " "));
        assertEquals(400, noReason.statusCode());
        assertTrue(Jsoup.parse(noReason.body()).text().contains("Waarom neem je dit dossier over: schrijf de reden op."));
        assertEquals(0, db.fetchCount(DOSSIER_OVERNAME));

        String reason = "Henk staat aan de balie en Dennis is ziek.";
        HttpResponse<String> taken = sven.postForm("/consulent/burgers/" + henk + "/overnemen", Map.of("csrfToken", token, "reden", reason));
        assertEquals(303, taken.statusCode(), taken.body());
        HttpResponse<String> open = sven.get("/consulent/burgers/" + henk);
        assertEquals(200, open.statusCode());
        assertTrue(Jsoup.parse(open.body()).text().contains("Henk Bakker"));
        assertEquals(1, db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(henk).and(AUDIT_EVENT.ACTION.eq("DOSSIER_OVERGENOMEN"))));

        // Henk reads who looked: Sven, his team and his reason.
        String looked = Jsoup.parse(citizen(HENK).get("/wie-keek").body()).text();
        assertTrue(looked.contains("Sven Bos (Team Noord)") && looked.contains("Reden: " + reason) && looked.contains("Bekeek je dossier."), looked);
        // Only his own looks: Sanne's page does not show Henk's.
        assertFalse(Jsoup.parse(citizen(SANNE).get("/wie-keek").body()).text().contains("Sven Bos"));
    }

    @Test
    void theOwnTeamOpensTheFileAndAnotherMunicipalityNeverDoes() {
        long henk = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(HENK)).fetchSingle(BURGER.ID);
        assertEquals(200, employee(DENNIS).get("/consulent/burgers/" + henk).statusCode());
        assertEquals(200, employee(LOTTE).get("/consulent/burgers/" + henk).statusCode());
        WebClient marieke = employee(MARIEKE);
        assertEquals(404, marieke.get("/consulent/burgers/" + henk).statusCode());
        assertEquals(404, marieke.postForm("/consulent/burgers/" + henk + "/overnemen",
                Map.of("csrfToken", WebClient.csrfToken(marieke.get("/consulent").body()), "reden", "Zomaar")).statusCode());
        assertEquals(0, db.fetchCount(DOSSIER_OVERNAME));
        int refused = citizen(HENK).get("/consulent/burgers/" + henk).statusCode();
        assertTrue(refused == 403 || refused == 303 || refused == 401, "status " + refused);
    }
}

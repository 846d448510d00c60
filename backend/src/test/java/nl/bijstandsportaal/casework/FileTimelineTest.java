package nl.bijstandsportaal.casework;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.conversations.Conversations;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline of a citizen's file: what the citizen and the municipality did, whole and newest first; only for the team. */
@MicronautTest
class FileTimelineTest extends PortalTest {

    @Inject
    DSLContext db;

    @Inject
    Conversations conversations;

    @Test
    void everythingInTheFileIsOnOneTimeline() {
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchSingle(BURGER.ID);
        db.transaction(tx -> conversations.start(tx.dsl(), fatima, new Conversations.Typed("Vraag over de toeslag",
                "Mijn toeslag is gestopt.\nWat moet ik doen?", List.of())));
        WebClient marieke = employee(MARIEKE);
        String token = WebClient.csrfToken(marieke.get("/consulent/burgers/" + fatima).body());
        assertEquals(303, marieke.postForm("/consulent/burgers/" + fatima + "/documentverzoeken", Map.of("csrfToken", token,
                "wat", "Brief van de Belastingdienst", "waarom", "Dan zien we wat er stopte.",
                "uiterlijk", nl.bijstandsportaal.testsupport.TestToday.date().plusDays(14).toString(), "gecontroleerd", "ja")).statusCode());

        var page = Jsoup.parse(marieke.get("/consulent/burgers/" + fatima + "/tijdlijn").body());
        String text = page.text();
        assertTrue(text.contains("Bericht van de burger in Vraag over de toeslag") && text.contains("Wat moet ik doen?"), text);
        assertTrue(text.contains("Gevraagd: Brief van de Belastingdienst") && text.contains("Marieke Jansen"), text);
        // The notification as the citizen got it, and how it went out (Fatima has no app and no e-mail address here).
        assertTrue(text.contains("Melding aan de burger") && text.contains("Je consulent vraagt je om een papier te sturen")
                && text.contains("alleen in het portaal"), text);
        assertEquals(404, employee(DENNIS).get("/consulent/burgers/" + fatima + "/tijdlijn").statusCode());
    }
}

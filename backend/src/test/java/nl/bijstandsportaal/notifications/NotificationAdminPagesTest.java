package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.testsupport.TestToday;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestRows;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The beheerder sees the outbox of their own municipality with the reasons of what was given up; the demo's developer
 * page shows what the recording senders received (no Firebase or SMTP configured in the test run).
 */
@MicronautTest
class NotificationAdminPagesTest extends PortalTest {

    @Inject
    DSLContext db;
    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;

    private String device(String bsn) {
        long burger = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
        String token = "demo-phone-" + UUID.randomUUID();
        TestRows.device(db, burger, token);
        return token;
    }

    private String messageFor(String bsn) {
        long burger = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
        long id = db.transactionResult(tx -> outbox.write(tx.dsl(), new Outbox.Message(burger, Topic.STATUS, "test/" + UUID.randomUUID(),
                "notification.income.soon", null, null), TestToday.instant())).orElseThrow();
        return db.select(MELDING.PUBLIC_ID).from(MELDING).where(MELDING.ID.eq(id)).fetchSingle(MELDING.PUBLIC_ID);
    }

    @Test
    void theBeheerderSeesWhatWasGivenUpInTheirOwnMunicipalityOnly() {
        device(HENK);
        device(SANNE);
        String henks = messageFor(HENK);   // Utrecht
        String sannes = messageFor(SANNE); // Westland
        db.update(BEZORGING).set(BEZORGING.STATUS, Outbox.Delivery.GAVE_UP).set(BEZORGING.POGINGEN, 8)
                .set(BEZORGING.REDEN, "FCM INTERNAL (HTTP 500) (after 8 tries)")
                .where(BEZORGING.MELDING_ID.in(db.select(MELDING.ID).from(MELDING).where(MELDING.PUBLIC_ID.in(henks, sannes)))).execute();

        HttpResponse<String> page = employee(PRIYA).get("/beheer/meldingen");

        assertEquals(200, page.statusCode());
        String text = Jsoup.parse(page.body()).text();
        assertTrue(text.contains(henks) && text.contains("FCM INTERNAL (HTTP 500) (after 8 tries)"), text);
        assertFalse(text.contains(sannes), "Westland's outbox is not Utrecht's business");
        assertFalse(text.contains("Henk"), "no names on this page");
        assertNotEquals(200, employee(DENNIS).get("/beheer/meldingen").statusCode(), "a consulent is no beheerder");
    }

    /** Messages without a phone or e-mail address to send to are counted too: zeros and "Alles is gelukt" would be false. */
    @Test
    void theBeheerderSeesTheMessagesInTheInboxAndNothingFalse() {
        String before = Jsoup.parse(employee(PRIYA).get("/beheer/meldingen").body()).text();
        int inboxBefore = inboxCount(before);
        messageFor(JAN); // Utrecht; Jan has no phone and no e-mail address
        org.jsoup.nodes.Document page = Jsoup.parse(employee(PRIYA).get("/beheer/meldingen").body());
        String text = page.text();
        assertEquals(inboxBefore + 1, inboxCount(text), text);
        assertTrue(text.contains("zonder pushbericht of e-mail"), text);
        if (page.select("#problemen-caption").isEmpty()) {
            assertTrue(text.contains("Alles is gelukt") || text.contains("Er zijn nog geen pushberichten of e-mails verstuurd"), text);
        }

        // The start page of a beheerder (no consulent) says what they can do, and how many citizens the municipality has.
        String home = Jsoup.parse(employee(PRIYA).get("/consulent").body()).text();
        int citizens = db.fetchCount(BURGER, BURGER.GEMEENTE_ID.eq(db.select(BURGER.GEMEENTE_ID).from(BURGER).where(TestRows.bsnIs(JAN))));
        assertTrue(home.contains("In het portaal staan nu " + citizens + " burgers van Utrecht."), home);
        assertFalse(home.contains("Er zijn nog geen burgers"), home);
        assertFalse(home.contains("Henk"), "a beheerder sees no names");
    }

    private static int inboxCount(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Berichten in de inbox van burgers: (\\d+)").matcher(text);
        assertTrue(m.find(), text);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theDemoDeveloperPageShowsWhatWasRecordedInsteadOfSent() {
        long jan = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(JAN)).fetchSingle(BURGER.ID);
        String token = device(JAN);
        db.update(BURGER).set(BURGER.STILLE_UREN_VAN, java.time.LocalTime.MIDNIGHT).set(BURGER.STILLE_UREN_TOT, java.time.LocalTime.MIDNIGHT)
                .where(BURGER.ID.eq(jan)).execute();
        messageFor(JAN);

        dispatcher.dispatchAll();

        String text = Jsoup.parse(browser().get("/demo/verzonden").body()).text();
        assertTrue(text.contains("Naar: " + token), text);
        assertTrue(text.contains("Er staat een bericht voor je klaar. Log in om het te lezen."), text);
    }
}

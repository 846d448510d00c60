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
        long burger = db.select(BURGER.ID).from(BURGER).where(BURGER.BSN.eq(bsn)).fetchSingle(BURGER.ID);
        String token = "demo-phone-" + UUID.randomUUID();
        TestRows.device(db, burger, token);
        return token;
    }

    private String messageFor(String bsn) {
        long burger = db.select(BURGER.ID).from(BURGER).where(BURGER.BSN.eq(bsn)).fetchSingle(BURGER.ID);
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

    @Test
    void theDemoDeveloperPageShowsWhatWasRecordedInsteadOfSent() {
        long jan = db.select(BURGER.ID).from(BURGER).where(BURGER.BSN.eq(JAN)).fetchSingle(BURGER.ID);
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

package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.testsupport.TestToday;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestRows;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message is written once per citizen and event, with a delivery per device and one by e-mail. */
@MicronautTest
class OutboxTest extends PortalTest {

    @Inject
    DSLContext db;
    @Inject
    Outbox outbox;

    @Test
    void oncePerEventWithADeliveryPerDeviceAndEmail() {
        long sanne = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
        db.update(BURGER).set(BURGER.EMAIL, "sanne@example.org").where(BURGER.ID.eq(sanne)).execute();
        for (String token : new String[]{"phone-" + UUID.randomUUID(), "tablet-" + UUID.randomUUID()}) {
            TestRows.device(db, sanne, token);
        }
        String key = "test/" + UUID.randomUUID();
        Outbox.Message message = new Outbox.Message(sanne, Topic.INKOMSTEN, key, "notification.test", null, "/inkomsten");
        Instant now = TestToday.instant();

        Optional<Long> first = db.transactionResult(tx -> outbox.write(tx.dsl(), message, now));
        Optional<Long> again = db.transactionResult(tx -> outbox.write(tx.dsl(), message, now.plusSeconds(3600)));

        assertTrue(first.isPresent());
        assertTrue(again.isEmpty(), "the same event again: nothing new");
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(sanne).and(MELDING.SLEUTEL.eq(key))));
        int devices = db.fetchCount(DEVICE, DEVICE.BURGER_ID.eq(sanne));
        assertEquals(devices, db.fetchCount(BEZORGING, BEZORGING.MELDING_ID.eq(first.get()).and(BEZORGING.KANAAL.eq("PUSH"))));
        assertEquals(1, db.fetchCount(BEZORGING, BEZORGING.MELDING_ID.eq(first.get()).and(BEZORGING.KANAAL.eq("EMAIL"))));
        assertEquals(devices + 1, db.fetchCount(BEZORGING, BEZORGING.MELDING_ID.eq(first.get()).and(BEZORGING.STATUS.eq("WACHT"))));
    }

    @Test
    void aRolledBackCauseLeavesNoMessage() {
        long sanne = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
        String key = "test/" + UUID.randomUUID();
        try {
            db.transaction(tx -> {
                outbox.write(tx.dsl(), new Outbox.Message(sanne, Topic.STATUS, key, "notification.test", null, null), TestToday.instant());
                throw new IllegalStateException("the cause fails after the message was written");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(0, db.fetchCount(MELDING, MELDING.SLEUTEL.eq(key)));
    }
}

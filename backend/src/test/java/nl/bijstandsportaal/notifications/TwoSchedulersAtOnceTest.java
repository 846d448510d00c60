package nl.bijstandsportaal.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.MutableClock;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two app instances run the reminder scheduler at the same moment on one database (issue 16): every citizen gets the
 * reminder once and every phone one delivery, also when both runs have the very same time (the worst case for the
 * outbox's "written by this run" condition). The unique keys on (citizen, event) and (message, channel, device) make
 * the second writer's rows no-ops; neither run fails. Sending them once is DispatcherTest's two dispatchers.
 */
@MicronautTest
class TwoSchedulersAtOnceTest extends PortalTest {

    private static final int CITIZENS = 3_000;
    private static final String NAME = "Tweemaal";

    @Inject
    DSLContext db;
    @Inject
    RulesService rules;
    @Inject
    Outbox outbox;
    @Inject
    MessageArguments arguments;

    @Test
    void twoInstancesRunningTheSchedulerAtOnceWriteEveryReminderAndDeliveryOnce() throws Exception {
        long westland = db.select(GEMEENTE.ID).from(GEMEENTE).where(GEMEENTE.CODE.eq("1783")).fetchSingle(GEMEENTE.ID);
        var insert = db.insertInto(BURGER, BURGER.GEMEENTE_ID, BURGER.BSN, BURGER.VOORNAAM, BURGER.ACHTERNAAM, BURGER.GEBOORTEDATUM,
                BURGER.LEEFVORM, BURGER.STRAAT, BURGER.HUISNUMMER, BURGER.POSTCODE, BURGER.WOONPLAATS, BURGER.BIJSTAND_SINDS);
        for (int i = 0; i < CITIZENS; i++) {
            insert = insert.values(westland, String.format("6%08d", i), "Test", NAME, LocalDate.parse("1980-05-05"), "ALLEENSTAAND",
                    "Teststraat", "1", "1234AB", "Teststad", LocalDate.parse("2025-01-01"));
        }
        insert.execute();
        // Two phones each.
        LocalDateTime seen = LocalDateTime.ofInstant(morning("2026-11-01"), ZoneOffset.UTC);
        db.execute("INSERT INTO device (public_id, burger_id, push_token, platform, app_version, created_at, last_seen_at) "
                + "SELECT UUID(), b.id, CONCAT('twice-', b.id, '-', n.n), 'ANDROID', 'test', ?, ? FROM burger b "
                + "JOIN (SELECT 1 n UNION ALL SELECT 2) n WHERE b.achternaam = ?", seen, seen, NAME);

        // Three days before Westland's deadline for October: the "binnenkort" reminder is due for all of them.
        MutableClock clock = new MutableClock(morning("2026-11-08"));
        int othersBefore = others();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int instance = 0; instance < 2; instance++) {
                ReminderScheduler scheduler = new ReminderScheduler(db, rules, outbox, arguments,
                        new DeviceSettings(Duration.ofDays(90), Duration.ofDays(14)), clock);
                runs.add(two.submit((Callable<Integer>) () -> {
                    together.await();
                    return scheduler.run();
                }));
            }
            int written = 0;
            for (Future<Integer> run : runs) {
                written += run.get(); // neither run fails (a deadlock or a duplicate key would be thrown here)
            }
            var ours = MELDING.BURGER_ID.in(DSL.select(BURGER.ID).from(BURGER).where(BURGER.ACHTERNAAM.eq(NAME)));
            int messages = db.fetchCount(MELDING, ours);
            assertEquals(CITIZENS, db.fetchCount(MELDING, ours.and(MELDING.SLEUTEL.eq("inkomsten/2026-10/binnenkort"))),
                    "each citizen the reminder for October once");
            assertEquals(0, messages % CITIZENS, "every citizen the same messages: " + messages);
            assertEquals(messages, written - (others() - othersBefore), "the runs together wrote each message once");
            assertEquals(2 * messages, db.selectCount().from(BEZORGING).join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                    .where(ours).and(BEZORGING.KANAAL.eq(Channel.PUSH.name())).fetchOne(0, int.class), "one delivery per message and phone");
        } finally {
            two.shutdownNow();
        }
    }

    /** Reminders the demo citizens of this test's own database get on the same day (not ours to count). */
    private int others() {
        return db.fetchCount(MELDING, MELDING.BURGER_ID.notIn(DSL.select(BURGER.ID).from(BURGER).where(BURGER.ACHTERNAAM.eq(NAME))));
    }

    private static Instant morning(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(Today.DUTCH_TIME).toInstant();
    }
}

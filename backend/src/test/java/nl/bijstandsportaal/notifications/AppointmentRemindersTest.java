package nl.bijstandsportaal.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.MutableClock;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestRows;
import nl.bijstandsportaal.testsupport.TestToday;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK;
import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appointment reminders with a moved clock, dated from the suite's one day: the day before from 10:00 and two hours
 * before, each once; quiet hours hold a reminder back, but not past the appointment (then it goes at once); a reminder
 * not sent before the start is not sent at all; after downtime only the stage due now; none for a stage the
 * appointment was planned inside of, nor for a cancelled one.
 */
@MicronautTest
class AppointmentRemindersTest extends PortalTest {

    private static final LocalDate TODAY = TestToday.date();

    @Inject
    DSLContext db;
    @Inject
    RulesService rules;
    @Inject
    Outbox outbox;
    @Inject
    MessageArguments arguments;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    PushSender push;
    @Inject
    EmailSender email;
    @Inject
    NotificationSettings settings;
    @Inject
    Messages messages;

    final MutableClock clock = new MutableClock(TestToday.instant());
    long jan;

    @BeforeEach
    void setUp() {
        jan = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(JAN)).fetchSingle(BURGER.ID);
        db.update(BURGER).set(BURGER.EMAIL, "jan@example.org").set(BURGER.STILLE_UREN_VAN, LocalTime.of(21, 0))
                .set(BURGER.STILLE_UREN_TOT, LocalTime.of(8, 0)).where(BURGER.ID.eq(jan)).execute();
        if (!db.fetchExists(nl.bijstandsportaal.platform.db.generated.Tables.DEVICE,
                nl.bijstandsportaal.platform.db.generated.Tables.DEVICE.BURGER_ID.eq(jan))) {
            TestRows.device(db, jan, "jan-phone-" + UUID.randomUUID());
        }
        // Only what this test writes waits in the outbox.
        db.update(BEZORGING).set(BEZORGING.STATUS, Outbox.Delivery.SKIPPED).where(BEZORGING.STATUS.eq(Outbox.Delivery.WAITING)).execute();
    }

    private void runAt(LocalDate day, LocalTime time) {
        clock.set(at(day, time));
        new ReminderScheduler(db, rules, outbox, arguments, new DeviceSettings(Duration.ofDays(3650), Duration.ofDays(14)), clock).run();
    }

    private void dispatchAt(LocalDate day, LocalTime time) {
        clock.set(at(day, time));
        new Dispatcher(deliveries, push, email, settings, messages, clock, "http://localhost").dispatchAll();
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(TestToday.DUTCH_TIME).toInstant();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A planned appointment for Jan starting at {@code start}, whose time was set at {@code setAt}; returns its public id. */
    private String appointment(Instant start, Instant setAt, String status) {
        long medewerker = db.select(MEDEWERKER.ID).from(MEDEWERKER).limit(1).fetchSingle(MEDEWERKER.ID);
        String id = UUID.randomUUID().toString();
        db.insertInto(AFSPRAAK).set(AFSPRAAK.PUBLIC_ID, id).set(AFSPRAAK.BURGER_ID, jan).set(AFSPRAAK.MEDEWERKER_ID, medewerker)
                .set(AFSPRAAK.BEGINT_OP, utc(start)).set(AFSPRAAK.DUUR_MINUTEN, 30).set(AFSPRAAK.VORM, "TELEFOON")
                .set(AFSPRAAK.ONDERWERP, "Gesprek").set(AFSPRAAK.STATUS, status).set(AFSPRAAK.ANTWOORD, "GEEN").set(AFSPRAAK.VERSIE, 1)
                .set(AFSPRAAK.GEPLAND_OP, utc(setAt)).set(AFSPRAAK.GEWIJZIGD_OP, utc(setAt)).execute();
        return id;
    }

    private List<String> keys(String id) {
        return db.select(MELDING.SLEUTEL).from(MELDING).where(MELDING.BURGER_ID.eq(jan)).and(MELDING.SLEUTEL.like("afspraak/" + id + "/%"))
                .orderBy(MELDING.ID).fetch(MELDING.SLEUTEL);
    }

    private List<String> deliveryStates(String key) {
        return db.select(BEZORGING.STATUS).from(BEZORGING).join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .where(MELDING.BURGER_ID.eq(jan)).and(MELDING.SLEUTEL.eq(key)).orderBy(BEZORGING.KANAAL).fetch(BEZORGING.STATUS);
    }

    @Test
    void theDayBeforeAndTwoHoursBeforeEachOnceAndQuietHoursHoldThemBack() {
        LocalDate day = TODAY.plusDays(2);
        String id = appointment(at(day, LocalTime.of(9, 0)), TestToday.instant(), "GEPLAND");
        String dayKey = "afspraak/" + id + "/1/dag";
        String hoursKey = "afspraak/" + id + "/1/uur";

        runAt(day.minusDays(1), LocalTime.of(9, 59));
        assertEquals(List.of(), keys(id), "before 10:00 the day before: nothing yet");
        runAt(day.minusDays(1), LocalTime.of(10, 0));
        runAt(day.minusDays(1), LocalTime.of(10, 15));
        assertEquals(List.of(dayKey), keys(id), "the day before: once, however often the scheduler runs");
        var row = db.selectFrom(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(id)).fetchSingle();
        assertEquals(utc(at(day.minusDays(1), LocalTime.of(10, 0))), row.getHerinneringDagOp(), "the file records when it was sent");
        assertNull(row.getHerinneringUurOp());
        var dayMessage = db.selectFrom(MELDING).where(MELDING.BURGER_ID.eq(jan)).and(MELDING.SLEUTEL.eq(dayKey)).fetchSingle();
        assertEquals("notification.appointment.dayBefore", dayMessage.getTekst());
        assertEquals("[\"" + day + "\",\"09:00\"]", dayMessage.getArgumenten());
        assertEquals("/afspraken/" + id, dayMessage.getLink());
        assertEquals(utc(at(day, LocalTime.of(9, 0))), dayMessage.getUiterlijkOp());
        dispatchAt(day.minusDays(1), LocalTime.of(10, 15));
        assertEquals(List.of("VERSTUURD", "VERSTUURD"), deliveryStates(dayKey), "e-mail and push, outside the quiet hours");

        // Two hours before is 07:00, inside Jan's quiet hours (until 08:00, still before the appointment): held back until 08:00.
        runAt(day, LocalTime.of(6, 59));
        assertEquals(List.of(dayKey), keys(id));
        runAt(day, LocalTime.of(7, 0));
        assertEquals(List.of(dayKey, hoursKey), keys(id));
        assertNotNull(db.select(AFSPRAAK.HERINNERING_UUR_OP).from(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(id)).fetchSingle().value1());
        dispatchAt(day, LocalTime.of(7, 0));
        assertEquals(List.of("WACHT", "WACHT"), deliveryStates(hoursKey), "quiet hours are respected");
        var waiting = db.select(BEZORGING.NIET_VOOR).from(BEZORGING).join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .where(MELDING.SLEUTEL.eq(hoursKey)).fetch(BEZORGING.NIET_VOOR);
        assertTrue(waiting.stream().allMatch(t -> t.equals(utc(at(day, LocalTime.of(8, 0))))), waiting.toString());
        dispatchAt(day, LocalTime.of(8, 0));
        assertEquals(List.of("VERSTUURD", "VERSTUURD"), deliveryStates(hoursKey));
        runAt(day, LocalTime.of(8, 30));
        assertEquals(List.of(dayKey, hoursKey), keys(id), "nothing more");
    }

    @Test
    void quietHoursDoNotHoldTheTwoHourReminderPastTheAppointmentAndALateOneIsNotSent() {
        db.update(BURGER).set(BURGER.STILLE_UREN_TOT, LocalTime.of(9, 0)).where(BURGER.ID.eq(jan)).execute();
        LocalDate day = TODAY.plusDays(3);
        String early = appointment(at(day, LocalTime.of(8, 30)), TestToday.instant(), "GEPLAND");
        runAt(day, LocalTime.of(6, 30));
        dispatchAt(day, LocalTime.of(6, 30));
        assertEquals(List.of("VERSTUURD", "VERSTUURD"), deliveryStates("afspraak/" + early + "/1/uur"),
                "quiet hours until 09:00 would bring it after the 08:30 appointment: it goes at once");

        // Written at 08:00, but the dispatcher only comes after the start: not sent, with the reason.
        String missed = appointment(at(day.plusDays(1), LocalTime.of(10, 0)), TestToday.instant(), "GEPLAND");
        runAt(day.plusDays(1), LocalTime.of(9, 0));
        dispatchAt(day.plusDays(1), LocalTime.of(10, 5));
        assertEquals(List.of("OVERGESLAGEN", "OVERGESLAGEN"), deliveryStates("afspraak/" + missed + "/1/uur"));
        assertEquals("too late to be of use", db.select(BEZORGING.REDEN).from(BEZORGING).join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .where(MELDING.SLEUTEL.eq("afspraak/" + missed + "/1/uur")).limit(1).fetchSingle().value1());
        assertTrue(db.selectFrom(MELDING).where(MELDING.SLEUTEL.eq("afspraak/" + missed + "/1/uur")).fetchOptional().isPresent(),
                "the inbox still has it");
    }

    @Test
    void afterDowntimeOnlyTheStageDueNowAndNoneForWhatWasJustPlannedOrCancelled() {
        LocalDate day = TODAY.plusDays(5);
        String downtime = appointment(at(day, LocalTime.of(12, 0)), TestToday.instant(), "GEPLAND");
        runAt(day, LocalTime.of(10, 30));
        assertEquals(List.of("afspraak/" + downtime + "/1/uur"), keys(downtime), "the day before was missed: only two hours before");

        // Planned on the day before: its own message said when, so no day-before reminder; two hours before still comes.
        LocalDate later = TODAY.plusDays(7);
        String justPlanned = appointment(at(later, LocalTime.of(11, 0)), at(later.minusDays(1), LocalTime.of(9, 0)), "GEPLAND");
        runAt(later.minusDays(1), LocalTime.of(13, 0));
        assertEquals(List.of(), keys(justPlanned));
        runAt(later, LocalTime.of(9, 0));
        assertEquals(List.of("afspraak/" + justPlanned + "/1/uur"), keys(justPlanned));

        String cancelled = appointment(at(later.plusDays(2), LocalTime.of(11, 0)), TestToday.instant(), "GEANNULEERD");
        runAt(later.plusDays(1), LocalTime.of(10, 0));
        runAt(later.plusDays(2), LocalTime.of(9, 0));
        assertEquals(List.of(), keys(cancelled));
    }
}

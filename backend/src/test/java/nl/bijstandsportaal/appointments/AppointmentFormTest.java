package nl.bijstandsportaal.appointments;

import nl.bijstandsportaal.notifications.AppointmentReminders;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planning form's rules, and which reminder is due when (a table of cases, on a fixed day). */
class AppointmentFormTest {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final Instant NOW = LocalDateTime.parse("2026-10-24T10:00").atZone(NL).toInstant();

    @Test
    void aPlanIsStoredAsTheMomentInDutchTimeAlsoAcrossTheClockChange() {
        var checked = AppointmentForm.plan(Map.of("datum", "26-10-2026", "tijd", "9.15", "duur", "45", "vorm", "TELEFOON",
                "onderwerp", " Je plan "), NOW);
        assertTrue(checked.ok(), checked.errors().toString());
        assertEquals(Instant.parse("2026-10-26T08:15:00Z"), checked.value().start(), "winter time from 25 October: UTC+1");
        assertEquals("Je plan", checked.value().about());
        assertEquals(45, checked.value().minutes());
    }

    @Test
    void eachFieldSaysWhatIsWrong() {
        var checked = AppointmentForm.plan(Map.of("datum", "31-2-2026", "tijd", "", "duur", "20", "vorm", "KANTOOR", "adres", " ",
                "onderwerp", "x".repeat(201), "meenemen", "y".repeat(1001)), NOW);
        assertEquals("appointment.error.date.invalid", checked.errors().get("datum").key());
        assertEquals("appointment.error.time.missing", checked.errors().get("tijd").key());
        assertEquals("appointment.error.duration", checked.errors().get("duur").key());
        assertEquals("appointment.error.address.missing", checked.errors().get("adres").key());
        assertEquals("appointment.error.about.tooLong", checked.errors().get("onderwerp").key());
        assertEquals("appointment.error.bring.tooLong", checked.errors().get("meenemen").key());
        assertEquals("appointment.error.time.past", AppointmentForm.plan(Map.of("datum", "2026-10-24", "tijd", "09:00", "vorm", "TELEFOON",
                "onderwerp", "a"), NOW).errors().get("tijd").key());
        assertEquals("appointment.error.link.invalid", AppointmentForm.plan(Map.of("datum", "2026-10-25", "tijd", "09:00", "vorm", "VIDEO",
                "link", "javascript:alert(1)", "onderwerp", "a"), NOW).errors().get("link").key());
    }

    @Test
    void whichReminderIsDue() {
        Instant start = LocalDateTime.parse("2026-11-25T09:00").atZone(NL).toInstant();
        Instant setLongAgo = LocalDateTime.parse("2026-11-01T12:00").atZone(NL).toInstant();
        Object[][] cases = {
                {"2026-11-24T09:59", setLongAgo, null},
                {"2026-11-24T10:00", setLongAgo, AppointmentReminders.Stage.DAY_BEFORE},
                {"2026-11-25T06:59", setLongAgo, AppointmentReminders.Stage.DAY_BEFORE},
                {"2026-11-25T07:00", setLongAgo, AppointmentReminders.Stage.HOURS_BEFORE},
                {"2026-11-25T08:59", setLongAgo, AppointmentReminders.Stage.HOURS_BEFORE},
                {"2026-11-25T09:00", setLongAgo, null},
                // planned on the day before: no day-before reminder, two hours before still
                {"2026-11-24T15:00", LocalDateTime.parse("2026-11-24T08:00").atZone(NL).toInstant(), null},
                {"2026-11-25T07:30", LocalDateTime.parse("2026-11-24T08:00").atZone(NL).toInstant(), AppointmentReminders.Stage.HOURS_BEFORE},
                // planned inside the last two hours: its own message is the reminder
                {"2026-11-25T08:00", LocalDateTime.parse("2026-11-25T07:30").atZone(NL).toInstant(), null},
        };
        for (Object[] c : cases) {
            Instant now = LocalDateTime.parse((String) c[0]).atZone(NL).toInstant();
            assertEquals(Optional.ofNullable(c[2]), AppointmentReminders.stage((Instant) c[1], start, now), (String) c[0]);
        }
    }
}

package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.time.Today;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Which reminder is due for a planned appointment (ADR 0023): one the day before, from 10:00 Dutch time, and one two
 * hours before it starts. Only the current stage counts, so after downtime the citizen gets the two-hour one, not both.
 * No reminder for a stage the appointment was planned (or moved) inside of: its own message just said when. Pure.
 */
@Pure
public final class AppointmentReminders {

    /** The day-before reminder is due from this time of day (people are awake, and can still call to move it). */
    public static final LocalTime DAY_BEFORE_AT = LocalTime.of(10, 0);
    public static final Duration HOURS_BEFORE = Duration.ofHours(2);
    /** How far ahead the scheduler reads: every reminder due now is for an appointment starting within this. */
    public static final Duration WINDOW = Duration.ofDays(2);

    private AppointmentReminders() {
    }

    public enum Stage {
        DAY_BEFORE("dag", "notification.appointment.dayBefore"),
        HOURS_BEFORE("uur", "notification.appointment.hoursBefore");

        public final String slug;
        public final String text;

        Stage(String slug, String text) {
            this.slug = slug;
            this.text = text;
        }
    }

    /** The event, unique per citizen: one message per appointment, version (it was moved) and stage. */
    public static String key(String appointmentId, int version, Stage stage) {
        return "afspraak/" + appointmentId + "/" + version + "/" + stage.slug;
    }

    /** The moment the day-before reminder is due: 10:00 Dutch time the day before the appointment. */
    public static Instant dayBefore(Instant start) {
        return LocalDate.ofInstant(start, Today.DUTCH_TIME).minusDays(1).atTime(DAY_BEFORE_AT).atZone(Today.DUTCH_TIME).toInstant();
    }

    /**
     * The stage due at {@code now} for an appointment starting at {@code start} whose time was set at {@code timeSetAt}
     * (planned or last moved); empty when none is due.
     */
    public static Optional<Stage> stage(Instant timeSetAt, Instant start, Instant now) {
        if (!now.isBefore(start)) {
            return Optional.empty();
        }
        Instant hoursBefore = start.minus(HOURS_BEFORE);
        if (!now.isBefore(hoursBefore)) {
            return timeSetAt.isBefore(hoursBefore) ? Optional.of(Stage.HOURS_BEFORE) : Optional.empty();
        }
        Instant dayBefore = dayBefore(start);
        if (!now.isBefore(dayBefore)) {
            Instant dayBeforeStarts = LocalDate.ofInstant(start, Today.DUTCH_TIME).minusDays(1).atStartOfDay(Today.DUTCH_TIME).toInstant();
            return timeSetAt.isBefore(dayBeforeStarts) ? Optional.of(Stage.DAY_BEFORE) : Optional.empty();
        }
        return Optional.empty();
    }
}

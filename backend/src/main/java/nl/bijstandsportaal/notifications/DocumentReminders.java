package nl.bijstandsportaal.notifications;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which reminder is due for a document the consulent asked for and the citizen has not sent yet: some days before
 * the last day (documentverzoek.herinnering_dagen), and once when the day has passed. Only the current stage
 * counts, so after downtime a late request gets "late", not both. Pure.
 */
public final class DocumentReminders {

    private DocumentReminders() {
    }

    public enum Stage {
        /** The last day is near. Not when the request itself was made that close to it: its message says it all. */
        SOON("herinnering", "notification.document.soon"),
        /** The last day has passed and nothing came. */
        LATE("te-laat", "notification.document.late");

        public final String slug;
        public final String text;

        Stage(String slug, String text) {
            this.slug = slug;
            this.text = text;
        }
    }

    /**
     * The event, unique per citizen: one message per request, round and stage. Round 0 is the request as asked (its keys
     * are those of before rounds existed); every later last day (more time, "send again") is a new round, so a reminder
     * sent for the old day does not stop the one for the new day.
     */
    public static String key(String requestId, int round, Stage stage) {
        return "document/" + requestId + "/" + stage.slug + (round == 0 ? "" : "/" + round);
    }

    /** The stage of an open request on {@code today}; empty when no reminder is due. */
    public static Optional<Stage> stage(LocalDate askedOn, LocalDate deadline, LocalDate today, int leadDays) {
        if (today.isAfter(deadline)) {
            return today.isAfter(deadline.plusDays(IncomeReminders.LATE_FOR_DAYS)) ? Optional.empty() : Optional.of(Stage.LATE);
        }
        LocalDate remindFrom = deadline.minusDays(leadDays);
        if (today.isBefore(remindFrom) || !askedOn.isBefore(remindFrom)) {
            return Optional.empty();
        }
        return Optional.of(Stage.SOON);
    }

    /** The deadlines for which a reminder can be due on {@code today}: the window the scheduler reads. */
    public static LocalDate earliestDeadline(LocalDate today) {
        return today.minusDays(IncomeReminders.LATE_FOR_DAYS);
    }

    public static LocalDate latestDeadline(LocalDate today, int leadDays) {
        return today.plusDays(leadDays);
    }
}

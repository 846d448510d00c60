package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.rules.ReportPeriods;
import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which income-report reminder is due on a day, from the municipality's periods, deadline and lead time (rules
 * data). Only the current stage of a period counts: a scheduler that was down for a week sends the one that is due
 * now, not the ones it missed. Pure.
 */
public final class IncomeReminders {

    /** How long after the deadline a missing report is still worth one "late" message. */
    static final int LATE_FOR_DAYS = 31;

    private IncomeReminders() {
    }

    public enum Stage {
        /** A few days before the deadline (inkomstenopgave.herinnering_dagen). */
        SOON("binnenkort", "notification.income.soon"),
        /** On the last day. */
        TODAY("vandaag", "notification.income.today"),
        /** The deadline has passed and nothing came. */
        LATE("te-laat", "notification.income.late");

        public final String slug;
        public final String text;

        Stage(String slug, String text) {
            this.slug = slug;
            this.text = text;
        }
    }

    public record Due(ReportPeriod period, Stage stage) {

        /** The event, unique per citizen: one message per period and stage. */
        public String key() {
            return "inkomsten/" + period.code() + "/" + stage.slug;
        }
    }

    /** The reminders due on {@code today} in this municipality: for the periods that ended recently. */
    public static List<Due> due(LocalDate today, String gemeente, RuleBook rules) {
        List<Due> due = new ArrayList<>();
        ReportPeriod period = ReportPeriods.containing(today, gemeente, rules);
        // The current period has not ended, so nothing is due for it; look at the ones before it.
        for (int back = 0; back < 3; back++) {
            period = ReportPeriods.containing(period.from().minusDays(1), gemeente, rules);
            int lead = rules.value(RuleKey.INKOMSTENOPGAVE_HERINNERING_DAGEN, gemeente, period.deadline()).intValueExact();
            ReportPeriod p = period;
            stage(p, today, lead).ifPresent(stage -> due.add(new Due(p, stage)));
        }
        return due;
    }

    /** The stage of one period on {@code today}; empty when no reminder is due for it. */
    public static Optional<Stage> stage(ReportPeriod period, LocalDate today, int leadDays) {
        if (!today.isAfter(period.to())) {
            return Optional.empty();
        }
        LocalDate deadline = period.deadline();
        if (today.isAfter(deadline)) {
            return today.isAfter(deadline.plusDays(LATE_FOR_DAYS)) ? Optional.empty() : Optional.of(Stage.LATE);
        }
        if (today.isEqual(deadline)) {
            return Optional.of(Stage.TODAY);
        }
        return today.isBefore(deadline.minusDays(leadDays)) ? Optional.empty() : Optional.of(Stage.SOON);
    }
}

package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulePeriod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The periods a citizen reports their income over, and the deadline of each, as the municipality sets them: a
 * calendar month, or four weeks counted from the day the municipality started with four-week periods. Pure.
 */
@Pure
public final class ReportPeriods {

    private ReportPeriods() {
    }

    /** One period: its first and last day and the last day to send the report. {@code code} is stable (2026-11, 2026-W05-4W). */
    public record ReportPeriod(String code, LocalDate from, LocalDate to, LocalDate deadline) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }

        /** The calendar month the period starts in (the whole period, for monthly reports). */
        public java.time.YearMonth month() {
            return java.time.YearMonth.from(from);
        }

        public boolean isFourWeeks() {
            return code.endsWith("-4W");
        }

        public int days() {
            return (int) ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /** The period that contains {@code day} in this municipality. */
    public static ReportPeriod containing(LocalDate day, String gemeente, RuleBook rules) {
        Optional<RulePeriod> fourWeeks = rules.find(RuleKey.INKOMSTENOPGAVE_VIER_WEKEN, gemeente, day)
                .filter(r -> r.value().signum() > 0);
        int termijn = rules.value(RuleKey.INKOMSTENOPGAVE_TERMIJN_DAGEN, gemeente, day).intValueExact();
        if (fourWeeks.isPresent()) {
            LocalDate anchor = fourWeeks.get().from();
            long index = ChronoUnit.DAYS.between(anchor, day) / 28;
            LocalDate from = anchor.plusDays(index * 28);
            LocalDate to = from.plusDays(27);
            return new ReportPeriod(from + "-4W", from, to, to.plusDays(termijn));
        }
        YearMonth month = YearMonth.from(day);
        return new ReportPeriod(month.toString(), month.atDay(1), month.atEndOfMonth(), month.atEndOfMonth().plusDays(termijn));
    }

    /**
     * The first day the report of {@code period} can be sent: its last day, when the income of the period is known, or
     * as many days before that as the municipality sets ({@code inkomstenopgave.open_dagen_voor_einde}).
     */
    public static LocalDate opensOn(ReportPeriod period, String gemeente, RuleBook rules) {
        int before = rules.value(RuleKey.INKOMSTENOPGAVE_OPEN_DAGEN_VOOR_EINDE, gemeente, period.to()).intValueExact();
        return period.to().minusDays(before);
    }

    /** The periods from the one containing {@code start} up to and including the one containing {@code end}. */
    public static List<ReportPeriod> between(LocalDate start, LocalDate end, String gemeente, RuleBook rules) {
        List<ReportPeriod> periods = new ArrayList<>();
        LocalDate day = start;
        while (!day.isAfter(end)) {
            ReportPeriod period = containing(day, gemeente, rules);
            periods.add(period);
            day = period.to().plusDays(1);
        }
        return periods;
    }
}

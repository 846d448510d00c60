package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The legal clock of an application (Algemene wet bestuursrecht), computed:
 * <ul>
 * <li>art. 4:13: a decision within the period the rules set (8 weeks by default) after the application was received;</li>
 * <li>art. 4:15: the period is suspended from the day after the citizen is asked to complete the application until
 * the day it is completed, or the day the term for it ends unused; this can happen more than once;</li>
 * <li>art. 4:14: the municipality may name a later date (verdaging), which replaces the deadline; the days of
 * requests made before it are in that date already, requests made after it suspend it again;</li>
 * <li>art. 6:7 and 6:8: bezwaar within 6 weeks, from the day after the decision was sent;</li>
 * <li>Algemene termijnenwet art. 1 and 3: a period that ends on a Saturday, Sunday or public holiday ends on the
 * next working day.</li>
 * </ul>
 * Pure: dates in, dates out, with the days each suspension added.
 */
@Pure
public final class Termijnen {

    private Termijnen() {
    }

    /**
     * A request to complete the application (hersteltermijn): asked on {@code asked}, to be done by {@code dueBy};
     * {@code completed} the day it was done (null: not yet).
     */
    public record Herstel(LocalDate asked, LocalDate dueBy, LocalDate completed) {

        /** The last day of the suspension: completion, or the due day if it passed unused; null while still open. */
        LocalDate endOn(LocalDate today) {
            if (completed != null) {
                return completed.isAfter(dueBy) ? dueBy : completed;
            }
            return today.isAfter(dueBy) ? dueBy : null;
        }

        /** Days the clock stood still: from the day after the request up to and including its end. */
        long days(LocalDate today) {
            LocalDate end = endOn(today);
            LocalDate last = end == null ? today : end;
            return Math.max(0, ChronoUnit.DAYS.between(asked, last));
        }

        boolean open(LocalDate today) {
            return endOn(today) == null;
        }
    }

    /** What happened to a request to complete after it was asked, as far as the clock is concerned. */
    public enum HerstelStapSoort { FILE_SENT, EXTENDED, NOT_GOOD_ENOUGH }

    /** One such step, on a day; {@code oldDueBy}/{@code newDueBy}: the last day before and after it (null for a file). */
    public record HerstelStap(HerstelStapSoort soort, LocalDate on, LocalDate oldDueBy, LocalDate newDueBy) {
    }

    /**
     * The suspensions (Awb 4:15 lid 1 sub a) of one request to complete, from its steps in the order they were taken.
     * {@code asked}: the day it was asked; {@code dueBy}: its last day now; {@code done}: the day of the first file of
     * the current round, or the day it was closed (null: neither).
     * <ul>
     * <li>A later last day given while the term runs (Awb 4:5 lets the municipality extend it) extends the same
     * suspension: it lasts until the first file or the new day.</li>
     * <li>A later last day given after the term passed unused: the suspension ended on the old day and the clock ran
     * since; the new term is a new invitation to complete, a new suspension from the day after it.</li>
     * <li>"Not good enough, send again": the application was completed (insufficiently) on the day of the first file,
     * which ended the suspension; the new request to complete starts a new suspension from the day after it, until the
     * next file or the new day. The days in between, when the municipality had the file, count.</li>
     * </ul>
     */
    public static List<Herstel> herstel(LocalDate asked, LocalDate dueBy, LocalDate done, List<HerstelStap> steps) {
        List<Herstel> periods = new java.util.ArrayList<>();
        LocalDate start = asked;
        LocalDate due = steps.stream().filter(s -> s.soort() != HerstelStapSoort.FILE_SENT && s.oldDueBy() != null)
                .map(HerstelStap::oldDueBy).findFirst().orElse(dueBy);
        LocalDate completed = null;
        for (HerstelStap s : steps) {
            switch (s.soort()) {
                case FILE_SENT -> {
                    if (completed == null) {
                        completed = s.on();
                    }
                }
                case EXTENDED -> {
                    if (completed == null) {
                        if (s.on().isAfter(due)) {
                            periods.add(new Herstel(start, due, null));
                            start = s.on();
                        }
                        due = s.newDueBy();
                    }
                }
                case NOT_GOOD_ENOUGH -> {
                    periods.add(new Herstel(start, due, completed != null ? completed : s.on()));
                    start = s.on();
                    due = s.newDueBy();
                    completed = null;
                }
            }
        }
        periods.add(new Herstel(start, due, completed != null ? completed : done));
        return periods;
    }

    /**
     * Where the clock stands on {@code today}. {@code deadline}: the day the decision is due (with every finished
     * suspension added and moved past weekends and holidays); {@code paused}: a request to the citizen is open, so the
     * clock stands still (the deadline moves on every day until it is done); {@code pausedDays}: days added so far;
     * {@code daysLeft}: from today to the deadline (negative when it has passed).
     */
    public record Clock(LocalDate received, LocalDate deadline, boolean paused, long pausedDays, long daysLeft, boolean adjourned) {

        public boolean overdue() {
            return !paused && daysLeft < 0;
        }
    }

    /** A later date the municipality named (Awb 4:14): on {@code setOn}, a decision by {@code until}. */
    public record Verdaging(LocalDate setOn, LocalDate until) {
    }

    /**
     * The decision clock. {@code weeks}: the decision period; {@code herstel}: every request to complete the
     * application; {@code verdaging}: the later date the municipality named (null: none).
     */
    public static Clock decision(LocalDate received, int weeks, List<Herstel> herstel, Verdaging verdaging, LocalDate today) {
        long paused = 0;
        long counted = 0;
        boolean open = false;
        for (Herstel h : herstel.stream().sorted(Comparator.comparing(Herstel::asked)).toList()) {
            long days = h.days(today);
            paused += days;
            if (verdaging == null || !h.asked().isBefore(verdaging.setOn())) {
                counted += days;
            }
            open |= h.open(today);
        }
        LocalDate base = verdaging != null ? verdaging.until() : received.plusWeeks(weeks);
        LocalDate deadline = nextWorkingDay(base.plusDays(counted));
        return new Clock(received, deadline, open, paused, ChronoUnit.DAYS.between(today, deadline), verdaging != null);
    }

    /** The last day to make bezwaar: 6 weeks (or {@code weeks}) from the day after the decision was sent. */
    public static LocalDate bezwaarUntil(LocalDate decisionSent, int weeks) {
        return nextWorkingDay(decisionSent.plusWeeks(weeks));
    }

    /** The day that is this many working days (no Saturday, Sunday or public holiday) after {@code day}. */
    public static LocalDate workingDaysAfter(LocalDate day, int workingDays) {
        LocalDate d = day;
        for (int i = 0; i < workingDays; i++) {
            d = nextWorkingDay(d.plusDays(1));
        }
        return d;
    }

    /** The day itself, or the next day that is not a Saturday, Sunday or public holiday (Algemene termijnenwet). */
    public static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || holiday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));

    /**
     * A public holiday of the Algemene termijnenwet art. 3: New Year's Day, Easter Monday, Ascension Day, Whit Monday,
     * Christmas Day and Boxing Day, King's Day (27 April, 26 April when the 27th is a Sunday) and 5 May (lid 1), and
     * Good Friday (lid 2). Days the Crown equates by decree (lid 3, e.g. the Friday after Ascension Day) are not
     * included: those are published every three years and would be rule data.
     */
    public static boolean holiday(LocalDate d) {
        if (FIXED.contains(MonthDay.from(d))) {
            return true;
        }
        LocalDate kingsDay = LocalDate.of(d.getYear(), 4, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        if (d.equals(kingsDay)) {
            return true;
        }
        if (d.getMonthValue() == 5 && d.getDayOfMonth() == 5) {
            return true;
        }
        LocalDate easter = easterSunday(d.getYear());
        List<LocalDate> moving = List.of(easter.minusDays(2), easter.plusDays(1), easter.plusDays(39), easter.plusDays(50));
        return moving.contains(d);
    }

    /** Easter Sunday (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}

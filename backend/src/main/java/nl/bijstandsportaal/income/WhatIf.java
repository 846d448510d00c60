package nl.bijstandsportaal.income;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.MonthlyNorm;
import nl.bijstandsportaal.rules.NormCalculator;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Wat als ik ga werken?": month by month, what work next to bijstand brings, against not working, under the rules
 * of the municipality. Months whose norms are not known yet are worked out with the last known figures, and the
 * answer says so. Pure.
 */
@Pure
public final class WhatIf {

    /** How many months the calculation shows. */
    public static final int MONTHS = 12;

    private WhatIf() {
    }

    public record Question(Household household, String gemeente, BigDecimal monthlyNet, YearMonth start,
                           boolean singleParentOfYoungChild) {
    }

    /**
     * One month: the norm, the wages, what may be kept, the bijstand paid, the total, and the total without work.
     * {@code assumed}: the norm of this month is not known yet; the figures of the last known month were used.
     * {@code provisional}: the figures of this month are known but not confirmed yet.
     */
    public record Month(YearMonth month, BigDecimal norm, BigDecimal work, BigDecimal kept, BigDecimal paid, BigDecimal total,
                        BigDecimal withoutWork, BigDecimal more, boolean assumed, boolean provisional) {
    }

    /** {@code months} is empty when no norm is known at all ({@code summary} then says so). */
    public record Answer(List<Month> months, List<Text> summary, List<Text> leavesOut) {
    }

    /** Net per month from hours a week and a net hourly wage: a year has 52 weeks. */
    public static BigDecimal monthly(BigDecimal hoursPerWeek, BigDecimal netPerHour) {
        return hoursPerWeek.multiply(netPerHour).multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    }

    public static Answer calculate(Question q, RuleBook rules) {
        List<Month> months = new ArrayList<>();
        Offsetting.History history = Offsetting.History.NONE;
        YearMonth lastKnown = null;
        BigDecimal lastNorm = null;
        for (int i = 0; i < MONTHS; i++) {
            YearMonth month = q.start().plusMonths(i);
            Optional<MonthlyNorm> norm = norm(q.household(), month, q.gemeente(), rules);
            if (norm.isPresent()) {
                lastKnown = month;
                lastNorm = norm.get().inclVt();
            } else if (lastNorm == null) {
                continue;
            }
            boolean assumed = norm.isEmpty();
            // A month whose figures are not known yet: the last known figures, but measures known to start then apply.
            RuleBook monthRules = assumed ? rules.assumingFiguresOf(lastKnown.atEndOfMonth()) : rules;
            LocalDate day = month.atEndOfMonth();
            boolean pension = NormCalculator.pensionAgeReached(q.household().applicantBorn(), day, q.gemeente(), monthRules);
            Offsetting.Result withWork = Offsetting.offset(lastNorm, null,
                    List.of(new Offsetting.Source(Offsetting.Kind.WERK, "", q.monthlyNet())), history,
                    new Offsetting.Person(q.singleParentOfYoungChild(), pension, q.household().applicantBorn()), q.gemeente(), day, monthRules);
            Offsetting.Result without = Offsetting.offset(lastNorm, List.of(), history, false, q.gemeente(), day, monthRules);
            BigDecimal work = q.monthlyNet().setScale(2, RoundingMode.HALF_UP);
            BigDecimal total = withWork.paid().add(work);
            boolean provisional = !assumed && (norm.get().provisional() || withWork.provisional());
            months.add(new Month(month, lastNorm, work, withWork.kept(), withWork.paid(), total, without.paid(),
                    total.subtract(without.paid()), assumed, provisional));
            history = new Offsetting.History(history.workMonthsUsed() + (withWork.usedWorkDisregard() ? 1 : 0),
                    history.singleParentMonthsUsed() + (withWork.usedSingleParentDisregard() ? 1 : 0), BigDecimal.ZERO,
                    history.newWorkMonthsUsed() + (withWork.usedNewWorkDisregard() ? 1 : 0));
        }
        List<Text> leavesOut = leavesOut(months);
        if (lastKnown != null && rules.isOn(RuleKey.MAATREGEL_BUFFERBUDGET, q.gemeente(), lastKnown.atEndOfMonth())) {
            rules.find(RuleKey.BUFFERBUDGET_MAXIMUM_PER_JAAR, q.gemeente(), lastKnown.atEndOfMonth())
                    .ifPresent(max -> leavesOut.add(1, Text.of("whatif.buffer", max.value())));
        }
        return new Answer(List.copyOf(months), summary(months, q), List.copyOf(leavesOut));
    }

    private static Optional<MonthlyNorm> norm(Household household, YearMonth month, String gemeente, RuleBook rules) {
        try {
            return Optional.of(NormCalculator.forMonth(household, month, gemeente, rules));
        } catch (RuleBook.MissingRuleException e) {
            return Optional.empty();
        }
    }

    private static List<Text> summary(List<Month> months, Question q) {
        List<Text> lines = new ArrayList<>();
        if (months.isEmpty()) {
            lines.add(Text.of("whatif.summary.unknown", q.start()));
            return lines;
        }
        Month first = months.get(0);
        lines.add(Text.of("whatif.summary.first", first.month(), first.total(), first.work(), first.paid(), first.withoutWork(), first.more()));
        if (first.paid().signum() == 0) {
            lines.add(Text.of("whatif.summary.noBijstand"));
        }
        months.stream().filter(m -> m.kept().compareTo(first.kept()) < 0).findFirst().ifPresent(later ->
                lines.add(Text.of("whatif.summary.later", later.month(), later.total(), later.more())));
        return lines;
    }

    private static List<Text> leavesOut(List<Month> months) {
        List<Text> lines = new ArrayList<>();
        if (months.stream().anyMatch(Month::provisional)) {
            lines.add(Text.of("whatif.provisional"));
        }
        months.stream().filter(Month::assumed).findFirst().ifPresent(m ->
                lines.add(Text.of("whatif.assumed", m.month().minusMonths(1))));
        lines.add(Text.of("whatif.leavesOut"));
        lines.add(Text.of("whatif.advice"));
        return lines;
    }
}

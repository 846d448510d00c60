package nl.bijstandsportaal.income;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulePeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verrekening (art. 31-34 Participatiewet): what a period's income does to the payment. Counted income is the net
 * income minus what is disregarded; bijstand = norm - counted income, never below zero; of that, the
 * vakantietoeslag share is reserved and the rest paid. Pure; every figure and rule version is in the result.
 *
 * <p>Disregards applied: income from work 25% up to a monthly maximum for at most 6 months (art. 31 lid 2 sub n);
 * for a single parent who cares for a child under 12, when sub n is used up, 12.5% up to a maximum for at most 30
 * months (sub r). Where the municipality applies art. 34a (by law from 1 January 2027, in 2026 by choice) that
 * replaces both: 15% for at most 12 months, or from the AOW age 25% up to a maximum. Gifts up to the yearly free
 * amount when the municipality has the measure on. Other income counts in full.
 */
@Pure
public final class Offsetting {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Offsetting() {
    }

    /** Kinds of income. WERK is income from work (employer or uitzendbureau). */
    public enum Kind { WERK, UITKERING, ONDERNEMING, GIFT, ALIMENTATIE, ANDERS }

    /** One source of income in the period, net, as reported (or as the consulent set it). */
    public record Source(Kind kind, String name, BigDecimal net) {
    }

    /**
     * What earlier periods used: months in which a work disregard (sub n or art. 34a) and the single-parent disregard
     * (sub r) were applied, gifts already counted this calendar year, and the months of the art. 34a disregard since
     * the municipality applies it ({@code newWorkMonthsUsed}).
     */
    public record History(int workMonthsUsed, int singleParentMonthsUsed, BigDecimal giftsThisYear, int newWorkMonthsUsed) {
        public static final History NONE = new History(0, 0, BigDecimal.ZERO, 0);

        /** History before the municipality applied art. 34a (no months of the new disregard used). */
        public History(int workMonthsUsed, int singleParentMonthsUsed, BigDecimal giftsThisYear) {
            this(workMonthsUsed, singleParentMonthsUsed, giftsThisYear, 0);
        }
    }

    /** A disregard applied: which rule, on what income, how much may be kept. */
    public record Disregard(RuleKey rule, BigDecimal on, BigDecimal kept) {
    }

    /**
     * The result. {@code normalPaid}: what would be paid without income; {@code paid}: what is paid now (both after
     * reserving the vakantietoeslag). {@code explanation}: the calculation in sentences.
     */
    public record Result(BigDecimal norm, BigDecimal income, List<Disregard> disregards, BigDecimal counted,
                         BigDecimal bijstand, BigDecimal vakantietoeslag, BigDecimal paid, BigDecimal normalPaid,
                         List<Text> summary, List<Text> explanation, List<RulePeriod> rulesUsed) {

        /** Whether the estimate rests on a figure that is not confirmed yet. */
        public boolean provisional() {
            return rulesUsed.stream().anyMatch(RulePeriod::provisional);
        }

        /**
         * The same result with the rules the norm rests on added; when one of them is not confirmed yet, the summary
         * says so.
         */
        public Result withNormRules(List<RulePeriod> normRules) {
            java.util.LinkedHashSet<RulePeriod> all = new java.util.LinkedHashSet<>(normRules);
            all.addAll(rulesUsed);
            List<Text> lines = new ArrayList<>(summary);
            if (all.stream().anyMatch(RulePeriod::provisional)) {
                lines.add(Text.of("income.estimate.provisional"));
            }
            return new Result(norm, income, disregards, counted, bijstand, vakantietoeslag, paid, normalPaid,
                    List.copyOf(lines), explanation, List.copyOf(all));
        }

        public BigDecimal kept() {
            return disregards.stream().map(Disregard::kept).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }

        /** A disregard for work that counts towards its months (sub n before 2027, art. 34a lid 1 sub a after). */
        public boolean usedWorkDisregard() {
            return disregards.stream().anyMatch(d -> (d.rule() == RuleKey.VRIJLATING_ARBEID_PROCENT
                    || d.rule() == RuleKey.VRIJLATING_34A_PROCENT) && d.kept().signum() > 0);
        }

        public boolean usedNewWorkDisregard() {
            return disregards.stream().anyMatch(d -> d.rule() == RuleKey.VRIJLATING_34A_PROCENT && d.kept().signum() > 0);
        }

        public boolean usedSingleParentDisregard() {
            return disregards.stream().anyMatch(d -> d.rule() == RuleKey.VRIJLATING_ALLEENSTAANDE_OUDER_PROCENT && d.kept().signum() > 0);
        }
    }

    /**
     * @param norm             the norm for the period, incl. vakantietoeslag (from NormCalculator)
     * @param singleParentOfYoungChild a single parent with the full care of a child under 12
     * @param day              the day whose rules apply (the last day of the period)
     */
    public static Result offset(BigDecimal norm, List<Source> sources, History history, boolean singleParentOfYoungChild,
                                String gemeente, LocalDate day, RuleBook rules) {
        return offset(norm, null, sources, history, new Person(singleParentOfYoungChild, false, null), gemeente, day, rules);
    }

    /**
     * What about the person changes the disregards: a single parent with the full care of a child under 12 (sub r),
     * whether the one who works has reached the AOW age (art. 34a lid 1 sub c), and their birth date (under 27 there
     * is no sub n or r, art. 31 lid 5). {@code born} null: not known, taken as 27 or older.
     */
    public record Person(boolean singleParentOfYoungChild, boolean pensionAgeReached, LocalDate born) {

        boolean youngerThan(int years, LocalDate day) {
            return born != null && born.plusYears(years).isAfter(day);
        }
    }

    /** @param normFrom the day bijstand began when that is inside the period (the norm then counts from that day); else null */
    public static Result offset(BigDecimal norm, LocalDate normFrom, List<Source> sources, History history,
                                Person person, String gemeente, LocalDate day, RuleBook rules) {
        boolean singleParentOfYoungChild = person.singleParentOfYoungChild();
        Set<RulePeriod> used = new LinkedHashSet<>();
        List<Disregard> disregards = new ArrayList<>();
        List<Text> explanation = new ArrayList<>();
        BigDecimal income = sum(sources, null);
        BigDecimal work = sum(sources, Kind.WERK);
        BigDecimal gifts = sum(sources, Kind.GIFT);
        if (normFrom != null) {
            explanation.add(Text.of("income.calc.normFrom", normFrom));
        }
        explanation.add(Text.of("income.calc.norm", norm));
        explanation.add(Text.of("income.calc.income", income));

        find(rules, RuleKey.MAATREGEL_VRIJLATING_34A, gemeente, day, used);
        // Art. 31 lid 5: no sub n or r under this age. In the 2026 gedoogjaar a municipality may give them art. 34a early.
        Optional<RulePeriod> minimumAge = work.signum() > 0 && !rules.isOn(RuleKey.MAATREGEL_VRIJLATING_34A, gemeente, day)
                ? find(rules, RuleKey.VRIJLATING_ARBEID_MINIMUMLEEFTIJD, gemeente, day, used) : Optional.empty();
        boolean young = minimumAge.isPresent() && person.youngerThan(minimumAge.get().value().intValue(), day);
        if (young) {
            find(rules, RuleKey.MAATREGEL_VRIJLATING_34A_JONGEREN, gemeente, day, used);
        }
        boolean newRules = rules.isOn(RuleKey.MAATREGEL_VRIJLATING_34A, gemeente, day)
                || young && rules.isOn(RuleKey.MAATREGEL_VRIJLATING_34A_JONGEREN, gemeente, day);
        if (work.signum() > 0 && newRules) {
            newWorkDisregard(work, history, person, gemeente, day, rules, used, disregards, explanation);
        } else if (work.signum() > 0 && young) {
            explanation.add(Text.of("income.calc.workDisregardYoung", minimumAge.get().value().intValue()));
        } else if (work.signum() > 0) {
            Optional<RulePeriod> percent = find(rules, RuleKey.VRIJLATING_ARBEID_PROCENT, gemeente, day, used);
            Optional<RulePeriod> maximum = find(rules, RuleKey.VRIJLATING_ARBEID_MAXIMUM, gemeente, day, used);
            Optional<RulePeriod> months = find(rules, RuleKey.VRIJLATING_ARBEID_MAANDEN, gemeente, day, used);
            if (percent.isPresent() && maximum.isPresent() && months.isPresent()
                    && history.workMonthsUsed() < months.get().value().intValue()) {
                BigDecimal kept = cents(percentOf(work, percent.get().value()).min(maximum.get().value()));
                disregards.add(new Disregard(RuleKey.VRIJLATING_ARBEID_PROCENT, work, kept));
                explanation.add(Text.of("income.calc.workDisregard", new Text.Percent(percent.get().value()), work,
                        maximum.get().value(), kept, history.workMonthsUsed() + 1, months.get().value().intValue()));
            } else if (singleParentOfYoungChild) {
                Optional<RulePeriod> spPercent = find(rules, RuleKey.VRIJLATING_ALLEENSTAANDE_OUDER_PROCENT, gemeente, day, used);
                Optional<RulePeriod> spMaximum = find(rules, RuleKey.VRIJLATING_ALLEENSTAANDE_OUDER_MAXIMUM, gemeente, day, used);
                if (spPercent.isPresent() && spMaximum.isPresent() && history.singleParentMonthsUsed() < 30) {
                    BigDecimal kept = cents(percentOf(work, spPercent.get().value()).min(spMaximum.get().value()));
                    disregards.add(new Disregard(RuleKey.VRIJLATING_ALLEENSTAANDE_OUDER_PROCENT, work, kept));
                    explanation.add(Text.of("income.calc.singleParentDisregard", new Text.Percent(spPercent.get().value()), work,
                            spMaximum.get().value(), kept, history.singleParentMonthsUsed() + 1));
                }
            } else if (months.isPresent()) {
                explanation.add(Text.of("income.calc.workDisregardUsed", months.get().value().intValue()));
            }
        }

        if (gifts.signum() > 0) {
            Optional<RulePeriod> free = find(rules, RuleKey.GIFTEN_VRIJ_PER_JAAR, gemeente, day, used);
            find(rules, RuleKey.MAATREGEL_GIFTEN_1200, gemeente, day, used);
            if (rules.isOn(RuleKey.MAATREGEL_GIFTEN_1200, gemeente, day) && free.isPresent()) {
                BigDecimal room = free.get().value().subtract(history.giftsThisYear()).max(BigDecimal.ZERO);
                BigDecimal kept = cents(gifts.min(room));
                disregards.add(new Disregard(RuleKey.GIFTEN_VRIJ_PER_JAAR, gifts, kept));
                explanation.add(Text.of("income.calc.gifts", free.get().value(), history.giftsThisYear(), kept));
            }
        }

        BigDecimal kept = disregards.stream().map(Disregard::kept).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal counted = income.subtract(kept).max(BigDecimal.ZERO);
        BigDecimal bijstand = norm.subtract(counted).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        RulePeriod vtRule = rules.get(RuleKey.VAKANTIETOESLAG_PROCENT, gemeente, day);
        used.add(vtRule);
        BigDecimal vt = percentOf(bijstand, vtRule.value());
        BigDecimal paid = bijstand.subtract(vt);
        BigDecimal normalPaid = norm.subtract(percentOf(norm, vtRule.value()));
        explanation.add(Text.of("income.calc.counted", income, kept, counted));
        explanation.add(Text.of("income.calc.bijstand", norm, counted, bijstand));
        explanation.add(Text.of("income.calc.vt", new Text.Percent(vtRule.value()), vt, paid));
        if (bijstand.signum() == 0) {
            explanation.add(Text.of("income.calc.none"));
        }

        List<Text> summary = new ArrayList<>();
        summary.add(Text.of("income.summary.paid", paid));
        if (income.signum() > 0) {
            BigDecimal less = normalPaid.subtract(paid);
            summary.add(kept.signum() > 0 ? Text.of("income.summary.lessKept", less, income, kept)
                    : Text.of("income.summary.less", less, income));
        }
        if (paid.compareTo(normalPaid) < 0 && rules.isOn(RuleKey.MAATREGEL_BUFFERBUDGET, gemeente, day)) {
            // Art. 34b: the college may use it when income from work makes a month short; it decides, we cannot compute it.
            find(rules, RuleKey.MAATREGEL_BUFFERBUDGET, gemeente, day, used);
            find(rules, RuleKey.BUFFERBUDGET_MAXIMUM_PER_JAAR, gemeente, day, used)
                    .ifPresent(max -> summary.add(Text.of("income.summary.buffer", max.value())));
        }
        summary.add(Text.of("income.summary.estimate"));
        return new Result(norm, income, List.copyOf(disregards), counted, bijstand, vt, paid, normalPaid, List.copyOf(summary),
                List.copyOf(explanation), List.copyOf(used));
    }

    /**
     * Art. 34a (Participatiewet in balans): below the AOW age 15% of income from work, without a maximum, for at most
     * 12 months (the consulent may extend, lid 2, or start again with a new job, lid 3: not known here); from the AOW
     * age 25% up to a monthly maximum, without an end. The single-parent disregard of sub r is gone.
     */
    private static void newWorkDisregard(BigDecimal work, History history, Person person, String gemeente, LocalDate day,
                                         RuleBook rules, Set<RulePeriod> used, List<Disregard> disregards, List<Text> explanation) {
        if (person.pensionAgeReached()) {
            Optional<RulePeriod> percent = find(rules, RuleKey.VRIJLATING_AOW_PROCENT, gemeente, day, used);
            Optional<RulePeriod> maximum = find(rules, RuleKey.VRIJLATING_AOW_MAXIMUM, gemeente, day, used);
            if (percent.isPresent() && maximum.isPresent()) {
                BigDecimal kept = cents(percentOf(work, percent.get().value()).min(maximum.get().value()));
                disregards.add(new Disregard(RuleKey.VRIJLATING_AOW_PROCENT, work, kept));
                explanation.add(Text.of("income.calc.pensionDisregard", new Text.Percent(percent.get().value()), work,
                        maximum.get().value(), kept));
            }
            return;
        }
        Optional<RulePeriod> percent = find(rules, RuleKey.VRIJLATING_34A_PROCENT, gemeente, day, used);
        Optional<RulePeriod> months = find(rules, RuleKey.VRIJLATING_34A_MAANDEN, gemeente, day, used);
        if (percent.isEmpty() || months.isEmpty()) {
            return;
        }
        if (history.newWorkMonthsUsed() < months.get().value().intValue()) {
            BigDecimal kept = cents(percentOf(work, percent.get().value()));
            disregards.add(new Disregard(RuleKey.VRIJLATING_34A_PROCENT, work, kept));
            explanation.add(Text.of("income.calc.newWorkDisregard", new Text.Percent(percent.get().value()), work, kept,
                    history.newWorkMonthsUsed() + 1, months.get().value().intValue()));
        } else {
            explanation.add(Text.of("income.calc.newWorkDisregardUsed", months.get().value().intValue()));
        }
    }

    private static Optional<RulePeriod> find(RuleBook rules, RuleKey key, String gemeente, LocalDate day, Set<RulePeriod> used) {
        Optional<RulePeriod> found = rules.find(key, gemeente, day);
        found.ifPresent(used::add);
        return found;
    }

    private static BigDecimal sum(List<Source> sources, Kind kind) {
        return sources.stream().filter(s -> kind == null || s.kind() == kind).map(Source::net)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}

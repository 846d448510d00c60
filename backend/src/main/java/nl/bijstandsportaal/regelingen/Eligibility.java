package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.MonthlyNorm;
import nl.bijstandsportaal.rules.NormCalculator;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulePeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Waar heb ik recht op?": for one set of answers, per regeling the municipality offers on that day, ja, misschien
 * or nee, with every reason in plain words and the rule versions used. Pure: rules and answers in, outcomes out.
 * Income limits are a percentage of the norm of the household (including vakantietoeslag) in the month of
 * {@code today}; the asset limit is that of art. 34 Pw unless the regeling has its own rule.
 */
@Pure
public final class Eligibility {

    private Eligibility() {
    }

    /** One reason, with the outcome it leads to on its own. */
    public record Reason(Uitkomst level, Text text) {
    }

    /**
     * The outcome for one regeling. {@code amount}: what it gives, when that is a known sum (null otherwise);
     * {@code draagkracht}: for bijzondere bijstand, what the citizen pays themselves (null when the income is not
     * known); {@code tip}: a short sentence for the home page, saying why this might be for them (null: no tip);
     * {@code provisional}: a figure used is not confirmed yet.
     */
    public record Result(Regeling regeling, Uitkomst uitkomst, List<Reason> reasons, Text amount, Draagkracht draagkracht,
                         Text tip, int decisionWeeks, boolean provisional, List<RulePeriod> rulesUsed) {

        public List<Source> sources() {
            return Source.of(rulesUsed);
        }

        /** The words of the catalogue: {@code regelingen.<code>.naam} and so on. */
        public Text text(String part) {
            return Text.of("regelingen." + regeling.code() + "." + part);
        }

        /** The first reason that leads to the outcome: the one line to show when there is room for one. */
        public Text mainReason() {
            return reasons.stream().filter(r -> r.level() == uitkomst).map(Reason::text).findFirst()
                    .orElse(Text.of("regelingen." + regeling.code() + ".summary"));
        }
    }

    /** Every regeling the municipality offers on {@code today}, in the catalogue's order. */
    public static List<Result> check(CheckAnswers answers, RuleBook rules, LocalDate today) {
        List<Result> results = new ArrayList<>();
        Optional<MonthlyNorm> norm = monthlyNorm(answers.household(), answers.gemeente(), today, rules); // once for all
        for (Regeling regeling : offered(answers.gemeente(), rules, today)) {
            results.add(new Check(answers, rules, today, regeling, norm).run());
        }
        return List.copyOf(results);
    }

    /** The regelingen a municipality offers on a day. */
    public static List<Regeling> offered(String gemeente, RuleBook rules, LocalDate day) {
        return java.util.Arrays.stream(Regeling.values()).filter(r -> rules.isOn(r.offered(), gemeente, day)).toList();
    }

    /** The norm of a household in the month of a day, including vakantietoeslag; empty when its figures are not known. */
    public static Optional<BigDecimal> norm(Household household, String gemeente, LocalDate day, RuleBook rules) {
        return monthlyNorm(household, gemeente, day, rules).map(MonthlyNorm::inclVt);
    }

    /** The norm with its explanation and the rules it rests on; empty when its figures are not known. */
    public static Optional<MonthlyNorm> monthlyNorm(Household household, String gemeente, LocalDate day, RuleBook rules) {
        try {
            return Optional.of(NormCalculator.forMonth(household, YearMonth.from(day), gemeente, rules));
        } catch (RuleBook.MissingRuleException notKnown) {
            return Optional.empty();
        }
    }

    /** A percentage of an amount, in cents. */
    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** The check of one regeling: collects reasons and the rules used. */
    private static final class Check {
        private final CheckAnswers a;
        private final RuleBook rules;
        private final LocalDate today;
        private final Regeling regeling;
        private final List<Reason> reasons = new ArrayList<>();
        private final Set<RulePeriod> used = new LinkedHashSet<>();
        private final BigDecimal norm;
        private Text amount;
        private Draagkracht draagkracht;
        private Text tip;

        Check(CheckAnswers a, RuleBook rules, LocalDate today, Regeling regeling, Optional<MonthlyNorm> monthly) {
            this.a = a;
            this.rules = rules;
            this.today = today;
            this.regeling = regeling;
            rule(regeling.offered());
            monthly.ifPresent(m -> used.addAll(m.rulesUsed()));
            this.norm = monthly.map(MonthlyNorm::inclVt).orElse(null);
        }

        Result run() {
            switch (regeling) {
                case INDIVIDUELE_INKOMENSTOESLAG -> iit();
                case KWIJTSCHELDING -> kwijtschelding();
                case ZORGVERZEKERING -> zorgverzekering();
                case MEEDOENREGELING -> meedoen();
                case BIJZONDERE_BIJSTAND -> bijzondereBijstand();
            }
            Uitkomst uitkomst = reasons.stream().map(Reason::level).reduce(Uitkomst.JA, Uitkomst::and);
            int weeks = rule(regeling.decisionWeeks()).map(p -> p.value().intValue()).orElse(8);
            boolean provisional = used.stream().anyMatch(RulePeriod::provisional);
            return new Result(regeling, uitkomst, List.copyOf(reasons), amount, draagkracht, uitkomst == Uitkomst.NEE ? null : tip,
                    weeks, provisional, List.copyOf(used));
        }

        // ---- the regelingen ---------------------------------------------------------------------------------

        private void iit() {
            Household h = a.household();
            int minAge = rule(RuleKey.IIT_MINIMUMLEEFTIJD).map(p -> p.value().intValue()).orElse(21);
            if (age(h.applicantBorn()) < minAge) {
                add(Uitkomst.NEE, Text.of("regelingen.iit.reason.tooYoung", Integer.toString(minAge)));
            } else if (pensionAge(h.applicantBorn())) {
                add(Uitkomst.NEE, Text.of("regelingen.iit.reason.pension"));
            }
            income(RuleKey.IIT_INKOMENSGRENS_PROCENT);
            savings(assetLimit());
            lowIncome();
            if (Boolean.TRUE.equals(a.betterIncomeExpected())) {
                add(Uitkomst.NEE, Text.of("regelingen.iit.reason.prospectYes"));
            } else if (a.betterIncomeExpected() == null) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.iit.reason.prospectUnknown"));
            } else {
                add(Uitkomst.JA, Text.of("regelingen.iit.reason.prospectNo"));
            }
            boolean teen = a.children() != null && a.children().from12To17() > 0;
            RuleKey amountKey = switch (h.leefvorm()) {
                case ALLEENSTAAND -> RuleKey.IIT_BEDRAG_ALLEENSTAAND;
                case ALLEENSTAANDE_OUDER -> teen ? RuleKey.IIT_BEDRAG_ALLEENSTAANDE_OUDER_KIND_12_17 : RuleKey.IIT_BEDRAG_ALLEENSTAANDE_OUDER;
                case PARTNERS -> teen ? RuleKey.IIT_BEDRAG_PARTNERS_KIND_12_17 : RuleKey.IIT_BEDRAG_PARTNERS;
            };
            rule(amountKey).ifPresent(p -> amount = Text.of("regelingen.iit.amount", p.value()));
            if (a.lowIncome() != null && a.lowIncome().since() != null && a.incomeFromBijstand()) {
                int years = a.lowIncome().minMonths() / 12;
                if (years >= 1) {
                    tip = Text.of("regelingen.iit.tip", Integer.toString(years));
                }
            }
        }

        private void kwijtschelding() {
            income(RuleKey.KWIJTSCHELDING_INKOMENSGRENS_PROCENT);
            RuleKey marginKey = switch (a.household().leefvorm()) {
                case ALLEENSTAAND -> RuleKey.KWIJTSCHELDING_VERMOGEN_MARGE_ALLEENSTAAND;
                case ALLEENSTAANDE_OUDER -> RuleKey.KWIJTSCHELDING_VERMOGEN_MARGE_ALLEENSTAANDE_OUDER;
                case PARTNERS -> RuleKey.KWIJTSCHELDING_VERMOGEN_MARGE_PARTNERS;
            };
            BigDecimal margin = rule(marginKey).map(RulePeriod::value).orElse(BigDecimal.ZERO);
            if (a.savings() == null) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.kwijtschelding.reason.savingsUnknown", margin));
            } else if (a.savings().compareTo(margin) <= 0) {
                add(Uitkomst.JA, Text.of("regelingen.reason.savingsBelow", a.savings(), margin));
            } else if (norm != null && a.savings().compareTo(margin.add(norm)) > 0) {
                add(Uitkomst.NEE, Text.of("regelingen.kwijtschelding.reason.savingsAbove", a.savings(), margin.add(norm)));
            } else {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.kwijtschelding.reason.savingsMaybe", a.savings(), margin));
            }
            tip = a.incomeFromBijstand() ? Text.of("regelingen.kwijtschelding.tip") : null;
        }

        private void zorgverzekering() {
            income(RuleKey.ZORGVERZEKERING_INKOMENSGRENS_PROCENT);
            savings(assetLimit());
        }

        private void meedoen() {
            boolean adults = rules.isOn(RuleKey.MEEDOEN_VOOR_VOLWASSENEN, a.gemeente(), today);
            rule(RuleKey.MEEDOEN_VOOR_VOLWASSENEN);
            int minChildAge = rule(RuleKey.MEEDOEN_KIND_MINIMUMLEEFTIJD).map(p -> p.value().intValue()).orElse(0);
            int children = a.children() == null ? 0 : a.children().atLeast(minChildAge);
            if (!adults && a.children() == null) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.meedoen.reason.childrenUnknown", Integer.toString(minChildAge)));
            } else if (!adults && children == 0) {
                add(Uitkomst.NEE, Text.of("regelingen.meedoen.reason.childrenOnly", Integer.toString(minChildAge)));
            }
            income(RuleKey.MEEDOEN_INKOMENSGRENS_PROCENT);
            savings(assetLimit());
            if (adults) {
                rule(RuleKey.MEEDOEN_BEDRAG_VOLWASSENE).ifPresent(p -> amount = Text.of("regelingen.meedoen.amountAdult", p.value()));
            }
            if (children > 0) {
                add(Uitkomst.JA, Text.of("regelingen.meedoen.reason.children", Integer.toString(children), Integer.toString(minChildAge)));
                tip = Text.of("regelingen.meedoen.tipChildren");
            } else if (adults) {
                tip = Text.of("regelingen.meedoen.tip");
            }
        }

        private void bijzondereBijstand() {
            savings(assetLimit());
            add(Uitkomst.MISSCHIEN, Text.of("regelingen.bijzondere_bijstand.reason.depends"));
            Optional<RulePeriod> free = rule(RuleKey.BIJZONDERE_BIJSTAND_DRAAGKRACHT_VRIJ_PROCENT);
            Optional<RulePeriod> share = rule(RuleKey.BIJZONDERE_BIJSTAND_DRAAGKRACHT_PROCENT);
            Optional<RulePeriod> months = rule(RuleKey.BIJZONDERE_BIJSTAND_DRAAGKRACHT_MAANDEN);
            if (norm == null) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.reason.normUnknown"));
            } else if (a.incomePerMonth() == null) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.bijzondere_bijstand.reason.incomeUnknown"));
            } else if (free.isPresent() && share.isPresent() && months.isPresent()) {
                draagkracht = Draagkracht.of(norm, free.get().value(), a.incomePerMonth(), share.get().value(), months.get().value().intValue());
                if (a.incomeReportedUntil() != null) {
                    add(Uitkomst.JA, Text.of("regelingen.reason.incomeFromReport", a.incomePerMonth(), a.incomeReportedUntil()));
                } else if (a.incomeFromBijstand()) {
                    add(Uitkomst.JA, Text.of("regelingen.reason.incomeFromBijstand", a.incomePerMonth()));
                }
            }
            rule(RuleKey.BIJZONDERE_BIJSTAND_DREMPEL).filter(p -> p.value().signum() > 0)
                    .ifPresent(p -> add(Uitkomst.MISSCHIEN, Text.of("regelingen.bijzondere_bijstand.reason.drempel", p.value())));
            tip = Text.of("regelingen.bijzondere_bijstand.tip");
        }

        // ---- shared checks ----------------------------------------------------------------------------------

        /** Income at most the limit, a percentage of the norm. */
        private void income(RuleKey limitKey) {
            Optional<RulePeriod> percent = rule(limitKey);
            if (percent.isEmpty() || norm == null) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.reason.normUnknown"));
                return;
            }
            BigDecimal limit = percentOf(norm, percent.get().value());
            Text.Percent pct = new Text.Percent(percent.get().value());
            if (a.incomePerMonth() == null) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.reason.incomeUnknown", limit, pct));
            } else if (a.incomePerMonth().compareTo(limit) <= 0) {
                add(Uitkomst.JA, a.incomeReportedUntil() != null
                        ? Text.of("regelingen.reason.incomeReportBelow", a.incomePerMonth(), limit, pct, a.incomeReportedUntil())
                        : a.incomeFromBijstand()
                        ? Text.of("regelingen.reason.incomeBijstandBelow", a.incomePerMonth(), limit, pct)
                        : Text.of("regelingen.reason.incomeBelow", a.incomePerMonth(), limit, pct));
            } else {
                add(Uitkomst.NEE, a.incomeReportedUntil() != null
                        ? Text.of("regelingen.reason.incomeReportAbove", a.incomePerMonth(), limit, pct, a.incomeReportedUntil())
                        : Text.of("regelingen.reason.incomeAbove", a.incomePerMonth(), limit, pct));
            }
        }

        /** Savings at most the limit; unknown savings make it a maybe. */
        private void savings(Optional<BigDecimal> limit) {
            if (limit.isEmpty()) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.reason.normUnknown"));
            } else if (a.savings() == null) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.reason.savingsUnknown", limit.get()));
            } else if (a.savings().compareTo(limit.get()) <= 0) {
                add(Uitkomst.JA, Text.of("regelingen.reason.savingsBelow", a.savings(), limit.get()));
            } else {
                add(Uitkomst.NEE, Text.of("regelingen.reason.savingsAbove", a.savings(), limit.get()));
            }
        }

        /** The asset limit of art. 34 Pw: for a single person, or for couples and single parents. */
        private Optional<BigDecimal> assetLimit() {
            RuleKey key = a.household().leefvorm() == Leefvorm.ALLEENSTAAND ? RuleKey.VERMOGENSGRENS_ALLEENSTAAND : RuleKey.VERMOGENSGRENS_GEZIN;
            return rule(key).map(RulePeriod::value);
        }

        /** The IIT's reference period: a low income for at least so many months. */
        private void lowIncome() {
            Optional<RulePeriod> period = rule(RuleKey.IIT_REFERTEPERIODE_MAANDEN);
            if (period.isEmpty()) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.reason.normUnknown"));
                return;
            }
            int needed = period.get().value().intValue();
            CheckAnswers.LowIncome low = a.lowIncome();
            if (low == null) {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.iit.reason.lowIncomeUnknown", Integer.toString(needed)));
            } else if (low.minMonths() >= needed) {
                add(Uitkomst.JA, low.since() != null
                        ? Text.of("regelingen.iit.reason.lowIncomeSince", low.since(), Integer.toString(needed))
                        : Text.of("regelingen.iit.reason.lowIncomeLong", Integer.toString(needed)));
            } else if (low.maxMonths() != null && low.maxMonths() < needed) {
                add(Uitkomst.NEE, low.since() != null
                        ? Text.of("regelingen.iit.reason.lowIncomeFrom", low.since(), Integer.toString(needed), low.since().plusMonths(needed))
                        : Text.of("regelingen.iit.reason.lowIncomeShort", Integer.toString(needed)));
            } else {
                add(Uitkomst.MISSCHIEN, Text.of("regelingen.iit.reason.lowIncomeMaybe", Integer.toString(needed)));
            }
        }

        private int age(LocalDate born) {
            return Period.between(born, today).getYears();
        }

        private boolean pensionAge(LocalDate born) {
            try {
                return NormCalculator.pensionAgeReached(born, today, a.gemeente(), rules);
            } catch (RuleBook.MissingRuleException notKnown) {
                return false;
            }
        }

        private void add(Uitkomst level, Text text) {
            reasons.add(new Reason(level, text));
        }

        private Optional<RulePeriod> rule(RuleKey key) {
            Optional<RulePeriod> found = rules.find(key, a.gemeente(), today);
            found.ifPresent(used::add);
            return found;
        }
    }
}

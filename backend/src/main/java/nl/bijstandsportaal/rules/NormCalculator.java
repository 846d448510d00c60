package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.Household.Member;
import nl.bijstandsportaal.rules.Household.Status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bijstandsnorm of a household for a month (art. 20-23 and 22a Participatiewet), as a pure function of the
 * household, the month, the municipality and the rule book. The norm is worked out day by day; consecutive
 * days in the same situation form one part, counted for its share of the month; the total is rounded to the
 * cent once, at the end.
 */
@Pure
public final class NormCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISE = MathContext.DECIMAL64;

    private NormCalculator() {
    }

    public static MonthlyNorm forMonth(Household household, YearMonth month, String gemeente, RuleBook rules) {
        int daysInMonth = month.lengthOfMonth();
        List<MonthlyNorm.Part> parts = new ArrayList<>();
        Day current = null;
        LocalDate start = month.atDay(1);
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            Day today = day(household, day, gemeente, rules);
            if (current != null && !today.sameNormAs(current)) {
                parts.add(current.part(start, day.minusDays(1), daysInMonth));
                start = day;
            }
            current = today;
        }
        parts.add(current.part(start, month.atEndOfMonth(), daysInMonth));

        BigDecimal inclVt = parts.stream().map(MonthlyNorm.Part::share).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        RulePeriod vtPercent = rules.get(RuleKey.VAKANTIETOESLAG_PROCENT, gemeente, month.atDay(1));
        BigDecimal vakantietoeslag = inclVt.multiply(vtPercent.value()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        int payMonth = rules.value(RuleKey.VAKANTIETOESLAG_UITBETAALMAAND, gemeente, month.atDay(1)).intValueExact();
        return new MonthlyNorm(month, inclVt, vakantietoeslag, inclVt.subtract(vakantietoeslag), vtPercent, payMonth, parts);
    }

    /** Whether someone born on {@code born} has reached the AOW age on {@code day} (the age is a rule: AOW art. 7a). */
    public static boolean pensionAgeReached(LocalDate born, LocalDate day, String gemeente, RuleBook rules) {
        int aowMonths = rules.value(RuleKey.AOW_LEEFTIJD_MAANDEN, gemeente, day).intValueExact();
        return !born.plusMonths(aowMonths).isAfter(day);
    }

    /** The situation on one day and the norm for a whole month in it. */
    private static Day day(Household h, LocalDate day, String gemeente, RuleBook rules) {
        int aowMonths = rules.value(RuleKey.AOW_LEEFTIJD_MAANDEN, gemeente, day).intValueExact();
        RuleKey category = category(h, day, aowMonths);
        RulePeriod categoryRule = rules.get(category, gemeente, day);
        List<RulePeriod> used = new ArrayList<>(List.of(categoryRule,
                rules.get(RuleKey.AOW_LEEFTIJD_MAANDEN, gemeente, day)));

        boolean partners = h.leefvorm() == Leefvorm.PARTNERS;
        // Art. 22a lid 1: A counts the kostendelers, the citizen and the spouse who are 21 or older; a spouse of 18, 19
        // or 20 is not one of them and keeps a norm of their own (lid 3). Which of the two applied does not matter.
        int adultsOwn = (years(h.applicantBorn(), day) >= 21 ? 1 : 0) + (partners && years(h.partnerBorn(), day) >= 21 ? 1 : 0);
        boolean kostendelersApply = !h.inInstitution() && adultsOwn > 0;
        if (!kostendelersApply) {
            return new Day(category, categoryRule, partners ? 2 : 1, null, null, List.of(), null, categoryRule.value(), used);
        }
        RulePeriod minimumAge = rules.get(RuleKey.KOSTENDELER_MINIMUMLEEFTIJD, gemeente, day);
        List<String> sharing = h.others().stream()
                .filter(m -> sharesCosts(m, day, minimumAge.value().intValueExact()))
                .map(Member::name)
                .toList();
        if (sharing.isEmpty()) {
            return new Day(category, categoryRule, partners ? 2 : 1, null, null, List.of(), null, categoryRule.value(), used);
        }
        int a = adultsOwn + sharing.size();
        RulePeriod basis = rules.get(RuleKey.KOSTENDELER_BASIS_PROCENT, gemeente, day);
        RulePeriod perPerson = rules.get(RuleKey.KOSTENDELER_PER_PERSOON_PROCENT, gemeente, day);
        RuleKey partnersKey = category == RuleKey.NORM_ALLEENSTAAND_AOW || category == RuleKey.NORM_PARTNERS_AOW
                ? RuleKey.NORM_PARTNERS_AOW : RuleKey.NORM_PARTNERS_21_AOW;
        RulePeriod partnersRule = rules.get(partnersKey, gemeente, day);
        BigDecimal percent = basis.value().add(perPerson.value().multiply(BigDecimal.valueOf(a)))
                .divide(BigDecimal.valueOf(a), PRECISE);
        Optional<RulePeriod> rounded = rules.find(RuleKey.KOSTENDELER_PROCENT_AFGEROND, gemeente, day);
        if (rounded.isPresent()) {
            used.add(rounded.get());
            if (rounded.get().value().signum() > 0) {
                percent = percent.setScale(2, RoundingMode.HALF_UP);
            }
        }
        BigDecimal monthly = partnersRule.value().multiply(percent).multiply(BigDecimal.valueOf(adultsOwn))
                .divide(HUNDRED, PRECISE);
        used.addAll(List.of(partnersRule, basis, perPerson, minimumAge));
        BigDecimal youngPartner = null;
        if (partners && adultsOwn == 1 && category != RuleKey.NORM_PARTNERS_AOW) {
            // Art. 22a lid 3: the spouse of 18-20 keeps the norm of a single person of that age, with children increased by
            // what children add to the norm of partners of whom one is 18-20 (art. 20 lid 2 sub c minus lid 1 sub c).
            RulePeriod young = rules.get(RuleKey.NORM_ALLEENSTAAND_18_20, gemeente, day);
            used.add(young);
            youngPartner = young.value();
            if (h.withChildren()) {
                RulePeriod withChildren = rules.get(RuleKey.NORM_PARTNERS_18_20_EN_21_MET_KINDEREN, gemeente, day);
                RulePeriod without = rules.get(RuleKey.NORM_PARTNERS_18_20_EN_21, gemeente, day);
                used.addAll(List.of(withChildren, without));
                youngPartner = youngPartner.add(withChildren.value().subtract(without.value()));
            }
            monthly = monthly.add(youngPartner);
        }
        return new Day(category, categoryRule, a, percent, partnersRule.value(), sharing, youngPartner, monthly, used);
    }

    /** Art. 20-21 (and 23 for institutions): the norm category for the leefvorm and ages on this day. */
    static RuleKey category(Household h, LocalDate day, int aowMonths) {
        int age = years(h.applicantBorn(), day);
        if (age < 18) {
            throw new IllegalArgumentException("There is no bijstandsnorm under 18");
        }
        boolean aow = months(h.applicantBorn(), day) >= aowMonths;
        if (h.leefvorm() == Leefvorm.PARTNERS) {
            int partnerAge = years(h.partnerBorn(), day);
            boolean partnerAow = months(h.partnerBorn(), day) >= aowMonths;
            if (h.inInstitution()) {
                return RuleKey.NORM_INRICHTING_PARTNERS;
            }
            if (aow || partnerAow) {
                return RuleKey.NORM_PARTNERS_AOW; // art. 22 sub b (both) and sub c (one of them): the same norm
            }
            if (age >= 21 && partnerAge >= 21) {
                return RuleKey.NORM_PARTNERS_21_AOW;
            }
            if (age < 21 && partnerAge < 21) {
                return h.withChildren() ? RuleKey.NORM_PARTNERS_18_20_MET_KINDEREN : RuleKey.NORM_PARTNERS_18_20;
            }
            return h.withChildren() ? RuleKey.NORM_PARTNERS_18_20_EN_21_MET_KINDEREN : RuleKey.NORM_PARTNERS_18_20_EN_21;
        }
        if (h.inInstitution()) {
            return RuleKey.NORM_INRICHTING_ALLEENSTAAND;
        }
        if (aow) {
            return RuleKey.NORM_ALLEENSTAAND_AOW;
        }
        boolean parent = h.leefvorm() == Leefvorm.ALLEENSTAANDE_OUDER;
        if (age >= 21) {
            return parent ? RuleKey.NORM_ALLEENSTAANDE_OUDER_21_AOW : RuleKey.NORM_ALLEENSTAAND_21_AOW;
        }
        return parent ? RuleKey.NORM_ALLEENSTAANDE_OUDER_18_20 : RuleKey.NORM_ALLEENSTAAND_18_20;
    }

    /**
     * Art. 19a lid 1: someone of the minimum age or older (27, art. 22a) shares the costs, unless studying with
     * studiefinanciering or WTOS or in BBL (sub d), or living there on commercial terms: renting a room or boarding
     * with the citizen, being the citizen's landlord, or renting from the same landlord (sub b and c).
     */
    static boolean sharesCosts(Member member, LocalDate day, int minimumAge) {
        Status status = member.status() == null ? Status.GEEN : member.status();
        return years(member.born(), day) >= minimumAge && status == Status.GEEN;
    }

    static int years(LocalDate born, LocalDate day) {
        return Period.between(born, day).getYears();
    }

    private static long months(LocalDate born, LocalDate day) {
        return Period.between(born, day).toTotalMonths();
    }

    private record Day(RuleKey category, RulePeriod categoryRule, int kostendelers, BigDecimal percent, BigDecimal partnersNorm,
                       List<String> sharing, BigDecimal youngPartner, BigDecimal monthly, List<RulePeriod> used) {

        boolean sameNormAs(Day other) {
            return category == other.category && categoryRule.equals(other.categoryRule)
                    && kostendelers == other.kostendelers && sharing.equals(other.sharing)
                    && Objects.equals(partnersNorm, other.partnersNorm) && monthly.compareTo(other.monthly) == 0;
        }

        MonthlyNorm.Part part(LocalDate from, LocalDate to, int daysInMonth) {
            int days = to.getDayOfMonth() - from.getDayOfMonth() + 1;
            BigDecimal share = monthly.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(daysInMonth), PRECISE);
            return new MonthlyNorm.Part(from, to, days, daysInMonth, category, categoryRule, kostendelers, percent,
                    partnersNorm, sharing, youngPartner, monthly, share, List.copyOf(used));
        }
    }
}

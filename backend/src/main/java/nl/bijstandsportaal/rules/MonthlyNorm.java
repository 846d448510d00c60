package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The norm for one month with its explanation. {@code inclVt} is the norm including vakantietoeslag;
 * {@code vakantietoeslag} of it is reserved and paid once a year in {@code vtPayMonth}; {@code exclVt} is what is
 * paid for the month. When something changes during the month (a new norm, someone turning 27) there is one
 * {@link Part} per stretch of days, each counted for its share of the month.
 */
@Pure
public record MonthlyNorm(YearMonth month, BigDecimal inclVt, BigDecimal vakantietoeslag, BigDecimal exclVt,
                          RulePeriod vtPercent, int vtPayMonth, List<Part> parts) {

    /**
     * One stretch of days with the same norm. {@code category} and {@code categoryRule} give the norm of the
     * citizen's leefvorm and age. When others share the costs, {@code kostendelers} is their number (the
     * citizen included), {@code kostendelerPercent} the share per person of the partners norm {@code partnersNorm},
     * and {@code kostendelerNames} who the others are; otherwise {@code kostendelerPercent} is null.
     * {@code monthlyAmount} is the norm for a whole month in this situation, {@code share} the part of it for these
     * days (both not yet rounded). {@code youngPartnerNorm}: for partners of whom one is 18, 19 or 20 and the other
     * 21 or older, living with kostendelers, the young partner's own part (art. 22a lid 3), else null.
     * {@code rules}: every rule version used for these days.
     */
    public record Part(LocalDate from, LocalDate to, int days, int daysInMonth, RuleKey category, RulePeriod categoryRule,
                       int kostendelers, BigDecimal kostendelerPercent, BigDecimal partnersNorm, List<String> kostendelerNames,
                       BigDecimal youngPartnerNorm, BigDecimal monthlyAmount, BigDecimal share, List<RulePeriod> rules) {

        public boolean isKostendelersnorm() {
            return kostendelerPercent != null;
        }

        public boolean isWholeMonth() {
            return days == daysInMonth;
        }
    }

    /** Whether the amount rests on a figure that is not confirmed yet. */
    public boolean provisional() {
        return rulesUsed().stream().anyMatch(RulePeriod::provisional);
    }

    /** Every rule version the amount rests on, for the consulent's detailed view and the API. */
    public List<RulePeriod> rulesUsed() {
        java.util.LinkedHashSet<RulePeriod> used = new java.util.LinkedHashSet<>();
        parts.forEach(p -> used.addAll(p.rules()));
        used.add(vtPercent);
        return List.copyOf(used);
    }
}

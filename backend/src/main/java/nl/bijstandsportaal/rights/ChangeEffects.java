package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rights.ChangeForm.ChangeRequest;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.MonthlyNorm;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * What a reported change will probably do to the payment, told to the citizen when they report it, as far as the
 * rules can say: a new norm when someone moves in or out, days abroad over the limit, a gift over the free amount.
 * Pure; the consulent decides.
 */
@Pure
public final class ChangeEffects {

    private ChangeEffects() {
    }

    /**
     * The prediction: a message key with its figures. {@code newNorm} is the predicted norm (incl. vakantietoeslag)
     * when the change makes one. The figures are kept with the report, as told then, in {@link #encode()}.
     */
    public record ChangeEffect(String key, List<Object> args, BigDecimal newNorm) {

        public ChangeEffect {
            args = List.copyOf(args);
        }

        public Text text() {
            return new Text(key, args);
        }

        /** The figures as one line: a1283.83|d2026-12-01|m2026-12|i3 (amount, date, month, whole number, text). */
        public String encode() {
            List<String> parts = new ArrayList<>();
            for (Object arg : args) {
                if (arg instanceof BigDecimal amount) {
                    parts.add("a" + amount.toPlainString());
                } else if (arg instanceof LocalDate date) {
                    parts.add("d" + date);
                } else if (arg instanceof YearMonth month) {
                    parts.add("m" + month);
                } else if (arg instanceof Integer number) {
                    parts.add("i" + number);
                } else {
                    parts.add("s" + String.valueOf(arg).replace("|", "/"));
                }
            }
            return String.join("|", parts);
        }

        public static ChangeEffect decode(String key, String encoded, BigDecimal newNorm) {
            List<Object> args = new ArrayList<>();
            if (encoded != null && !encoded.isEmpty()) {
                for (String part : encoded.split("\\|")) {
                    String value = part.substring(1);
                    args.add(switch (part.charAt(0)) {
                        case 'a' -> new BigDecimal(value);
                        case 'd' -> LocalDate.parse(value);
                        case 'm' -> YearMonth.parse(value);
                        case 'i' -> Integer.valueOf(value);
                        default -> value;
                    });
                }
            }
            return new ChangeEffect(key, args, newNorm);
        }
    }

    /**
     * @param giftsThisYear the gifts already reported in the calendar year of this one
     * @param daysAbroadThisYear days of earlier reported trips in the calendar year this trip starts in
     */
    public static ChangeEffect predict(ChangeRequest change, Situation situation, Household household, RuleBook rules,
                                       BigDecimal giftsThisYear, IntUnaryOperator daysAbroadInYear) {
        String gemeente = situation.gemeente();
        return switch (change.kind()) {
            case INWONER_ERBIJ -> {
                List<Household.Member> others = new ArrayList<>(household.others());
                others.add(new Household.Member(change.naam(), change.geboortedatum(), change.status()));
                yield normEffect(household, withOthers(household, others), change.datum(), gemeente, rules);
            }
            case INWONER_WEG -> {
                List<Household.Member> others = household.others().stream()
                        .filter(m -> !m.name().equals(change.lidNaam())).toList();
                yield normEffect(household, withOthers(household, others), change.datum(), gemeente, rules);
            }
            case BUITENLAND -> abroad(change, gemeente, rules, daysAbroadInYear);
            case GIFT -> gift(change, gemeente, rules, giftsThisYear);
            case ADRES -> new ChangeEffect("change.effect.address", List.of(situation.gemeenteNaam()), null);
            case ANDERS -> new ChangeEffect("change.effect.consulent", List.of(), null);
        };
    }

    private static Household withOthers(Household h, List<Household.Member> others) {
        return new Household(h.leefvorm(), h.applicantBorn(), h.partnerBorn(), h.inInstitution(), others);
    }

    /** Compares the norm for a whole month in the situation of the day of the change, with and without it. */
    private static ChangeEffect normEffect(Household before, Household after, LocalDate from, String gemeente, RuleBook rules) {
        Optional<BigDecimal> old = RightsRules.monthlyNormOn(before, from, gemeente, rules);
        Optional<BigDecimal> next = RightsRules.monthlyNormOn(after, from, gemeente, rules);
        if (old.isEmpty() || next.isEmpty()) {
            return new ChangeEffect("change.effect.normUnknown", List.of(YearMonth.from(from)), null);
        }
        int compared = next.get().compareTo(old.get());
        if (compared == 0) {
            return new ChangeEffect("change.effect.normSame", List.of(old.get()), next.get());
        }
        return new ChangeEffect(compared < 0 ? "change.effect.normLower" : "change.effect.normHigher",
                List.of(from, next.get(), old.get()), next.get());
    }

    /**
     * The limit holds per calendar year (art. 13 lid 1 sub e): a trip over New Year counts its days in each year apart,
     * each with the days abroad already reported in that year ({@code earlierDaysInYear}).
     */
    private static ChangeEffect abroad(ChangeRequest change, String gemeente, RuleBook rules, IntUnaryOperator earlierDaysInYear) {
        int days = (int) ChronoUnit.DAYS.between(change.datum(), change.datumTot()) + 1;
        Optional<BigDecimal> weeks = rules.find(RuleKey.BUITENLAND_MAX_WEKEN, gemeente, change.datum()).map(r -> r.value());
        if (weeks.isEmpty()) {
            return new ChangeEffect("change.effect.consulent", List.of(), null);
        }
        int allowed = weeks.get().intValue() * 7;
        int firstYear = change.datum().getYear();
        int lastYear = change.datumTot().getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            int inYear = daysInYear(change.datum(), change.datumTot(), year);
            int total = earlierDaysInYear.applyAsInt(year) + inYear;
            if (total > allowed) {
                return firstYear == lastYear
                        ? new ChangeEffect("change.effect.abroadTooLong", List.of(total, total - allowed, weeks.get().intValue()), null)
                        : new ChangeEffect("change.effect.abroadTooLongInYear",
                                List.of(total, total - allowed, weeks.get().intValue(), String.valueOf(year)), null);
            }
        }
        if (firstYear == lastYear) {
            return new ChangeEffect("change.effect.abroadWithin",
                    List.of(days, allowed - earlierDaysInYear.applyAsInt(firstYear) - days), null);
        }
        return new ChangeEffect("change.effect.abroadAcrossYears", List.of(days,
                String.valueOf(firstYear), daysInYear(change.datum(), change.datumTot(), firstYear),
                String.valueOf(lastYear), daysInYear(change.datum(), change.datumTot(), lastYear), weeks.get().intValue()), null);
    }

    /** The days of the trip from {@code from} to {@code to} (both included) that fall in {@code year}. */
    static int daysInYear(LocalDate from, LocalDate to, int year) {
        LocalDate start = from.getYear() < year ? LocalDate.of(year, 1, 1) : from;
        LocalDate end = to.getYear() > year ? LocalDate.of(year, 12, 31) : to;
        return end.isBefore(start) ? 0 : (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    private static ChangeEffect gift(ChangeRequest change, String gemeente, RuleBook rules, BigDecimal earlier) {
        BigDecimal total = earlier.add(change.bedrag());
        Optional<BigDecimal> free = rules.find(RuleKey.GIFTEN_VRIJ_PER_JAAR, gemeente, change.datum()).map(r -> r.value());
        if (!rules.isOn(RuleKey.MAATREGEL_GIFTEN_1200, gemeente, change.datum()) || free.isEmpty()) {
            return new ChangeEffect("change.effect.giftCheck", List.of(), null);
        }
        if (total.compareTo(free.get()) <= 0) {
            return new ChangeEffect("change.effect.giftFree", List.of(free.get(), total), null);
        }
        return new ChangeEffect("change.effect.giftAboveLimit", List.of(free.get(), total), null);
    }
}

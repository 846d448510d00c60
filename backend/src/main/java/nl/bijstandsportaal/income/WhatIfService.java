package nl.bijstandsportaal.income;

import nl.bijstandsportaal.platform.time.Today;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.rights.RightsService;
import nl.bijstandsportaal.rights.Situation;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.rules.RulePeriodRepository;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * The "what if I work" calculator: for a signed-in citizen with their own household and municipality, for a
 * visitor with the situation they choose (21 to 26, or 27 or older; nobody else in the home).
 */
@Singleton
public class WhatIfService {


    private final RightsService rights;
    private final RulesService rules;
    private final RulePeriodRepository municipalities;
    private final Clock clock;

    WhatIfService(RightsService rights, RulesService rules, RulePeriodRepository municipalities, Clock clock) {
        this.rights = rights;
        this.rules = rules;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** The form as typed (all optional: an empty form shows only the questions). */
    public record Form(String gemeente, String leefvorm, String leeftijd, String kind12, String uren, String uurloon, String maandloon,
                       String start) {
    }

    /**
     * {@code answer} null: nothing asked yet or mistakes ({@code errors}, per field). {@code personal}: worked out
     * for the signed-in citizen's own situation.
     */
    public record Outcome(Map<String, Text> errors, WhatIf.Answer answer, BigDecimal monthlyNet, boolean personal,
                          Map<String, String> gemeenten, List<YearMonth> startMonths) {
    }

    /** The highest net monthly wage the calculator takes, typed or worked out from hours and hourly wage. */
    private static final BigDecimal MAX_MONTHLY = new BigDecimal("20000");

    public Outcome calculate(Optional<CurrentUser> citizen, Form form) {
        Map<String, String> gemeenten = municipalities.gemeenten();
        YearMonth now = YearMonth.from(Today.in(clock));
        List<YearMonth> startMonths = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            startMonths.add(now.plusMonths(i));
        }
        boolean personal = citizen.filter(CurrentUser::isCitizen).isPresent();
        boolean asked = has(form.uren()) || has(form.uurloon()) || has(form.maandloon());
        if (!asked) {
            return new Outcome(Map.of(), null, null, personal, gemeenten, startMonths);
        }
        Map<String, Text> errors = new LinkedHashMap<>();
        BigDecimal monthlyNet = null;
        if (has(form.maandloon())) {
            monthlyNet = amount(form.maandloon(), "maandloon", "whatif.field.maandloon", MAX_MONTHLY, errors);
        } else {
            BigDecimal hours = amount(form.uren(), "uren", "whatif.field.uren", new BigDecimal("60"), errors);
            BigDecimal wage = amount(form.uurloon(), "uurloon", "whatif.field.uurloon", new BigDecimal("200"), errors);
            if (hours != null && wage != null) {
                monthlyNet = WhatIf.monthly(hours, wage);
                if (monthlyNet.compareTo(MAX_MONTHLY) > 0) {
                    errors.put("uurloon", Text.of("whatif.error.monthlyTooHigh", monthlyNet, MAX_MONTHLY));
                    monthlyNet = null;
                }
            }
        }
        // An empty start is this month; a month that is not one of the choices is a mistake, never silently this month.
        YearMonth start = has(form.start()) ? startMonths.stream().filter(m -> m.toString().equals(form.start().strip())).findFirst().orElse(null) : now;
        if (start == null) {
            errors.put("start", Text.of("whatif.error.choose", Text.of("whatif.field.start")));
        }
        Household household;
        String gemeente;
        boolean singleParentOfYoungChild;
        if (personal) {
            Situation situation = rights.householdOf(citizen.get());
            household = situation.household();
            gemeente = situation.gemeente();
            singleParentOfYoungChild = household.leefvorm() == Household.Leefvorm.ALLEENSTAANDE_OUDER && "ja".equals(form.kind12());
        } else {
            gemeente = form.gemeente() != null && gemeenten.containsKey(form.gemeente()) ? form.gemeente() : null;
            if (gemeente == null) {
                errors.put("gemeente", Text.of("whatif.error.choose", Text.of("whatif.field.gemeente")));
            }
            Household.Leefvorm leefvorm = leefvorm(form.leefvorm());
            if (leefvorm == null) {
                errors.put("leefvorm", Text.of("whatif.error.choose", Text.of("whatif.field.leefvorm")));
            }
            // The two answers: under 27 ("onder27") or 27 and older (empty, the first choice). Anything else is a mistake:
            // an age typed in its place (18, say) must not count as 27 or older. Someone of 22 stays under 27 for the
            // whole calculation; someone of 30 stays between 27 and the AOW age.
            boolean under27 = "onder27".equals(form.leeftijd());
            if (has(form.leeftijd()) && !under27) {
                errors.put("leeftijd", Text.of("whatif.error.choose", Text.of("whatif.field.leeftijd")));
            }
            LocalDate born = Today.in(clock).minusYears(under27 ? 22 : 30);
            household = leefvorm == null ? null
                    : new Household(leefvorm, born, leefvorm == Household.Leefvorm.PARTNERS ? born : null, false, List.of());
            singleParentOfYoungChild = leefvorm == Household.Leefvorm.ALLEENSTAANDE_OUDER && "ja".equals(form.kind12());
        }
        if (!errors.isEmpty() || monthlyNet == null) {
            return new Outcome(errors, null, monthlyNet, personal, gemeenten, startMonths);
        }
        WhatIf.Answer answer = WhatIf.calculate(new WhatIf.Question(household, gemeente, monthlyNet, start, singleParentOfYoungChild),
                rules.book());
        return new Outcome(Map.of(), answer, monthlyNet, personal, gemeenten, startMonths);
    }

    private static Household.Leefvorm leefvorm(String value) {
        try {
            return value == null ? null : Household.Leefvorm.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean has(String value) {
        return value != null && !value.isBlank();
    }

    /** Euros or hours as people type them (comma or point); zero, negative or above {@code max} is refused. */
    private static BigDecimal amount(String value, String field, String label, BigDecimal max, Map<String, Text> errors) {
        if (!has(value)) {
            errors.put(field, Text.of("whatif.error.required", Text.of(label)));
            return null;
        }
        Optional<BigDecimal> parsed = TypedInput.amount(value);
        if (parsed.isEmpty()) {
            errors.put(field, Text.of("whatif.error.number", Text.of(label)));
            return null;
        }
        BigDecimal number = parsed.get();
        if (number.signum() <= 0 || number.compareTo(max) > 0) {
            errors.put(field, Text.of("whatif.error.range", Text.of(label), max.intValue()));
            return null;
        }
        return number;
    }
}

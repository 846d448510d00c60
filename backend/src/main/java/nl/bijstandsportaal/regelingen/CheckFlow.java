package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.forms.Question;
import nl.bijstandsportaal.platform.forms.Screen;
import nl.bijstandsportaal.regelingen.CheckAnswers.Children;
import nl.bijstandsportaal.regelingen.CheckAnswers.LowIncome;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.Household.Leefvorm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The questions of "Waar heb ik recht op?", one screen each, declared as data. What the portal already knows of a
 * signed-in citizen is filled in before the flow starts, so those screens are skipped: a citizen on bijstand is asked
 * only about savings and whether their income will soon go up. Answers map to one {@link CheckAnswers} that every
 * regeling is checked against.
 */
@Pure
public final class CheckFlow {

    public static final String NAME = "regelingen.check";

    public static final String LEEFVORM = "leefvorm";
    public static final String LEEFTIJD = "leeftijd";
    public static final String PARTNER_LEEFTIJD = "partnerLeeftijd";
    public static final String KINDEREN_0_3 = "kinderen0tot4";
    public static final String KINDEREN_4_11 = "kinderen4tot12";
    public static final String KINDEREN_12_17 = "kinderen12tot18";
    public static final String INKOMEN = "inkomen";
    public static final String SPAARGELD = "spaargeld";
    public static final String LAAG_INKOMEN = "laagInkomen";
    public static final String BETER_INKOMEN = "beterInkomen";

    /** Answers the portal fills in from what it knows; a citizen is never asked these. */
    public static final List<String> KNOWN_FOR_CITIZENS = List.of(LEEFVORM, LEEFTIJD, PARTNER_LEEFTIJD, KINDEREN_0_3,
            KINDEREN_4_11, KINDEREN_12_17, INKOMEN, LAAG_INKOMEN);

    private static final BigDecimal MAX_INCOME = new BigDecimal("50000");
    private static final BigDecimal MAX_SAVINGS = new BigDecimal("10000000");

    /** Questions the application forms ask too, with the same ids, so the check's answers fill them in. */
    static final Question SAVINGS = Question.amount(SPAARGELD, MAX_SAVINGS);
    static final Question BETTER_INCOME = Question.choice(BETER_INKOMEN, "ja", "nee", "weetniet");

    public static final FormFlow FLOW = new FormFlow(NAME, List.of(
            Screen.of(LEEFVORM, a -> true, Question.choice(LEEFVORM, "alleenstaand", "alleenstaande-ouder", "partners")),
            Screen.of(LEEFTIJD, a -> true, Question.wholeNumber(LEEFTIJD, 120)),
            Screen.of(PARTNER_LEEFTIJD, a -> "partners".equals(a.get(LEEFVORM)), Question.wholeNumber(PARTNER_LEEFTIJD, 120)),
            Screen.of("kinderen", a -> a.containsKey(LEEFVORM) && !"alleenstaand".equals(a.get(LEEFVORM)),
                    Question.wholeNumber(KINDEREN_0_3, 20), Question.wholeNumber(KINDEREN_4_11, 20), Question.wholeNumber(KINDEREN_12_17, 20)),
            Screen.of(INKOMEN, a -> true, Question.amount(INKOMEN, MAX_INCOME)),
            Screen.of(SPAARGELD, a -> true, SAVINGS),
            Screen.of(LAAG_INKOMEN, CheckFlow::adult21, Question.choice(LAAG_INKOMEN, "korter", "tussen", "langer")),
            Screen.of(BETER_INKOMEN, CheckFlow::adult21, BETTER_INCOME)));

    private CheckFlow() {
    }

    /** Questions about income over years matter from 21 on (the IIT's minimum age); unknown age asks them. */
    private static boolean adult21(Map<String, String> a) {
        String age = a.get(LEEFTIJD);
        return age == null || Integer.parseInt(age) >= 21;
    }

    /**
     * A visitor's answers as one set: a household built from leefvorm and ages (nobody else in the home), the children
     * by age band. A missing answer stays unknown.
     */
    public static CheckAnswers visitor(String gemeente, Map<String, String> a, LocalDate today) {
        Leefvorm leefvorm = switch (a.getOrDefault(LEEFVORM, "alleenstaand")) {
            case "alleenstaande-ouder" -> Leefvorm.ALLEENSTAANDE_OUDER;
            case "partners" -> Leefvorm.PARTNERS;
            default -> Leefvorm.ALLEENSTAAND;
        };
        LocalDate born = bornAtAge(a.get(LEEFTIJD), today, 30);
        LocalDate partnerBorn = leefvorm == Leefvorm.PARTNERS ? bornAtAge(a.get(PARTNER_LEEFTIJD), today, 30) : null;
        Children children = leefvorm == Leefvorm.ALLEENSTAAND ? Children.NONE
                : a.containsKey(KINDEREN_0_3) ? new Children(number(a.get(KINDEREN_0_3)), number(a.get(KINDEREN_4_11)),
                number(a.get(KINDEREN_12_17))) : null;
        boolean withChildren = children != null && children.total() > 0;
        Household household = new Household(leefvorm, born, partnerBorn, false, List.of(), withChildren);
        return new CheckAnswers(gemeente, household, amount(a.get(INKOMEN)), false, amount(a.get(SPAARGELD)),
                lowIncome(a.get(LAAG_INKOMEN)), better(a.get(BETER_INKOMEN)), children);
    }

    /** What a citizen told the check, laid over what the portal knows of them. */
    public static CheckAnswers citizen(CheckAnswers known, Map<String, String> asked) {
        return new CheckAnswers(known.gemeente(), known.household(), known.incomePerMonth(), known.incomeFromBijstand(),
                known.incomeReportedUntil(), asked.containsKey(SPAARGELD) ? amount(asked.get(SPAARGELD)) : known.savings(), known.lowIncome(),
                asked.containsKey(BETER_INKOMEN) ? better(asked.get(BETER_INKOMEN)) : known.betterIncomeExpected(), known.children());
    }

    /** A day of birth that makes someone {@code age} today (the day after their birthday); a default age if unknown. */
    static LocalDate bornAtAge(String age, LocalDate today, int otherwise) {
        int years = age == null ? otherwise : Integer.parseInt(age);
        return today.minusYears(years).minusDays(1);
    }

    private static int number(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    private static BigDecimal amount(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    /** Less than a year, one to three years, three years or more. */
    static LowIncome lowIncome(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "korter" -> new LowIncome(0, 11, null);
            case "tussen" -> new LowIncome(12, 35, null);
            default -> new LowIncome(36, null, null);
        };
    }

    private static Boolean better(String s) {
        if (s == null || "weetniet".equals(s)) {
            return null;
        }
        return "ja".equals(s);
    }
}

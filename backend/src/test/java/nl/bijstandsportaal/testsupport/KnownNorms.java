package nl.bijstandsportaal.testsupport;

import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;

import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Which published norms the tests' literal amounts are: those of 1 July 2026 (rules/normen.csv). A test on a day whose
 * norms the rule data does not know expects the page to say so instead; when new norms are added to the rule data,
 * the tests that meet them fail with a message to add the amounts of that period.
 */
public final class KnownNorms {

    public static final LocalDate FROM = LocalDate.of(2026, 7, 1);
    public static final LocalDate TO = LocalDate.of(2026, 12, 31);

    private KnownNorms() {
    }

    /** Whether the rule data knows the norms on {@code day}; if it does, {@code day} must be in the period of the literals. */
    public static boolean on(RuleBook book, LocalDate day) {
        boolean known = book.find(RuleKey.NORM_ALLEENSTAAND_21_AOW, "*", day).isPresent();
        assertTrue(!known || (!day.isBefore(FROM) && !day.isAfter(TO)),
                "The rule data has norms for " + day + ": add the amounts of that period to this test");
        return known;
    }

    /** The rule data has the norms for every day of this month. */
    public static boolean known(RuleBook book, YearMonth month) {
        return known(book, month.atDay(1)) && known(book, month.atEndOfMonth());
    }

    /** The rule data has the norms for every day of this report period. */
    public static boolean known(RuleBook book, ReportPeriod period) {
        return known(book, period.from()) && known(book, period.to());
    }

    private static boolean known(RuleBook book, LocalDate day) {
        return book.find(RuleKey.NORM_ALLEENSTAAND_21_AOW, "*", day).isPresent();
    }

    /**
     * The expected amount of the half year {@code month} falls in, keyed by the half year's first month (norms change
     * on 1 January and 1 July). A month whose figures the rule data has but the test does not: add them to the test.
     */
    public static <T> T published(Map<YearMonth, T> byHalfYear, YearMonth month) {
        YearMonth halfYear = month.withMonth(month.getMonthValue() <= 6 ? 1 : 7);
        T expected = byHalfYear.get(halfYear);
        if (expected == null) {
            fail("The rule data has figures for " + month + ", but the test has no expected amounts for the half year from "
                    + halfYear + ": add them");
        }
        return expected;
    }
}

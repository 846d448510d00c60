package nl.bijstandsportaal.testsupport;

import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

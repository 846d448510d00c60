package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One value of one rule for one municipality ({@link #NATIONAL} for the whole country) over a period of days:
 * from {@code from} up to and including {@code to}; {@code to} is null for the period that has no end yet.
 * {@code provisional}: the figure is not confirmed yet (e.g. a norm worked out from the law before the half-yearly
 * normenbrief confirms it); pages and the API say so wherever it is used. {@code source} says where the figure comes
 * from (a law, a circular, a municipal verordening); {@code origin} where it was read (file and line, or the
 * beheerder's change).
 */
@Pure
public record RulePeriod(RuleKey key, String gemeente, LocalDate from, LocalDate to, BigDecimal value,
                         boolean provisional, String source, String origin) {

    public static final String NATIONAL = "*";

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    public boolean isNational() {
        return NATIONAL.equals(gemeente);
    }
}

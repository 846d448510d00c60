package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.time.Today;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule period a beheerder added on the rules page: one row of {@code regel_periode}, as stored. Never updated or
 * deleted; {@link RuleMerge} lays these rows, in the order they were added, over the seed files.
 */
public record StoredPeriod(long id, String regel, String gemeente, LocalDate from, LocalDate to, BigDecimal value,
                           boolean provisional, String source, long addedBy, String addedByName, Instant addedAt) {

    private static final Pattern CBS_CODE = Pattern.compile("\\d{4}");

    /** The day it was added, in Amsterdam. */
    public LocalDate addedOn() {
        return addedAt.atZone(Today.DUTCH_TIME).toLocalDate();
    }

    /**
     * Where the period comes from, as rule problems name it. Ids rather than names, so a problem written to the log
     * holds no personal data; the rules page shows the name.
     */
    public String origin() {
        return "regel_periode " + id + " (toegevoegd op " + addedOn() + " door medewerker " + addedBy + ")";
    }

    /** As a rule period, or null with the problems added when the row cannot be used (unknown rule, wrong value). */
    public RulePeriod toPeriod(List<String> problems) {
        int before = problems.size();
        RuleKey key = RuleKey.byCode(regel).orElse(null);
        if (key == null) {
            problems.add(origin() + ": unknown rule '" + regel + "'");
        }
        if (gemeente == null || !CBS_CODE.matcher(gemeente).matches()) {
            problems.add(origin() + ": gemeente must be a four-digit CBS code, not '" + gemeente + "'");
        }
        if (to != null && to.isBefore(from)) {
            problems.add(origin() + ": geldig_tot " + to + " is before geldig_vanaf " + from);
        }
        BigDecimal normalized = RuleValues.normalize(value);
        if (key != null && !RuleValues.fits(key.kind(), normalized)) {
            problems.add(origin() + ": " + key.code() + " needs " + RuleValues.describe(key.kind()) + ", not " + normalized.toPlainString());
        }
        if (source == null || source.isBlank()) {
            problems.add(origin() + ": bron is empty; every rule needs its source");
        }
        return problems.size() == before ? new RulePeriod(key, gemeente, from, to, normalized, provisional, source, origin()) : null;
    }
}

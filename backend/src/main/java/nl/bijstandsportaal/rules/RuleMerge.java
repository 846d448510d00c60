package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Lays the periods a beheerder added over the seed files, in the order they were added, without changing what is
 * stored. An added period for rule K in municipality G from day D ends the period of (K, G) that covers D on D-1:
 * the seed line or the earlier row stays as it is, only the merged list ends it. A period of (K, G) that itself
 * starts on D ends before it begins: it is replaced and never applies. If G had no own period on D, the added one
 * simply becomes G's own from D (the national rule applies before). National periods are never ended this way.
 * The result is then checked like the files ({@link RuleBook#of}: overlaps, gaps, open periods).
 */
@Pure
public final class RuleMerge {

    private RuleMerge() {
    }

    /** What the merge did to a period from the files or an earlier row. */
    public enum Fate { ENDED, REPLACED }

    /** {@code by}: the origin of the added period that ended or replaced it; {@code byFrom}: the day that one starts. */
    public record Note(Fate fate, String by, LocalDate byFrom) {
    }

    /**
     * {@code periods}: the merged periods to check and use; {@code replaced}: periods that never apply because a
     * later addition starts on the same day; {@code notes}: by origin, what happened to ended or replaced periods.
     */
    public record Result(List<RulePeriod> periods, List<RulePeriod> replaced, Map<String, Note> notes) {
    }

    /** {@code added} in the order they were added (by id). */
    public static Result merge(List<RulePeriod> seed, List<RulePeriod> added) {
        List<RulePeriod> periods = new ArrayList<>(seed);
        List<RulePeriod> replaced = new ArrayList<>();
        Map<String, Note> notes = new HashMap<>();
        for (RulePeriod row : added) {
            for (ListIterator<RulePeriod> it = periods.listIterator(); it.hasNext(); ) {
                RulePeriod p = it.next();
                if (p.key() != row.key() || !p.gemeente().equals(row.gemeente()) || p.isNational() || !p.covers(row.from())) {
                    continue;
                }
                if (p.from().isBefore(row.from())) {
                    it.set(new RulePeriod(p.key(), p.gemeente(), p.from(), row.from().minusDays(1), p.value(), p.provisional(), p.source(), p.origin()));
                    notes.put(p.origin(), new Note(Fate.ENDED, row.origin(), row.from()));
                } else {
                    it.remove();
                    replaced.add(p);
                    notes.put(p.origin(), new Note(Fate.REPLACED, row.origin(), row.from()));
                }
            }
            periods.add(row);
        }
        return new Result(List.copyOf(periods), List.copyOf(replaced), Map.copyOf(notes));
    }
}

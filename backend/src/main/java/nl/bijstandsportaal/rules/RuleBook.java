package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All rule periods, checked: for each rule and municipality the periods follow each other without overlap and
 * without a gap, and only the last may be open-ended. A municipality's own value wins over the national one
 * on the days it covers. Immutable; build a new book to add a period.
 */
@Pure
public final class RuleBook {

    private final Map<RuleKey, Map<String, List<RulePeriod>>> periods;
    /** For a look ahead: the day whose figures stand in for figures not known yet (null: none stand in). */
    private final LocalDate assumedFrom;

    private RuleBook(Map<RuleKey, Map<String, List<RulePeriod>>> periods, LocalDate assumedFrom) {
        this.periods = periods;
        this.assumedFrom = assumedFrom;
    }

    /** Checks the periods and builds the book; every problem is listed, each naming where the period was read. */
    public static RuleBook of(List<RulePeriod> all) {
        Map<RuleKey, Map<String, List<RulePeriod>>> byKey = new EnumMap<>(RuleKey.class);
        for (RulePeriod p : all) {
            byKey.computeIfAbsent(p.key(), k -> new HashMap<>()).computeIfAbsent(p.gemeente(), g -> new ArrayList<>()).add(p);
        }
        List<String> problems = new ArrayList<>();
        byKey.values().forEach(byGemeente -> byGemeente.values().forEach(list -> {
            list.sort(Comparator.comparing(RulePeriod::from));
            for (int i = 1; i < list.size(); i++) {
                check(list.get(i - 1), list.get(i), problems);
            }
        }));
        checkLaw(byKey, problems);
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        byKey.replaceAll((k, byGemeente) -> {
            byGemeente.replaceAll((g, list) -> List.copyOf(list));
            return Map.copyOf(byGemeente);
        });
        return new RuleBook(byKey, null);
    }

    /**
     * A rule only the law sets has national periods only, and a measure is switched on only from a day its law is in
     * force (when the book says when that is).
     */
    private static void checkLaw(Map<RuleKey, Map<String, List<RulePeriod>>> byKey, List<String> problems) {
        byKey.forEach((key, byGemeente) -> byGemeente.forEach((gemeente, list) -> list.forEach(p -> {
            if (key.isNationalOnly() && !p.isNational()) {
                problems.add(p.origin() + ": " + key.code() + " is set by the law for the whole country (gemeente *), not per municipality");
            }
            Optional<RuleKey> law = key.lawInForce();
            List<RulePeriod> lawPeriods = law.map(l -> byKey.getOrDefault(l, Map.of()).getOrDefault(RulePeriod.NATIONAL, List.of())).orElse(List.of());
            if (p.value().signum() > 0 && !lawPeriods.isEmpty()) {
                boolean inForce = lawPeriods.stream().anyMatch(l -> l.covers(p.from()) && l.value().signum() > 0);
                if (!inForce) {
                    String firstDay = lawPeriods.stream().filter(l -> l.value().signum() > 0).map(l -> l.from().toString())
                            .findFirst().orElse("no known day");
                    problems.add(p.origin() + ": " + key.code() + " (gemeente " + gemeente + ") is switched on from " + p.from()
                            + ", but " + law.get().code() + " allows it only from " + firstDay);
                }
            }
        })));
    }

    private static void check(RulePeriod earlier, RulePeriod later, List<String> problems) {
        String what = later.key().code() + " (gemeente " + later.gemeente() + ")";
        if (earlier.to() == null) {
            problems.add(later.origin() + ": " + what + " starts on " + later.from() + ", but the period of "
                    + earlier.origin() + " has no end date; give that period an end date of " + later.from().minusDays(1));
        } else if (!later.from().isAfter(earlier.to())) {
            problems.add(later.origin() + ": " + what + " from " + later.from() + " overlaps the period "
                    + earlier.from() + " to " + earlier.to() + " of " + earlier.origin());
        } else if (!later.from().equals(earlier.to().plusDays(1))) {
            problems.add(later.origin() + ": " + what + " from " + later.from() + " leaves a gap after the period "
                    + earlier.from() + " to " + earlier.to() + " of " + earlier.origin() + "; start it on " + earlier.to().plusDays(1));
        }
    }

    /**
     * The same rules for looking ahead: a rule that is not known yet on a later day is taken as it is on {@code day}
     * (the last day whose figures are known). Rules that are known for the later day, such as a measure that starts
     * then, still apply; a measure (switch) is never assumed: not known means off.
     */
    public RuleBook assumingFiguresOf(LocalDate day) {
        return new RuleBook(periods, day);
    }

    /** The period that applies in this municipality on this day: its own if it has one, else the national one. */
    public Optional<RulePeriod> find(RuleKey key, String gemeente, LocalDate day) {
        Optional<RulePeriod> found = findKnown(key, gemeente, day);
        boolean assume = assumedFrom != null && found.isEmpty() && day.isAfter(assumedFrom) && key.kind() != RuleKey.Kind.SWITCH;
        return assume ? findKnown(key, gemeente, assumedFrom) : found;
    }

    private Optional<RulePeriod> findKnown(RuleKey key, String gemeente, LocalDate day) {
        Map<String, List<RulePeriod>> byGemeente = periods.getOrDefault(key, Map.of());
        return covering(byGemeente.get(gemeente), day).or(() -> covering(byGemeente.get(RulePeriod.NATIONAL), day));
    }

    private static Optional<RulePeriod> covering(List<RulePeriod> list, LocalDate day) {
        return list == null ? Optional.empty() : list.stream().filter(p -> p.covers(day)).findFirst();
    }

    public RulePeriod get(RuleKey key, String gemeente, LocalDate day) {
        return find(key, gemeente, day).orElseThrow(() -> new MissingRuleException(key, gemeente, day));
    }

    public BigDecimal value(RuleKey key, String gemeente, LocalDate day) {
        return get(key, gemeente, day).value();
    }

    /** True when a Participatiewet-in-balans measure is switched on in this municipality on this day. */
    public boolean isOn(RuleKey measure, String gemeente, LocalDate day) {
        return find(measure, gemeente, day).map(p -> p.value().signum() > 0).orElse(false);
    }

    /** The first day after {@code day} on which any of these rules takes a new value here; empty if none is known. */
    public Optional<LocalDate> nextChange(List<RuleKey> keys, String gemeente, LocalDate day) {
        return keys.stream()
                .flatMap(key -> periods.getOrDefault(key, Map.of()).entrySet().stream()
                        .filter(e -> e.getKey().equals(gemeente) || e.getKey().equals(RulePeriod.NATIONAL))
                        .flatMap(e -> e.getValue().stream()))
                .map(RulePeriod::from)
                .filter(from -> from.isAfter(day))
                .min(Comparator.naturalOrder());
    }

    /** Every period, for the beheerder's history page. */
    public List<RulePeriod> all() {
        return periods.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
                .sorted(Comparator.comparing((RulePeriod p) -> p.key().ordinal()).thenComparing(RulePeriod::gemeente)
                        .thenComparing(RulePeriod::from))
                .toList();
    }

    /** A rule the calculation needs is not known for that day: the rule data must be completed. */
    public static final class MissingRuleException extends RuntimeException {
        private final LocalDate day;

        MissingRuleException(RuleKey key, String gemeente, LocalDate day) {
            super("No value for rule " + key.code() + " in gemeente " + gemeente + " on " + day);
            this.day = day;
        }

        /** The day whose figure is not known. */
        public LocalDate day() {
            return day;
        }
    }
}

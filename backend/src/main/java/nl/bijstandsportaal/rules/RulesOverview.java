package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.i18n.Text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the beheerder's rules page shows for one municipality: per group, every rule with the value that applies
 * today (the municipality's own or the national one) and every period of it (national and own, with where each came
 * from: a line of a rule file or who added it and when; and whether a later addition ended or replaced it).
 */
public record RulesOverview(String gemeenteCode, String gemeenteNaam, LocalDate today, List<Group> groups) {

    /** The groups of the page, in order. */
    public enum GroupKind { NORMEN, KOSTENDELERSNORM, VAKANTIETOESLAG, VERMOGEN, VRIJLATING, VERLAGING, IN_BALANS, REGELINGEN, OVERIG }

    public record Group(String id, Text name, List<Rule> rules) {
    }

    /**
     * One rule. {@code today}: its value today, or null if none; {@code own}: the municipality's own value (else
     * national); {@code since}: the start of today's period; {@code provisional}: today's value is not confirmed
     * yet; {@code changeable}: the municipality may add its own period (not for what only the law sets).
     */
    public record Rule(String code, String anchor, Text name, Text option, Text today, boolean own, LocalDate since,
                       boolean provisional, boolean changeable, List<Row> history) {
    }

    /**
     * One period. {@code provisional}: the value is not confirmed yet; {@code note}: ended early or replaced by a
     * later addition (null if neither).
     */
    public record Row(LocalDate from, LocalDate to, Text value, boolean provisional, boolean national, String source,
                      Text origin, Text note, boolean replaced) {
    }

    public static GroupKind group(RuleKey key) {
        String code = key.code();
        if (code.startsWith("norm.")) {
            return GroupKind.NORMEN;
        } else if (code.startsWith("kostendeler.")) {
            return GroupKind.KOSTENDELERSNORM;
        } else if (code.startsWith("vakantietoeslag.")) {
            return GroupKind.VAKANTIETOESLAG;
        } else if (code.startsWith("vermogensgrens.")) {
            return GroupKind.VERMOGEN;
        } else if (code.startsWith("vrijlating.") || code.startsWith("giften.")) {
            return GroupKind.VRIJLATING;
        } else if (code.startsWith("verlaging.")) {
            return GroupKind.VERLAGING;
        } else if (code.startsWith("maatregel.") || code.startsWith("wet.")) {
            return GroupKind.IN_BALANS;
        } else if (code.startsWith("regeling.") || code.startsWith("bijzondere_bijstand.") || code.startsWith("iit.")
                || code.startsWith("kwijtschelding.") || code.startsWith("zorgverzekering.") || code.startsWith("meedoen.")
                || code.startsWith("aanvraag.")) {
            return GroupKind.REGELINGEN;
        }
        return GroupKind.OVERIG;
    }

    public static RulesOverview of(RulesService.Snapshot snapshot, String gemeente, String gemeenteNaam, LocalDate today) {
        Map<GroupKind, List<Rule>> byGroup = new EnumMap<>(GroupKind.class);
        List<RulePeriod> all = new ArrayList<>(snapshot.book().all());
        all.addAll(snapshot.merged().replaced());
        for (RuleKey key : RuleKey.values()) {
            List<Row> history = all.stream()
                    .filter(p -> p.key() == key && (p.isNational() || p.gemeente().equals(gemeente)))
                    .sorted(Comparator.comparing((RulePeriod p) -> !p.isNational()).thenComparing(RulePeriod::from))
                    .map(p -> row(p, snapshot))
                    .toList();
            Optional<RulePeriod> current = snapshot.book().find(key, gemeente, today);
            Text name = Text.of("rule." + key.code());
            Rule rule = new Rule(key.code(), "regel-" + key.code().replace('.', '-'), name,
                    Text.of("beheer.rules.option", name, Text.of("beheer.rules.kind." + key.kind().name())),
                    current.map(p -> value(key.kind(), p.value())).orElse(null),
                    current.map(p -> !p.isNational()).orElse(false),
                    current.map(RulePeriod::from).orElse(null),
                    current.map(RulePeriod::provisional).orElse(false),
                    !key.isNationalOnly(),
                    history);
            byGroup.computeIfAbsent(group(key), g -> new ArrayList<>()).add(rule);
        }
        List<Group> groups = byGroup.entrySet().stream()
                .map(e -> new Group("groep-" + e.getKey().name().toLowerCase().replace('_', '-'),
                        Text.of("beheer.rules.group." + e.getKey().name()), List.copyOf(e.getValue())))
                .toList();
        return new RulesOverview(gemeente, gemeenteNaam, today, groups);
    }

    private static Row row(RulePeriod p, RulesService.Snapshot snapshot) {
        RuleMerge.Note note = snapshot.merged().notes().get(p.origin());
        boolean replaced = note != null && note.fate() == RuleMerge.Fate.REPLACED;
        Text noteText = note == null ? null : replaced
                ? Text.of("beheer.rules.note.replaced", note.byFrom())
                : Text.of("beheer.rules.note.ended", note.byFrom());
        return new Row(p.from(), p.to(), value(p.key().kind(), p.value()), p.provisional(), p.isNational(), p.source(),
                origin(p.origin(), snapshot.stored().get(p.origin())), noteText, replaced);
    }

    /** A value as a person reads it: euros, a percentage, a number, on/off, or a DigiD level. */
    public static Text value(RuleKey.Kind kind, BigDecimal value) {
        return switch (kind) {
            case AMOUNT -> Text.of("beheer.rules.value.amount", value);
            case PERCENT, NORM_PERCENT -> Text.of("beheer.rules.value.percent", new Text.Percent(value));
            case NUMBER -> Text.of("beheer.rules.value.number", value.toPlainString());
            case SWITCH -> Text.of(value.signum() > 0 ? "beheer.rules.value.on" : "beheer.rules.value.off");
            case DIGID_LEVEL -> Text.of("beheer.rules.value.digid." + value.toBigInteger());
        };
    }

    /** "File rules/parameters.csv, line 12" or "Added by Priya Ramdin on 23 November 2026". */
    static Text origin(String origin, StoredPeriod stored) {
        if (stored != null) {
            return stored.addedByName() == null
                    ? Text.of("beheer.rules.origin.addedBy", Long.toString(stored.addedBy()), stored.addedOn())
                    : Text.of("beheer.rules.origin.added", stored.addedByName(), stored.addedOn());
        }
        int line = origin.lastIndexOf(" line ");
        if (line > 0) {
            return Text.of("beheer.rules.origin.file", origin.substring(0, line), origin.substring(line + " line ".length()));
        }
        return Text.of("beheer.rules.origin.other", origin);
    }
}

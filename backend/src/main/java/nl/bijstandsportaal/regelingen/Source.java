package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.rules.RulePeriod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a figure comes from, for "Waar staat dit?": the source text once, provisional if any figure from it is. */
@Pure
public record Source(String text, boolean provisional) {

    public static List<Source> of(List<RulePeriod> rules) {
        Map<String, Boolean> sources = new LinkedHashMap<>();
        rules.forEach(r -> sources.merge(r.source(), r.provisional(), Boolean::logicalOr));
        return sources.entrySet().stream().map(e -> new Source(e.getKey(), e.getValue())).toList();
    }
}

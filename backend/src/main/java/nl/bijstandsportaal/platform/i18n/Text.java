package nl.bijstandsportaal.platform.i18n;

import nl.bijstandsportaal.platform.Pure;
import java.util.Arrays;
import java.util.List;

/**
 * A sentence for a person to read, not yet in a language: a bundle key and its arguments. Pure rules and services
 * return these, so the same result reads in Dutch or English, on a page or in the app. Arguments that are amounts
 * ({@link java.math.BigDecimal}, euros), dates ({@link java.time.LocalDate}) or other texts are formatted for the
 * reader's language by {@link Messages#render}.
 */
@Pure
public record Text(String key, List<Object> args) {

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** A percentage argument ("43,33" / "43.33", at most two decimals), not an amount of euros. */
    public record Percent(java.math.BigDecimal value) {
    }
}

package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What value each kind of rule takes (the same as the rule files accept), and reading a value as a person types it:
 * a comma or a point for decimals, a euro or percent sign and spaces left out.
 */
@Pure
public final class RuleValues {

    /** {@code regel_periode.waarde} is DECIMAL(14,4). */
    static final int MAX_INTEGER_DIGITS = 10;
    static final int MAX_DECIMALS = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern TYPED = Pattern.compile("\\d{1,10}([.,]\\d{1,6})?");

    private RuleValues() {
    }

    /**
     * The DigiD levels a municipality may require: substantieel (3) is the floor for a portal with a citizen's money
     * and file (ADR 0047); basis (1) and midden (2) cannot be set.
     */
    private static final BigDecimal LOWEST_DIGID_LEVEL = BigDecimal.valueOf(3);
    private static final BigDecimal HIGHEST_DIGID_LEVEL = BigDecimal.valueOf(4);

    /** The highest income limit a rule may set, as a percentage of the norm. */
    private static final BigDecimal MAX_NORM_PERCENT = BigDecimal.valueOf(300);

    /**
     * True when {@code value} fits the kind: amounts in cents, percentages 0-100, percentages of the norm 0-300, whole
     * numbers, switches 0 or 1, DigiD levels 3 or 4.
     */
    public static boolean fits(RuleKey.Kind kind, BigDecimal value) {
        if (value == null || value.signum() < 0) {
            return false;
        }
        BigDecimal v = normalize(value);
        if (v.precision() - v.scale() > MAX_INTEGER_DIGITS || v.scale() > MAX_DECIMALS) {
            return false;
        }
        return switch (kind) {
            case AMOUNT -> v.scale() <= 2;
            case PERCENT -> v.compareTo(HUNDRED) <= 0;
            case NORM_PERCENT -> v.compareTo(MAX_NORM_PERCENT) <= 0;
            case NUMBER -> v.scale() <= 0;
            case SWITCH -> v.compareTo(BigDecimal.ZERO) == 0 || v.compareTo(BigDecimal.ONE) == 0;
            case DIGID_LEVEL -> v.compareTo(LOWEST_DIGID_LEVEL) == 0 || v.compareTo(HIGHEST_DIGID_LEVEL) == 0;
        };
    }

    /** Without trailing zeros (25.0000 from the database is 25), never in exponent form. */
    public static BigDecimal normalize(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The value as typed on a form ("1.283,83" is not accepted: no thousands separators), or null if it is no number. */
    public static BigDecimal parse(String typed) {
        if (typed == null) {
            return null;
        }
        String cleaned = typed.replace("€", "").replace("%", "").replaceAll("[\\s\\u00A0]", "");
        if (!TYPED.matcher(cleaned).matches()) {
            return null;
        }
        return normalize(new BigDecimal(cleaned.replace(',', '.')));
    }

    public static String describe(RuleKey.Kind kind) {
        return switch (kind) {
            case AMOUNT -> "an amount in euros, at most 2 decimals";
            case PERCENT -> "a percentage from 0 to 100";
            case NORM_PERCENT -> "a percentage of the norm from 0 to 300";
            case NUMBER -> "a whole number";
            case SWITCH -> "1 (on) or 0 (off)";
            case DIGID_LEVEL -> "a DigiD level: 3 (substantieel) or 4 (hoog)";
        };
    }
}

package nl.bijstandsportaal.account;

import nl.bijstandsportaal.platform.Pure;
import java.util.Objects;

/**
 * A burgerservicenummer that passed the elfproef. Its {@link #toString()} never shows the number,
 * so a BSN cannot end up in a log line by accident; use {@link #value()} where the number is needed.
 */
@Pure
public final class Bsn {

    private final String value;

    private Bsn(String value) {
        this.value = value;
    }

    /** Parses nine digits (eight are padded with a leading zero, as the law allows); throws when the elfproef fails. */
    public static Bsn parse(String raw) {
        if (!isValid(raw)) {
            throw new IllegalArgumentException("not a valid BSN");
        }
        return new Bsn(normalise(raw));
    }

    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String digits = normalise(raw);
        if (!digits.matches("\\d{9}") || digits.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    private static String normalise(String raw) {
        String trimmed = raw.trim();
        return trimmed.length() == 8 ? "0" + trimmed : trimmed;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bsn other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "Bsn[*********]";
    }
}

package nl.bijstandsportaal.platform.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers and dates as people type them in a Dutch form: "150", "75,50", "1.200", "1.200,00", "€ 40" or "1200.5";
 * "25-11-2026", "25/11/2026" or the ISO form a date field sends. One reading for every form and the app.
 */
@nl.bijstandsportaal.platform.Pure
public final class TypedInput {

    // 1.380 and 12.345,67 are Dutch thousands; 0.001 is not (no group of thousands starts with 0) and has too many decimals.
    private static final Pattern AMOUNT = Pattern.compile("(€\\s*)?([1-9][0-9]{0,2}(\\.[0-9]{3})+(,[0-9]{1,2})?|[0-9]+([.,][0-9]{1,2})?)");
    private static final Pattern THOUSANDS = Pattern.compile("[1-9][0-9]{0,2}(\\.[0-9]{3})+");
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private TypedInput() {
    }

    /** A non-negative amount with at most two decimals, to the cent; empty when it is not one. */
    public static Optional<BigDecimal> amount(String typed) {
        if (typed == null || !AMOUNT.matcher(typed.strip()).matches()) {
            return Optional.empty();
        }
        String digits = typed.strip().replace("€", "").strip();
        digits = digits.contains(",") ? digits.replace(".", "").replace(',', '.')
                : THOUSANDS.matcher(digits).matches() ? digits.replace(".", "") : digits;
        return Optional.of(new BigDecimal(digits).setScale(2, RoundingMode.HALF_UP));
    }

    /** A real date (31-2-2026 is not one); empty when it cannot be read. */
    public static Optional<LocalDate> date(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String value = typed.strip();
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(LocalDate.parse(value.replace('/', '-').replace('.', '-'), DUTCH));
            } catch (DateTimeParseException notDutch) {
                return Optional.empty();
            }
        }
    }
}

package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.i18n.Text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A new rule period as the beheerder typed it on the rules page (every value as sent, so a form with errors shows
 * again what was typed), and the checks that need no database. Field names: {@code regel} (the rule code),
 * {@code vanaf} and {@code tot} (yyyy-mm-dd from a date field, or d-m-yyyy), {@code waarde}, {@code voorlopig}
 * (a checkbox: the value is not confirmed yet) and {@code bron}.
 */
public record RuleChangeForm(String regel, String vanaf, String tot, String waarde, String voorlopig, String bron) {

    public static final List<String> FIELDS = List.of("regel", "vanaf", "tot", "waarde", "voorlopig", "bron");
    public static final int MAX_SOURCE = 300;

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    public RuleChangeForm {
        regel = regel == null ? "" : regel;
        vanaf = vanaf == null ? "" : vanaf;
        tot = tot == null ? "" : tot;
        waarde = waarde == null ? "" : waarde;
        voorlopig = voorlopig == null ? "" : voorlopig;
        bron = bron == null ? "" : bron;
    }

    public static RuleChangeForm fromBody(Map<String, String> body) {
        return new RuleChangeForm(body.get("regel"), body.get("vanaf"), body.get("tot"), body.get("waarde"), body.get("voorlopig"), body.get("bron"));
    }

    /** Field name to what was typed, to fill the form again. */
    public Map<String, String> typed() {
        return Map.of("regel", regel, "vanaf", vanaf, "tot", tot, "waarde", waarde, "voorlopig", voorlopig, "bron", bron);
    }

    /** The form read as values: null where a field is empty or unreadable; {@code errors} for what is unreadable. */
    public record Parsed(RuleKey key, LocalDate from, LocalDate to, BigDecimal value, boolean provisional, String source,
                         Map<String, Text> errors) {
    }

    public Parsed parse() {
        Map<String, Text> errors = new LinkedHashMap<>();
        RuleKey key = RuleKey.byCode(regel.strip()).orElse(null);
        if (key == null && !regel.isBlank()) {
            errors.put("regel", Text.of("beheer.rules.error.regel"));
        }
        LocalDate from = date(vanaf);
        if (from == null && !vanaf.isBlank()) {
            errors.put("vanaf", Text.of("beheer.rules.error.vanaf.invalid"));
        }
        LocalDate to = date(tot);
        if (to == null && !tot.isBlank()) {
            errors.put("tot", Text.of("beheer.rules.error.tot.invalid"));
        }
        BigDecimal value = RuleValues.parse(waarde);
        if (value == null && !waarde.isBlank()) {
            errors.put("waarde", valueError(key));
        }
        String source = bron.isBlank() ? null : bron;
        return new Parsed(key, from, to, value, !voorlopig.isBlank(), source, errors);
    }

    /**
     * The checks of a new period that need no database, per field in form order: a rule is chosen, it starts today
     * or later (a change never rewrites the past), ends on or after its start, the value fits the rule's kind, and
     * the source is given and not too long. A null argument is a field left empty.
     */
    public static Map<String, Text> check(RuleKey key, LocalDate from, LocalDate to, BigDecimal value, String source, LocalDate today) {
        Map<String, Text> errors = new LinkedHashMap<>();
        if (key == null) {
            errors.put("regel", Text.of("beheer.rules.error.regel"));
        } else if (key.isNationalOnly()) {
            errors.put("regel", Text.of("beheer.rules.error.regel.law"));
        }
        if (from == null) {
            errors.put("vanaf", Text.of("beheer.rules.error.vanaf"));
        } else if (from.isBefore(today)) {
            errors.put("vanaf", Text.of("beheer.rules.error.vanaf.past", today));
        }
        if (to != null && from != null && to.isBefore(from)) {
            errors.put("tot", Text.of("beheer.rules.error.tot.beforeVanaf"));
        }
        if (value == null || (key != null && !RuleValues.fits(key.kind(), value))) {
            errors.put("waarde", valueError(key));
        }
        String stripped = source == null ? "" : source.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (stripped.isEmpty()) {
            errors.put("bron", Text.of("beheer.rules.error.bron"));
        } else if (length > MAX_SOURCE) {
            errors.put("bron", Text.of("beheer.rules.error.bron.long", MAX_SOURCE, length));
        }
        return errors;
    }

    /** Unreadable input first, then the checks of the readable values; in form order. */
    public static Map<String, Text> combine(Map<String, Text> parseErrors, Map<String, Text> checkErrors) {
        Map<String, Text> errors = new LinkedHashMap<>();
        for (String field : FIELDS) {
            Text error = parseErrors.containsKey(field) ? parseErrors.get(field) : checkErrors.get(field);
            if (error != null) {
                errors.put(field, error);
            }
        }
        return errors;
    }

    static Text valueError(RuleKey key) {
        if (key == null) {
            return Text.of("beheer.rules.error.waarde");
        }
        return switch (key.kind()) {
            case AMOUNT -> Text.of("beheer.rules.error.waarde.AMOUNT");
            case PERCENT -> Text.of("beheer.rules.error.waarde.PERCENT");
            case NORM_PERCENT -> Text.of("beheer.rules.error.waarde.NORM_PERCENT");
            case NUMBER -> Text.of("beheer.rules.error.waarde.NUMBER");
            case SWITCH -> Text.of("beheer.rules.error.waarde.SWITCH");
            case DIGID_LEVEL -> Text.of("beheer.rules.error.waarde.DIGID_LEVEL");
        };
    }

    private static LocalDate date(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s, DUTCH_DATE);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}

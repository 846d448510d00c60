package nl.bijstandsportaal.documents;

import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The consulent's form "Vraag een document": what (wat), why (waarom, the citizen reads it) and the last day
 * (uiterlijk). Pure: the shortest deadline allowed comes from the rules (documentverzoek.minimum_termijn_dagen).
 */
public final class DocumentRequestForm {

    public static final int MAX_WHAT = 200;
    public static final int MAX_WHY = 1000;
    /** A deadline further away than this is almost always a typing error (2062 for 2026). */
    public static final int MAX_DAYS_AHEAD = 183;

    private DocumentRequestForm() {
    }

    /** What the consulent asks for, checked. */
    public record Request(String what, String why, LocalDate deadline) {
    }

    /** Either a request or the messages per field (wat, waarom, uiterlijk). */
    public record Checked(Request request, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Checked check(Map<String, String> typed, LocalDate today, int minimumDays) {
        Map<String, Text> errors = new LinkedHashMap<>();
        String what = text(typed.get("wat"), "wat", MAX_WHAT, "consulent.document.error.what", errors);
        String why = text(typed.get("waarom"), "waarom", MAX_WHY, "consulent.document.error.why", errors);
        LocalDate deadline = null;
        String typedDate = typed.getOrDefault("uiterlijk", "");
        if (typedDate.isBlank()) {
            errors.put("uiterlijk", Text.of("consulent.document.error.deadline.missing"));
        } else {
            Optional<LocalDate> date = TypedInput.date(typedDate);
            LocalDate earliest = today.plusDays(minimumDays);
            if (date.isEmpty()) {
                errors.put("uiterlijk", Text.of("consulent.document.error.deadline.invalid"));
            } else if (date.get().isBefore(earliest)) {
                errors.put("uiterlijk", Text.of("consulent.document.error.deadline.tooSoon", minimumDays, earliest));
            } else if (date.get().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                errors.put("uiterlijk", Text.of("consulent.document.error.deadline.tooLate", today.plusDays(MAX_DAYS_AHEAD)));
            } else {
                deadline = date.get();
            }
        }
        return errors.isEmpty() ? new Checked(new Request(what, why, deadline), Map.of()) : new Checked(null, errors);
    }

    private static String text(String typed, String field, int max, String key, Map<String, Text> errors) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            errors.put(field, Text.of(key + ".missing"));
        } else if (value.length() > max) {
            errors.put(field, Text.of(key + ".tooLong", max, value.length()));
        }
        return value;
    }
}

package nl.bijstandsportaal.documents;

import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The consulent's two forms on an open request. "Meer tijd geven": a new last day (verlengTot) after the current one,
 * and an optional reason for the citizen (verlengReden). "Niet goed genoeg": what is wrong and what to send instead
 * (opnieuwUitleg, required) and a new last day (opnieuwTot). A new last day gives the citizen at least
 * documentverzoek.minimum_termijn_dagen from today, and is not further away than {@link DocumentRequestForm#MAX_DAYS_AHEAD}.
 * Pure: no I/O.
 */
public final class DocumentStepForm {

    public static final String EXTEND_DATE = "verlengTot";
    public static final String EXTEND_REASON = "verlengReden";
    public static final String AGAIN_TEXT = "opnieuwUitleg";
    public static final String AGAIN_DATE = "opnieuwTot";
    public static final int MAX_TEXT = 1000;

    private DocumentStepForm() {
    }

    /** A new last day and the words for the citizen (null: none), or the messages per field. */
    public record Checked(LocalDate deadline, String text, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The earliest new last day: after the current one, and at least the minimum term from today. */
    public static LocalDate earliestExtension(LocalDate current, LocalDate today, int minimumDays) {
        LocalDate afterCurrent = current.plusDays(1);
        LocalDate minimum = today.plusDays(minimumDays);
        return afterCurrent.isAfter(minimum) ? afterCurrent : minimum;
    }

    public static Checked extension(Map<String, String> typed, LocalDate current, LocalDate today, int minimumDays) {
        Map<String, Text> errors = new LinkedHashMap<>();
        LocalDate earliest = earliestExtension(current, today, minimumDays);
        LocalDate deadline = date(typed.get(EXTEND_DATE), EXTEND_DATE, "consulent.document.extend.error", errors, today, earliest);
        if (deadline != null && !deadline.isAfter(current)) {
            errors.put(EXTEND_DATE, Text.of("consulent.document.extend.error.notLater", current, earliest));
            deadline = null;
        } else if (deadline != null && deadline.isBefore(today.plusDays(minimumDays))) {
            errors.put(EXTEND_DATE, Text.of("consulent.document.extend.error.tooSoon", minimumDays, earliest));
            deadline = null;
        }
        String reason = strip(typed.get(EXTEND_REASON));
        if (reason.length() > MAX_TEXT) {
            errors.put(EXTEND_REASON, Text.of("consulent.document.extend.error.reasonTooLong", MAX_TEXT, reason.length()));
        }
        return errors.isEmpty() ? new Checked(deadline, reason.isEmpty() ? null : reason, Map.of()) : new Checked(null, null, errors);
    }

    public static Checked again(Map<String, String> typed, LocalDate today, int minimumDays) {
        Map<String, Text> errors = new LinkedHashMap<>();
        String text = strip(typed.get(AGAIN_TEXT));
        if (text.isEmpty()) {
            errors.put(AGAIN_TEXT, Text.of("consulent.document.again.error.text.missing"));
        } else if (text.length() > MAX_TEXT) {
            errors.put(AGAIN_TEXT, Text.of("consulent.document.again.error.text.tooLong", MAX_TEXT, text.length()));
        }
        LocalDate earliest = today.plusDays(minimumDays);
        LocalDate deadline = date(typed.get(AGAIN_DATE), AGAIN_DATE, "consulent.document.again.error", errors, today, earliest);
        if (deadline != null && deadline.isBefore(earliest)) {
            errors.put(AGAIN_DATE, Text.of("consulent.document.again.error.tooSoon", minimumDays, earliest));
            deadline = null;
        }
        return errors.isEmpty() ? new Checked(deadline, text, Map.of()) : new Checked(null, null, errors);
    }

    /** A typed date, or null with a message: missing, not a date, or further away than the form allows. */
    private static LocalDate date(String typed, String field, String prefix, Map<String, Text> errors, LocalDate today, LocalDate earliest) {
        String value = strip(typed);
        if (value.isEmpty()) {
            errors.put(field, Text.of(prefix + ".missing", earliest));
            return null;
        }
        Optional<LocalDate> date = TypedInput.date(value);
        if (date.isEmpty()) {
            errors.put(field, Text.of(prefix + ".invalid"));
            return null;
        }
        LocalDate latest = today.plusDays(DocumentRequestForm.MAX_DAYS_AHEAD);
        if (date.get().isAfter(latest)) {
            errors.put(field, Text.of(prefix + ".tooLate", latest));
            return null;
        }
        return date.get();
    }

    private static String strip(String typed) {
        return typed == null ? "" : typed.strip();
    }
}

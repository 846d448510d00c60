package nl.bijstandsportaal.platform.forms;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One question of a form declared as data. Its words are in the bundles, derived from the flow's name and the id:
 * {@code <flow>.<id>.label}, {@code <flow>.<id>.hint} (may be empty), {@code <flow>.<id>.error}, and for a choice
 * {@code <flow>.<id>.<option>} per option. {@code max}: the highest number or amount taken.
 */
@Pure
public record Question(String id, Kind kind, List<String> options, BigDecimal max) {

    /** The input types; each has one macro in forms.ftlh. */
    public enum Kind { CHOICE, WHOLE_NUMBER, AMOUNT, TEXT }

    private static final Pattern WHOLE = Pattern.compile("\\d{1,6}");

    public Question {
        options = List.copyOf(options);
    }

    public static Question choice(String id, String... options) {
        return new Question(id, Kind.CHOICE, List.of(options), null);
    }

    public static Question wholeNumber(String id, int max) {
        return new Question(id, Kind.WHOLE_NUMBER, List.of(), BigDecimal.valueOf(max));
    }

    public static Question amount(String id, BigDecimal max) {
        return new Question(id, Kind.AMOUNT, List.of(), max);
    }

    /** Free text of at most {@code maxLength} characters (line breaks kept). */
    public static Question text(String id, int maxLength) {
        return new Question(id, Kind.TEXT, List.of(), BigDecimal.valueOf(maxLength));
    }

    /** What was typed, read as the answer to keep (trimmed; an amount with a point for decimals); empty if it does not fit. */
    public Optional<String> read(String typed) {
        String s = typed == null ? "" : typed.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case CHOICE -> options.contains(s) ? Optional.of(s) : Optional.empty();
            case WHOLE_NUMBER -> WHOLE.matcher(s).matches() && new BigDecimal(s).compareTo(max) <= 0
                    ? Optional.of(Integer.toString(Integer.parseInt(s))) : Optional.empty();
            case AMOUNT -> TypedInput.amount(s).filter(a -> a.compareTo(max) <= 0).map(BigDecimal::toPlainString);
            case TEXT -> s.codePointCount(0, s.length()) <= max.intValue() ? Optional.of(s) : Optional.empty();
        };
    }

    /** An answer as a person types it again: an amount with a decimal comma ("1400,00"). */
    public String display(String answer) {
        return kind == Kind.AMOUNT ? answer.replace('.', ',') : answer;
    }

    /** The message when the answer is missing or does not fit; names the question and says what to do. */
    public Text error(String flow) {
        return Text.of(flow + "." + id + ".error");
    }
}

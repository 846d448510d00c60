package nl.bijstandsportaal.platform.forms;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.TypedInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One question of a form declared as data. Its words are in the bundles under {@code <flow>.<words>}, where
 * {@code words} is the id unless the question says otherwise (the same field asked in other words on another screen):
 * {@code .label}, {@code .hint} (unless {@code hinted} is false), the error ({@link FormFlow}), and for a choice
 * {@code .<option>} per option. {@code max}: the highest number or amount taken, or the most characters of a text.
 * {@code autocomplete}: what the browser may fill in (an HTML autocomplete token), "off" if nothing.
 */
@Pure
public record Question(String id, Kind kind, List<Option> options, BigDecimal max, boolean required, boolean hinted,
                       String words, String autocomplete) {

    /** The input types; each has one macro in forms.ftlh. */
    public enum Kind {
        /** One of a few options, as radio buttons. */
        CHOICE,
        /** One of a list, as a drop-down. */
        SELECT,
        WHOLE_NUMBER,
        AMOUNT,
        /** Free text, several lines. */
        TEXT,
        /** One line of text: a name, a street. */
        LINE,
        /** A day: 15-3-2027 as people type it, or 2027-03-15; kept as 2027-03-15. */
        DATE,
        /** A Dutch postcode, kept as "1234 AB". */
        POSTCODE
    }

    /**
     * One option of a choice. {@code name}: shown as it is, for options given at run time (the people who live with
     * someone); null when the words are in the bundle ({@code <flow>.<words>.<value>}).
     */
    public record Option(String value, String name) {
    }

    /** Why an answer was not taken; the name of the text for flows that word their errors per problem. */
    public enum Problem {
        REQUIRED("required"), CHOOSE("choose"), TOO_LONG("tooLong"), NUMBER("number"), AMOUNT("amount"), DATE("date"),
        POSTCODE("postcode");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** What was typed, read: the answer to keep, or the problem. An optional question left empty reads as "". */
    public record Reading(String answer, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private static final Pattern WHOLE = Pattern.compile("\\d{1,6}");
    private static final Pattern POSTCODE_TYPED = Pattern.compile("[1-9][0-9]{3} ?[A-Za-z]{2}");
    private static final DateTimeFormatter AS_TYPED = DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT);

    public Question {
        options = List.copyOf(options);
        words = words == null ? id : words;
        autocomplete = autocomplete == null ? "off" : autocomplete;
    }

    private static Question of(String id, Kind kind, List<Option> options, BigDecimal max) {
        return new Question(id, kind, options, max, true, true, null, null);
    }

    public static Question choice(String id, String... options) {
        return of(id, Kind.CHOICE, worded(options), null);
    }

    /** A choice from a list, its options' words in the bundle. */
    public static Question select(String id, List<String> options) {
        return of(id, Kind.SELECT, worded(options.toArray(String[]::new)), null);
    }

    /** A choice from a list given at run time: value to the name shown as it is, in order. */
    public static Question select(String id, Map<String, String> named) {
        return of(id, Kind.SELECT, named.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList(), null);
    }

    public static Question wholeNumber(String id, int max) {
        return of(id, Kind.WHOLE_NUMBER, List.of(), BigDecimal.valueOf(max));
    }

    public static Question amount(String id, BigDecimal max) {
        return of(id, Kind.AMOUNT, List.of(), max);
    }

    /** Free text of at most {@code maxLength} characters (line breaks kept). */
    public static Question text(String id, int maxLength) {
        return of(id, Kind.TEXT, List.of(), BigDecimal.valueOf(maxLength));
    }

    /** One line of text of at most {@code maxLength} characters. */
    public static Question line(String id, int maxLength) {
        return of(id, Kind.LINE, List.of(), BigDecimal.valueOf(maxLength));
    }

    public static Question date(String id) {
        return of(id, Kind.DATE, List.of(), null);
    }

    public static Question postcode(String id) {
        return of(id, Kind.POSTCODE, List.of(), null);
    }

    /** The same question, which may be left empty. */
    public Question optional() {
        return new Question(id, kind, options, max, false, hinted, words, autocomplete);
    }

    /** The same question, without a hint under its label. */
    public Question withoutHint() {
        return new Question(id, kind, options, max, required, false, words, autocomplete);
    }

    /** The same question with its words under {@code <flow>.<words>} instead of its id. */
    public Question wordedAs(String words) {
        return new Question(id, kind, options, max, required, hinted, words, autocomplete);
    }

    /** The same question, which the browser may fill in with what it knows of this kind ("street-address"). */
    public Question autofill(String token) {
        return new Question(id, kind, options, max, required, hinted, words, token);
    }

    /** What was typed, read as the answer to keep (trimmed; an amount with a point for decimals); empty if it does not fit. */
    public Optional<String> read(String typed) {
        Reading reading = reading(typed);
        return reading.ok() ? Optional.of(reading.answer()) : Optional.empty();
    }

    /** What was typed, read: the answer to keep, or why it is not taken. */
    public Reading reading(String typed) {
        String s = typed == null ? "" : typed.strip();
        boolean choice = kind == Kind.CHOICE || kind == Kind.SELECT;
        if (s.isEmpty()) {
            return required ? problem(choice ? Problem.CHOOSE : Problem.REQUIRED) : new Reading("", null);
        }
        return switch (kind) {
            case CHOICE, SELECT -> options.stream().anyMatch(o -> o.value().equals(s)) ? answer(s) : problem(Problem.CHOOSE);
            case WHOLE_NUMBER -> WHOLE.matcher(s).matches() && new BigDecimal(s).compareTo(max) <= 0
                    ? answer(Integer.toString(Integer.parseInt(s))) : problem(Problem.NUMBER);
            case AMOUNT -> TypedInput.amount(s).filter(a -> a.compareTo(max) <= 0).map(a -> answer(a.toPlainString()))
                    .orElse(problem(Problem.AMOUNT));
            case TEXT, LINE -> s.codePointCount(0, s.length()) <= max.intValue() ? answer(s) : problem(Problem.TOO_LONG);
            case DATE -> TypedInput.date(s).map(d -> answer(d.toString())).orElse(problem(Problem.DATE));
            case POSTCODE -> POSTCODE_TYPED.matcher(s).matches() ? answer(normalisedPostcode(s)) : problem(Problem.POSTCODE);
        };
    }

    /** The problems this question can have, for the bundle test. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (kind == Kind.CHOICE || kind == Kind.SELECT) {
            problems.add(Problem.CHOOSE);
            return problems;
        }
        if (required) {
            problems.add(Problem.REQUIRED);
        }
        problems.add(switch (kind) {
            case WHOLE_NUMBER -> Problem.NUMBER;
            case AMOUNT -> Problem.AMOUNT;
            case DATE -> Problem.DATE;
            case POSTCODE -> Problem.POSTCODE;
            default -> Problem.TOO_LONG;
        });
        return problems;
    }

    /** An answer as a person types it again: an amount with a decimal comma ("1400,00"), a day as 15-3-2027. */
    public String display(String answer) {
        if (answer.isEmpty()) {
            return answer;
        }
        return switch (kind) {
            case AMOUNT -> answer.replace('.', ',');
            case DATE -> AS_TYPED.format(LocalDate.parse(answer));
            default -> answer;
        };
    }

    private static List<Option> worded(String... values) {
        return java.util.Arrays.stream(values).map(v -> new Option(v, null)).toList();
    }

    private static Reading answer(String answer) {
        return new Reading(answer, null);
    }

    private static Reading problem(Problem problem) {
        return new Reading(null, problem);
    }

    /** "3511ab" and "3511 AB" are both kept as "3511 AB". */
    private static String normalisedPostcode(String typed) {
        String compact = typed.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, 4) + " " + compact.substring(4);
    }
}

package nl.bijstandsportaal.platform.forms;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form declared as data: its screens in order, each shown or skipped on the answers so far. The flow finds the
 * next screen to ask, checks a screen's answers (every error names the question), and gives the page model of a
 * screen. Answers are plain strings, keyed by question id, so they can travel in hidden fields or be stored as is.
 * <p>
 * {@code problemTexts} says how the flow words what is wrong: null, each question has its own text
 * ({@code <flow>.<words>.error}); or a bundle prefix, one text per problem ({@code <problemTexts>.<problem>}, see
 * {@link Question.Problem}) that names the question by its short name ({@code <flow>.<words>.short}) as {0}, and
 * for a text that is too long gives the most characters as {1}.
 */
@Pure
public record FormFlow(String name, List<Screen> screens, String problemTexts) {

    public FormFlow {
        screens = List.copyOf(screens);
    }

    /** A flow whose questions each have their own error text. */
    public FormFlow(String name, List<Screen> screens) {
        this(name, screens, null);
    }

    /** The screens that apply to these answers, in order. */
    public List<Screen> shown(Map<String, String> answers) {
        return screens.stream().filter(s -> s.shown().test(answers)).toList();
    }

    /** The first screen that applies and is not answered yet; empty when the flow is done. */
    public Optional<Screen> next(Map<String, String> answers) {
        return shown(answers).stream().filter(s -> !s.answered(answers)).findFirst();
    }

    public Optional<Screen> screen(String id) {
        return screens.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The screens a person is asked: those that apply, without those whose every question was filled in beforehand
     * ({@code prefilled}: question ids the portal knew).
     */
    public List<Screen> asked(Map<String, String> answers, java.util.Set<String> prefilled) {
        return shown(answers).stream()
                .filter(s -> !s.questions().stream().allMatch(q -> prefilled.contains(q.id()))).toList();
    }

    /** The screen asked before this one; empty for the first. */
    public Optional<Screen> before(Screen screen, Map<String, String> answers, java.util.Set<String> prefilled) {
        List<Screen> shown = asked(answers, prefilled);
        int at = shown.indexOf(screen);
        return at > 0 ? Optional.of(shown.get(at - 1)) : Optional.empty();
    }

    /** Only the answers to questions of screens that apply (an answer to a question no longer asked is dropped). */
    public Map<String, String> kept(Map<String, String> answers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Screen s : shown(answers)) {
            for (Question q : s.questions()) {
                if (answers.containsKey(q.id())) {
                    kept.put(q.id(), answers.get(q.id()));
                }
            }
        }
        return kept;
    }

    /** The answers of one screen as typed: read and checked. */
    public record Checked(Map<String, String> answers, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Checked check(Screen screen, Map<String, String> typed) {
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, Text> errors = new LinkedHashMap<>();
        for (Question q : screen.questions()) {
            Question.Reading read = q.reading(typed.get(q.id()));
            if (read.ok()) {
                answers.put(q.id(), read.answer());
            } else {
                errors.put(q.id(), error(q, read.problem()));
            }
        }
        return new Checked(answers, errors);
    }

    /** The message when an answer is missing or does not fit; names the question and says what to do. */
    public Text error(Question q, Question.Problem problem) {
        if (problemTexts == null) {
            return words(q, "error");
        }
        String key = problemTexts + "." + problem.code();
        return problem == Question.Problem.TOO_LONG ? Text.of(key, words(q, "short"), q.max().intValue())
                : Text.of(key, words(q, "short"));
    }

    /** One of the question's texts: {@code label}, {@code hint}, {@code short}, an option's value. */
    public Text words(Question q, String part) {
        return Text.of(name + "." + q.words() + "." + part);
    }

    /** One option of a choice, for the page: its words, or ({@code label} null) a name shown as it is. */
    public record OptionView(String value, Text label, String name) {
    }

    /**
     * A question for the page: its words, what was typed and its error (null if none). {@code hint} is null when the
     * question has none; {@code none} is what to say instead of a choice that has nothing to choose from (null
     * otherwise); {@code maxLength}: the most characters of a text, else null.
     */
    public record QuestionView(String id, Question.Kind kind, Text label, Text hint, List<OptionView> options, String typed,
                               Text error, boolean required, String autocomplete, Integer maxLength, Text none) {
    }

    /**
     * A screen for the page: "question {@code number} of {@code total}" and its questions. {@code heading}: the
     * page's h1 when the screen has more than one question ({@code <flow>.screen.<id>}); null when the single
     * question's label is the heading.
     */
    public record ScreenView(String id, int number, int total, Text heading, List<QuestionView> questions) {
    }

    public ScreenView view(Screen screen, Map<String, String> answers, Map<String, String> typed, Map<String, Text> errors,
                           java.util.Set<String> prefilled) {
        List<Screen> shown = asked(answers, prefilled);
        List<QuestionView> questions = new ArrayList<>();
        for (Question q : screen.questions()) {
            List<OptionView> options = q.options().stream().map(o -> o.name() != null ? new OptionView(o.value(), null, o.name())
                    : new OptionView(o.value(), words(q, o.value()), null)).toList();
            String value = typed.containsKey(q.id()) ? typed.get(q.id()) : q.display(answers.getOrDefault(q.id(), ""));
            boolean text = q.kind() == Question.Kind.TEXT || q.kind() == Question.Kind.LINE;
            questions.add(new QuestionView(q.id(), q.kind(), words(q, "label"), q.hinted() ? words(q, "hint") : null, options,
                    value, errors.get(q.id()), q.required(), q.autocomplete(), text ? q.max().intValue() : null,
                    nothingToChoose(q) ? words(q, "none") : null));
        }
        Text heading = questions.size() > 1 ? Text.of(name + ".screen." + screen.id()) : null;
        return new ScreenView(screen.id(), shown.indexOf(screen) + 1, shown.size(), heading, questions);
    }

    /** A choice whose options are given at run time, and there are none (nobody to choose). */
    private static boolean nothingToChoose(Question q) {
        return (q.kind() == Question.Kind.CHOICE || q.kind() == Question.Kind.SELECT) && q.options().isEmpty();
    }

    /** Every bundle key the flow uses, for a test that they all exist. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Screen s : screens) {
            if (s.questions().size() > 1) {
                keys.add(name + ".screen." + s.id());
            }
            for (Question q : s.questions()) {
                keys.add(words(q, "label").key());
                if (q.hinted()) {
                    keys.add(words(q, "hint").key());
                }
                if (problemTexts == null) {
                    keys.add(words(q, "error").key());
                } else {
                    keys.add(words(q, "short").key());
                    q.problems().forEach(p -> keys.add(problemTexts + "." + p.code()));
                }
                q.options().stream().filter(o -> o.name() == null).forEach(o -> keys.add(words(q, o.value()).key()));
                if (nothingToChoose(q)) {
                    keys.add(words(q, "none").key());
                }
            }
        }
        return keys.stream().distinct().toList();
    }
}

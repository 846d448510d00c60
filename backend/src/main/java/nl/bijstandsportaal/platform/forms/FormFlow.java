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
 */
@Pure
public record FormFlow(String name, List<Screen> screens) {

    public FormFlow {
        screens = List.copyOf(screens);
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
            Optional<String> read = q.read(typed.get(q.id()));
            if (read.isPresent()) {
                answers.put(q.id(), read.get());
            } else {
                errors.put(q.id(), q.error(name));
            }
        }
        return new Checked(answers, errors);
    }

    /** One option of a choice, for the page. */
    public record OptionView(String value, Text label) {
    }

    /** A question for the page: its words, what was typed and its error (null if none). */
    public record QuestionView(String id, Question.Kind kind, Text label, Text hint, List<OptionView> options, String typed,
                               Text error) {
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
            String prefix = name + "." + q.id();
            List<OptionView> options = q.options().stream().map(o -> new OptionView(o, Text.of(prefix + "." + o))).toList();
            String value = typed.containsKey(q.id()) ? typed.get(q.id()) : q.display(answers.getOrDefault(q.id(), ""));
            questions.add(new QuestionView(q.id(), q.kind(), Text.of(prefix + ".label"), Text.of(prefix + ".hint"), options,
                    value, errors.get(q.id())));
        }
        Text heading = questions.size() > 1 ? Text.of(name + ".screen." + screen.id()) : null;
        return new ScreenView(screen.id(), shown.indexOf(screen) + 1, shown.size(), heading, questions);
    }

    /** Every bundle key the flow uses, for a test that they all exist. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Screen s : screens) {
            if (s.questions().size() > 1) {
                keys.add(name + ".screen." + s.id());
            }
            for (Question q : s.questions()) {
                String prefix = name + "." + q.id();
                keys.add(prefix + ".label");
                keys.add(prefix + ".hint");
                keys.add(prefix + ".error");
                q.options().forEach(o -> keys.add(prefix + "." + o));
            }
        }
        return keys;
    }
}

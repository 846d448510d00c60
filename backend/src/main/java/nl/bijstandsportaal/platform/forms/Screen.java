package nl.bijstandsportaal.platform.forms;

import nl.bijstandsportaal.platform.Pure;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One screen of a flow: usually one question. {@code shown}: whether the screen applies, given the answers so far
 * and what the portal knows (a question whose answer is known is never asked).
 */
@Pure
public record Screen(String id, List<Question> questions, Predicate<Map<String, String>> shown) {

    public Screen {
        questions = List.copyOf(questions);
    }

    public static Screen of(String id, Predicate<Map<String, String>> shown, Question... questions) {
        return new Screen(id, List.of(questions), shown);
    }

    /** True when every question of this screen has an answer. */
    public boolean answered(Map<String, String> answers) {
        return questions.stream().allMatch(q -> answers.containsKey(q.id()));
    }
}

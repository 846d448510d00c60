package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import java.util.List;

/** Rule data that cannot be used; each problem names the file and line (or the change) it came from. */
@Pure
public class RuleFileException extends RuntimeException {

    private final List<String> problems;

    public RuleFileException(List<String> problems) {
        super("The rule data has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

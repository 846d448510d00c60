package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Map;

/** The quiz of the rights overview: the answers sent (question id to option id) and what was right, with why. */
public final class Quiz {

    private Quiz() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answers(@NotNull Map<String, String> answers) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(int right, int total, List<Answer> answers) {
    }

    /** {@code given} null: not answered. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(String id, String question, @Nullable String given, String correct, String correctText, boolean right,
                         String explanation) {
    }
}

package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
    public record Answers(@NotNull Map<String, String> antwoorden) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(@JsonProperty("goed") int right, @JsonProperty("totaal") int total,
                         @JsonProperty("antwoorden") List<Answer> answers) {
    }

    /** {@code gegeven} null: not answered. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(String id, @JsonProperty("vraag") String question,
                         @Nullable @JsonProperty("gegeven") String given, @JsonProperty("juist") String correct,
                         @JsonProperty("juistTekst") String correctText, @JsonProperty("goed") boolean right,
                         @JsonProperty("uitleg") String explanation) {
    }
}

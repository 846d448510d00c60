package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * The citizen's inbox (berichten) and how they want to hear about new messages. The inbox always holds every
 * message; the preferences only say whether a push message or an e-mail is sent as well.
 */
public final class Inbox {

    private Inbox() {
    }

    /**
     * One message. {@code id}: its public id; {@code onderwerp}: INKOMSTEN, DOCUMENTEN, STATUS, BERICHTEN, SITUATIE or
     * APPARAAT; {@code tekst}: the message in the request's language; {@code link}: the API path of what it is about
     * ({@code /api/v1/aanvragen/123}; absent when the app has no screen for it), never a web page; {@code gelezen}:
     * opened or marked read before.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String id, @JsonProperty("onderwerp") String topic, @JsonProperty("tekst") String text,
                          @Nullable String link, @JsonProperty("gemaaktOp") Instant createdAt,
                          @JsonProperty("gelezen") boolean read) {
    }

    /**
     * Push and e-mail per topic ({@code onderwerpen}), and the quiet hours ({@code stilleTijden}). On PUT, a topic left
     * out keeps its setting; every field of a topic that is sent must be filled in.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Preferences(@Nullable @Size(max = 20) List<TopicPreference> onderwerpen, @Nullable QuietHours stilleTijden) {
    }

    /** Whether a new message on this topic also comes as a push message on the phone, and as an e-mail. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TopicPreference(@Nullable String onderwerp, @Nullable Boolean push, @Nullable Boolean email) {
    }

    /**
     * No push message or e-mail from {@code van} until {@code tot}, Dutch time, as "21:00" and "08:00" (the
     * messages come after). The same time twice: no quiet hours.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuietHours(@Nullable String van, @Nullable String tot) {
    }
}

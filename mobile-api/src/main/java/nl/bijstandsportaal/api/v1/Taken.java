package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * The citizen's to-do list, as the home page shows it ("Dit moet je doen"): {@code taken}, what to do now, the late
 * ones first and then by last day; {@code komtNog}, what is coming (cannot be done yet, or planned), the soonest first.
 * The app's badge counts {@code taken}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Taken(List<Taak> taken, List<Taak> komtNog, Aantallen aantallen) {

    /** For the app's badge: {@code open}, how many things to do now ({@code taken}); {@code teLaat}, how many of them are late. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Aantallen(int open, int teLaat) {
    }

    /**
     * One thing to do. {@code id}: stable over time ("inkomsten/2026-11"); {@code soort}: INKOMSTEN, DOCUMENT, AANVRAAG,
     * BERICHT or AFSPRAAK; {@code titel}: what to do, in the request's language; {@code uiterlijk}: the last day (absent:
     * none, such as reading a message); {@code status}: "open", "te-laat" or "komt-nog"; {@code link}: the API path where
     * it is read or done; {@code actie}: the words for the button.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Taak(String id, String soort, String titel, @Nullable LocalDate uiterlijk, String status, String link, String actie) {
    }
}

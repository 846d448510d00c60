package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Applying for a regeling in the app (aanvragen): the same journey as the web pages /aanvragen. An application is
 * started as a concept, answered one screen at a time (each screen is saved at once, so it can be finished later or on
 * another device), checked, and sent once; then it is followed on the legal clock to the decision, with the proof to
 * send and a bezwaar if the citizen does not agree. Texts are in the request's language; dates as 2026-11-23, moments
 * as ISO 8601 instants.
 */
public final class Aanvragen {

    private Aanvragen() {
    }

    /**
     * The status as the citizen sees it: CONCEPT (not sent yet), VERSTUURD (sent; the municipality decides) or
     * BESLOTEN (there is a decision).
     */
    public enum Status { CONCEPT, VERSTUURD, BESLOTEN }

    /** To start an application: {@code regeling} is the slug of the regeling, as {@code id} in GET /api/v1/regelingen. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Start(@NotBlank String regeling) {
    }

    /**
     * One application in the list. {@code id}: its public id; {@code regeling}: the slug; {@code naam}: the name of the
     * regeling; {@code statusTekst}: the status in words; {@code kenmerk}: the number to quote (once sent);
     * {@code gestartOp}, {@code verstuurdOp}: when it was started and sent; {@code uitslagUiterlijk}: the last day for
     * the decision, while the municipality has not decided yet.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Samenvatting(String id, String regeling, String naam, Status status, String statusTekst, @Nullable String kenmerk,
                               Instant gestartOp, @Nullable Instant verstuurdOp, @Nullable LocalDate uitslagUiterlijk) {
    }

    /**
     * One application, with all the app needs to show it.
     * <ul>
     * <li>{@code scherm}: the screen to answer now (a concept only); absent when every question has an answer: then show
     * the answers to check, and send.</li>
     * <li>{@code antwoorden}: every answer so far with its question, in order, each with the screen to change it.</li>
     * <li>{@code bewijs}: the papers to send along. Before sending only {@code wat}; once sent each is a document request
     * ({@code documentverzoek}) to send a photo or PDF to with POST /api/v1/documentverzoeken/{id}/bestanden.</li>
     * <li>{@code herstel}: what the consulent asks to complete the application, also a document request each; while one
     * is open the clock stands still.</li>
     * <li>{@code termijn}: the legal clock, once sent and until the decision; {@code besluit}: the decision;
     * {@code bezwaar}: the bezwaar the citizen made against it.</li>
     * </ul>
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Aanvraag(String id, String regeling, String naam, Status status, String statusTekst, @Nullable String kenmerk,
                           Instant gestartOp, @Nullable Instant verstuurdOp, @Nullable Scherm scherm, List<Antwoord> antwoorden,
                           List<Papier> bewijs, List<Papier> herstel, @Nullable Termijn termijn, @Nullable Besluit besluit,
                           @Nullable Bezwaar bezwaar) {
    }

    /**
     * A screen of the form: usually one question. {@code id}: the screen's id, for PUT
     * /api/v1/aanvragen/{id}/schermen/{scherm}; {@code nummer} of {@code totaal}: where it is in the form (for "vraag 2
     * van 4"); {@code titel}: the heading when the screen has more than one question (absent: the question's label is
     * the heading).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scherm(String id, int nummer, int totaal, @Nullable String titel, List<Vraag> vragen) {
    }

    /**
     * One question. {@code id}: the key of its answer in PUT and the {@code field} of an error; {@code soort}: KEUZE
     * (send the {@code waarde} of one of {@code opties}), HEEL_GETAL ("3"), BEDRAG in euros ("449,95" or "449.95") or
     * TEKST; {@code label}: the question; {@code hint}: help under it; {@code antwoord}: the answer given so far, as the
     * citizen would type it (absent: none yet).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vraag(String id, String soort, String label, @Nullable String hint, List<Optie> opties, @Nullable String antwoord) {
    }

    /** One option of a KEUZE question: the {@code waarde} to send and the {@code label} to show. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Optie(String waarde, String label) {
    }

    /**
     * One answer, for the check before sending. {@code vraag}: the question's id and {@code vraagTekst} its words;
     * {@code antwoord}: the answer in words (an amount as "€ 449,95"); {@code scherm}: the screen to change it
     * (GET /api/v1/aanvragen/{id}/schermen/{scherm} shows it with the answer filled in).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Antwoord(String scherm, String vraag, String vraagTekst, String antwoord) {
    }

    /**
     * A paper to send. {@code wat}: what it is. Once the application is sent: {@code documentverzoek}, the id of its
     * document request; {@code status}: OPEN (nothing sent yet), GESTUURD, AFGEROND or INGETROKKEN (as in
     * GET /api/v1/documentverzoeken/{id}); {@code uiterlijk}: the last day to send it; {@code teLaat}: that day passed and
     * nothing was sent; {@code gestuurdOp}: when the first file came. For {@code herstel}, {@code waarom} holds the
     * consulent's words.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Papier(String wat, @Nullable String waarom, @Nullable String documentverzoek, @Nullable String status,
                         @Nullable LocalDate uiterlijk, boolean teLaat, @Nullable Instant gestuurdOp) {
    }

    /**
     * The legal clock of a sent application (Awb 4:13 to 4:15). {@code uitslagUiterlijk}: the last day for the decision;
     * {@code stilGezet}: the municipality waits for something from the citizen ({@code herstel}), the clock stands
     * still and that day moves on until it is sent; {@code dagenOver}: days from today to that day; {@code teLaat}: the
     * municipality is late; {@code verdaagdTot} with {@code verdaagdWaarom}: the municipality took more time, and why;
     * {@code tekst}: where it stands, in words.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Termijn(LocalDate uitslagUiterlijk, boolean stilGezet, long dagenOver, boolean teLaat, @Nullable LocalDate verdaagdTot,
                          @Nullable String verdaagdWaarom, String tekst) {
    }

    /**
     * The decision. {@code uitkomst}: TOEGEKEND, AFGEWEZEN or BUITEN_BEHANDELING, with {@code tekst} saying it and
     * {@code betekent} what it means for the citizen; {@code bedrag} and {@code betaaldatum}: what is paid, by when (a
     * grant); {@code reden}: why, in the consulent's words; {@code besluitOp}: the day of the decision;
     * {@code bezwaarTot}: the last day to make bezwaar; {@code bezwaarTeLaat}: that day has passed (a bezwaar then also
     * says why it is late).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Besluit(String uitkomst, String tekst, String betekent, @Nullable Money bedrag, @Nullable LocalDate betaaldatum,
                          String reden, LocalDate besluitOp, LocalDate bezwaarTot, boolean bezwaarTeLaat) {
    }

    /** A bezwaar the citizen made: its number to quote, the day, and what they wrote. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bezwaar(String kenmerk, LocalDate op, String waarom) {
    }

    /**
     * The answers of one screen, by question id: {"antwoorden": {"bedrag": "449,95"}}. Every question of the screen
     * needs an answer.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Antwoorden(@Nullable Map<String, String> antwoorden) {
    }

    /**
     * A bezwaar: {@code waarom} the citizen does not agree (at most 4000 characters); after the last day for bezwaar
     * also {@code teLaat}: why it comes later (at most 1000).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BezwaarMaken(@Nullable String waarom, @Nullable String teLaat) {
    }
}

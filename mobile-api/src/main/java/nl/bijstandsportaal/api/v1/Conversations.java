package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** Conversations ("gesprekken") between the citizen and the municipality: one thread per subject, both sides see it whole. */
public final class Conversations {

    private Conversations() {
    }

    /**
     * One conversation, its messages ({@code berichten}) oldest first. {@code onderwerp} is absent for an early message
     * of the consulent without one. {@code wachtOpAntwoord}: the citizen wrote and the municipality has not answered
     * yet; {@code antwoordUiterlijk}: the last day the municipality promised to answer by (absent when nothing waits).
     * {@code verzoek}: present when the conversation is about a document request (a task): what was asked, and every
     * step of it; {@code berichten} then holds what both sides wrote about it (possibly nothing yet). {@code afspraak}:
     * present when the conversation is about an appointment, with every step of it.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conversation(String id, @Nullable @JsonProperty("onderwerp") String subject,
                               @JsonProperty("doorBurgerGestart") boolean startedByCitizen,
                               @JsonProperty("gestartOp") Instant startedAt,
                               @JsonProperty("laatsteBerichtOp") Instant lastMessageAt,
                               @JsonProperty("wachtOpAntwoord") boolean waitingForAnswer,
                               @Nullable @JsonProperty("antwoordUiterlijk") java.time.LocalDate answerBy,
                               @JsonProperty("berichten") List<Message> messages, @Nullable Verzoek verzoek,
                               @Nullable Afspraak afspraak) {
    }

    /**
     * The appointment a conversation is about: {@code id} as in {@code /api/v1/afspraken/{id}} (where it can be confirmed
     * or moved), what it is about, when it starts (UTC), its status (GEPLAND, GEANNULEERD, GEWEEST, NIET_GEKOMEN), the
     * citizen's answer to the current time (GEEN, BEVESTIGD, ANDERE_TIJD), whether it can still be answered, and its
     * steps, oldest first.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Afspraak(String id, String onderwerp, Instant begint, String status, String antwoord, boolean kanAntwoorden,
                           List<AfspraakStap> stappen) {
    }

    /**
     * One step of an appointment. {@code soort}: GEPLAND, VERZET, GEANNULEERD, BEVESTIGD, ANDERE_TIJD, HERINNERD, GEWEEST or
     * NIET_GEKOMEN; {@code door}: the employee (absent: the citizen or the portal); {@code begint}/{@code vorigeBegint}:
     * the time after the step and before it (VERZET); {@code vorm}: KANTOOR, VIDEO or TELEFOON; {@code tekst}: what the
     * citizen wrote (ANDERE_TIJD); {@code herinnerd}: for NIET_GEKOMEN, whether a reminder had gone out.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AfspraakStap(String soort, Instant op, @Nullable String door, @Nullable Instant begint, @Nullable Instant vorigeBegint,
                               @Nullable String vorm, @Nullable String tekst, @Nullable Boolean herinnerd) {
    }

    /**
     * The document request a conversation is about: {@code id} as in {@code /api/v1/documentverzoeken}, what and why,
     * whether files can still be sent ({@code open}) and by when ({@code uiterlijk}), and its steps, oldest first.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verzoek(String id, String wat, @Nullable String waarom, boolean open, java.time.LocalDate uiterlijk, List<Stap> stappen) {
    }

    /**
     * One step of a request. {@code soort}: GEVRAAGD, BESTAND_GESTUURD, VERLENGD, NIET_GOED_GENOEG, AFGEROND or INGETROKKEN; {@code door}:
     * the employee (absent: the citizen or the portal); {@code tekst}: the consulent's words for the citizen;
     * {@code uiterlijk}: the last day it set; {@code bestand}: the file sent (BESTAND_GESTUURD).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stap(String soort, Instant op, @Nullable String door, @Nullable String tekst, @Nullable java.time.LocalDate uiterlijk,
                       @Nullable String bestand) {
    }

    /** A message: written by the citizen ({@code vanBurger}) or by an employee ({@code afzender}: their name). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String id, @JsonProperty("vanBurger") boolean fromCitizen,
                          @Nullable @JsonProperty("afzender") String author, @JsonProperty("tekst") String text,
                          @JsonProperty("verstuurdOp") Instant sentAt,
                          @JsonProperty("bijlagen") List<Attachment> attachments) {
    }

    /**
     * A file sent with a message: its name as stored and its size in bytes. {@code bestandId} (added later, ADR 0055):
     * to download it ({@code GET /api/v1/gesprekken/{id}/bijlagen/{bestandId}}); {@code id} is the portal's own number
     * for it and stays for apps that show it.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(long id, @JsonProperty("bestandId") String fileId, @JsonProperty("naam") String name,
                             @JsonProperty("grootte") long size) {
    }

    /**
     * A new conversation ({@code onderwerp} required) or an answer in one ({@code onderwerp} ignored). {@code tekst}: at
     * most 2000 characters. {@code bestanden}: at most 3 photos (JPEG, PNG, HEIC) or PDFs of at most 10 MB each, each a
     * {@code naam} and its {@code inhoud} in base64.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewMessage(@Nullable String onderwerp, @Nullable String tekst, @Nullable List<NewFile> bestanden) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewFile(@Nullable String naam, @Nullable String inhoud) {
    }
}

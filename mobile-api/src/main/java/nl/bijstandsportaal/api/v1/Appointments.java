package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** Appointments with the consulent (afspraken), and conversations the citizen asks for. */
public final class Appointments {

    private Appointments() {
    }

    /**
     * One appointment (JSON names in Dutch, ADR 0048). {@code begint}/{@code eindigt}: moments (UTC; show them in
     * Europe/Amsterdam); {@code wanneer}: the start in words in the request's language ("maandag 30 november 2026 om
     * 10:00"). {@code vorm}: KANTOOR (at the office, {@code adres}), VIDEO (a video call, {@code videolink}) or TELEFOON
     * (the consulent calls). {@code status}: GEPLAND, GEANNULEERD (it does not take place), GEWEEST (it took place) or
     * NIET_GEKOMEN (the citizen did not come). {@code antwoord}: the citizen's answer to the current time: GEEN (not yet),
     * BEVESTIGD (will come) or ANDERE_TIJD (asked for another time; {@code toelichting} is what they wrote).
     * {@code kanAntwoorden}: confirming or asking for another time is possible (planned and not started).
     * {@code agenda}: the path of the .ics file.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Appointment(String id, @JsonProperty("begint") Instant start, @JsonProperty("eindigt") Instant end,
                              @JsonProperty("wanneer") String when, @JsonProperty("vorm") String how,
                              @JsonProperty("vormTekst") String howText,
                              @Nullable @JsonProperty("adres") String address,
                              @Nullable @JsonProperty("videolink") String videoLink,
                              @JsonProperty("onderwerp") String about, @Nullable @JsonProperty("meenemen") String bring,
                              String status, @JsonProperty("statusTekst") String statusText,
                              @JsonProperty("antwoord") String answer,
                              @Nullable @JsonProperty("toelichting") String note,
                              @JsonProperty("kanAntwoorden") boolean canAnswer, String consulent,
                              @JsonProperty("agenda") String calendar) {
    }

    /** Asking for another time: an optional {@code toelichting} (at most 500 characters), such as the days and times that suit. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OtherTime(@Nullable String toelichting) {
    }

    /**
     * Asking for a conversation: {@code onderwerp}, what about (required, at most 500 characters), {@code vorm}, how the
     * citizen would like it (KANTOOR, VIDEO, TELEFOON or MAAKT_NIET_UIT; empty means MAAKT_NIET_UIT) and optionally
     * {@code voorkeurstijden}, when it suits them (at most 200 characters).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversationRequest(@Nullable String onderwerp, @Nullable String vorm, @Nullable String voorkeurstijden) {
    }

    /** A conversation asked for. {@code status}: OPEN, or GEPLAND once the consulent planned an appointment for it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversationRequested(String id, @JsonProperty("onderwerp") String about,
                                        @JsonProperty("vorm") String how,
                                        @Nullable @JsonProperty("voorkeurstijden") String preferredTimes, String status,
                                        @JsonProperty("gevraagdOp") Instant askedAt) {
    }
}

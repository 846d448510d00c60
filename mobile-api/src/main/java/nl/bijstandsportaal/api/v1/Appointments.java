package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** Appointments with the consulent (afspraken), and conversations the citizen asks for. */
public final class Appointments {

    private Appointments() {
    }

    /**
     * One appointment. {@code start}/{@code end}: moments (UTC; show them in Europe/Amsterdam); {@code when}: the start
     * in words in the request's language ("maandag 30 november 2026 om 10:00"). {@code how}: KANTOOR (at the office,
     * {@code address}), VIDEO (a video call, {@code videoLink}) or TELEFOON (the consulent calls). {@code status}:
     * GEPLAND, GEANNULEERD (it does not take place), GEWEEST (it took place) or NIET_GEKOMEN (the citizen did not come).
     * {@code answer}: the citizen's answer to the current time: GEEN (not yet), BEVESTIGD (will come) or ANDERE_TIJD
     * (asked for another time; {@code note} is what they wrote). {@code canAnswer}: confirming or asking for another time
     * is possible (planned and not started). {@code calendar}: the path of the .ics file.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Appointment(String id, Instant start, Instant end, String when, String how, String howText,
                              @Nullable String address, @Nullable String videoLink, String about, @Nullable String bring,
                              String status, String statusText, String answer, @Nullable String note, boolean canAnswer,
                              String consulent, String calendar) {
    }

    /** Asking for another time: an optional note (at most 500 characters), such as the days and times that suit. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OtherTime(@Nullable String note) {
    }

    /**
     * Asking for a conversation: what about (required, at most 500 characters), how the citizen would like it
     * (KANTOOR, VIDEO, TELEFOON or MAAKT_NIET_UIT; empty means MAAKT_NIET_UIT) and optionally when it suits them (at most
     * 200 characters).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversationRequest(@Nullable String about, @Nullable String how, @Nullable String preferredTimes) {
    }

    /** A conversation asked for. {@code status}: OPEN, or GEPLAND once the consulent planned an appointment for it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversationRequested(String id, String about, String how, @Nullable String preferredTimes, String status, Instant askedAt) {
    }
}

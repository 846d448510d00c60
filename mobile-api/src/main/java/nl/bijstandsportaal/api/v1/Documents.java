package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Documents the consulent asked the citizen for, and the files the citizen sent for them. */
public final class Documents {

    private Documents() {
    }

    /**
     * One request (JSON names in Dutch, ADR 0048). {@code status}: OPEN (nothing sent yet), GESTUURD (files sent; the
     * consulent will look at them), AFGEROND (the consulent has what they need) or INGETROKKEN (no longer needed);
     * {@code statusTekst} says it in the request's language. {@code uiterlijk}: the last day to send it; {@code teLaat}:
     * that day has passed and nothing was sent; {@code kanSturen}: files can still be added (OPEN or GESTUURD).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String id, @JsonProperty("wat") String what, @JsonProperty("waarom") String why,
                          @JsonProperty("uiterlijk") LocalDate deadline, String status,
                          @JsonProperty("statusTekst") String statusText, @JsonProperty("teLaat") boolean late,
                          @JsonProperty("kanSturen") boolean canSend, @JsonProperty("gevraagdOp") Instant askedAt,
                          @Nullable @JsonProperty("gestuurdOp") Instant sentAt,
                          @JsonProperty("bestanden") List<File> files,
                          @Nullable @JsonProperty("stappen") List<Step> steps) {

        /** {@code steps} (added later): what happened to the request, oldest first. */
        @Creator
        public Request {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        /** As before steps were added: no steps. */
        public Request(String id, String what, String why, LocalDate deadline, String status, String statusText,
                       boolean late, boolean canSend, Instant askedAt, @Nullable Instant sentAt, List<File> files) {
            this(id, what, why, deadline, status, statusText, late, canSend, askedAt, sentAt, files, List.of());
        }
    }

    /**
     * A file the citizen sent: {@code id} to download it ({@code GET .../bestanden/{id}}), the name as stored (photos are
     * stored as JPEG or PNG without metadata), its size in bytes. {@code notGoodEnough} (added later): the consulent
     * looked at it and asked to send something else instead. {@code deletable}: the citizen may still delete it (the
     * consulent has not handled it, ADR 0055).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record File(String id, @JsonProperty("naam") String name, @JsonProperty("grootte") long size,
                       @JsonProperty("toegevoegdOp") Instant addedAt,
                       @JsonProperty("nietGoedGenoeg") boolean notGoodEnough,
                       @JsonProperty("verwijderbaar") boolean deletable) {

        @Creator
        public File {
        }
    }

    /**
     * One step of a request, oldest first. {@code soort}: GEVRAAGD, BESTAND_GESTUURD, VERLENGD (a later last day),
     * NIET_GOED_GENOEG (what was sent does not do: send again by a new last day), AFGEROND or INGETROKKEN; more kinds may
     * come, show {@code titel} for one you do not know. {@code titel}: the step in the request's language; {@code door}:
     * the employee (absent: the citizen, or the portal); {@code tekst}: the consulent's own words to the citizen;
     * {@code vorigUiterlijk} and {@code nieuwUiterlijk}: the last day before and after the step; {@code bestand}: the
     * file sent.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(@JsonProperty("soort") String kind, @JsonProperty("titel") String title,
                       @JsonProperty("op") Instant at, @Nullable @JsonProperty("door") String by,
                       @Nullable @JsonProperty("tekst") String note,
                       @Nullable @JsonProperty("vorigUiterlijk") LocalDate oldDeadline,
                       @Nullable @JsonProperty("nieuwUiterlijk") LocalDate newDeadline,
                       @Nullable @JsonProperty("bestand") String fileName) {
    }
}

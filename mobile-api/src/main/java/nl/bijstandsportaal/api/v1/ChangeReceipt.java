package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A reported change as stored: its number for the citizen to quote ({@code kenmerk}), when it was sent, its state
 * (NIEUW, IN_BEHANDELING, AFGEHANDELD) and what the rules predicted for the payment when it was sent. {@code bewijs}: the
 * names of the proof; {@code bewijsBestanden} (added later, ADR 0055): the same files with an id to download or delete.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeReceipt(
        String id,
        String kenmerk,
        @JsonProperty("soort") String kind,
        @JsonProperty("verstuurdOp") String sentAt,
        String datum,
        @Nullable String datumTot,
        String status,
        @JsonProperty("statusTekst") String statusText,
        @JsonProperty("verwachtGevolg") String expectedEffect,
        @Nullable @JsonProperty("verwachteNorm") Money expectedNorm,
        @Nullable String consulent,
        @JsonProperty("bewijs") List<String> proof,
        @JsonProperty("bewijsBestanden") List<ProofFile> proofFiles) {
}

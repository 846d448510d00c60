package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * Proof the citizen sent with an income report or a change (ADR 0055): {@code id} to download it (GET .../bewijs/{id})
 * or delete it (DELETE, while {@code verwijderbaar}), the name as stored, its size in bytes, when it came.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProofFile(String id, @JsonProperty("naam") String name, @JsonProperty("grootte") long size,
                        @JsonProperty("toegevoegdOp") Instant addedAt, @JsonProperty("verwijderbaar") boolean deletable) {
}

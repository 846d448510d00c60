package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * "Waar heb ik recht op?" for the signed-in citizen: per regeling their municipality offers, what the portal expects,
 * from what it knows and the answers the citizen gave in the check.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Regelingen(List<Regeling> regelingen) {

    /**
     * One regeling. {@code id}: its slug (individuele-inkomenstoeslag, kwijtschelding, meedoenregeling,
     * zorgverzekering, bijzondere-bijstand); {@code uitkomst}: "ja", "misschien" or "nee"; {@code reden}: the main
     * reason in one sentence, {@code redenen} all of them; {@code bedrag}: what it gives, in words (absent when no sum
     * is known); {@code draagkracht}: for bijzondere bijstand, what the citizen pays themselves first; {@code tip}: why
     * it may be for them (absent if none); {@code beslistermijnWeken}: the weeks within which the municipality
     * decides; {@code voorlopig}: a figure used is not confirmed yet; {@code link}: the web page of the regeling.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Regeling(String id, String naam, String uitkomst, String reden, List<String> redenen, @Nullable String bedrag,
                           @Nullable Money draagkracht, @Nullable String tip, int beslistermijnWeken, boolean voorlopig,
                           String link) {
    }
}

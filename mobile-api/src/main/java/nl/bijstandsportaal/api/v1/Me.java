package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The signed-in citizen: their name, their municipality, who their consulent is, and the e-mail address they confirmed
 * (absent when they have none; only a confirmed address is ever used, ADR 0040).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Me(
        String voornaam,
        String achternaam,
        Gemeente gemeente,
        @Nullable Consulent consulent,
        @Nullable String email) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gemeente(String code, String naam, String telefoon, String website) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Consulent(String naam, String email, @Nullable String telefoon) {
    }
}

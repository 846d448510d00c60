package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The signed-in citizen: their name, their municipality and who their consulent is. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Me(
        String voornaam,
        String achternaam,
        Gemeente gemeente,
        @Nullable Consulent consulent) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gemeente(String code, String naam, String telefoon, String website) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Consulent(String naam, String email, @Nullable String telefoon) {
    }
}

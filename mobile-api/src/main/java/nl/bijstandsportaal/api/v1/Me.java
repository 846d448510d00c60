package nl.bijstandsportaal.api.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The signed-in citizen: their name, their municipality and who their consulent is. */
@Serdeable
public record Me(
        String voornaam,
        String achternaam,
        Gemeente gemeente,
        @Nullable Consulent consulent) {

    @Serdeable
    public record Gemeente(String code, String naam, String telefoon, String website) {
    }

    @Serdeable
    public record Consulent(String naam, String email, @Nullable String telefoon) {
    }
}

package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/**
 * A change the citizen reports (wijziging doorgeven). Which fields are needed depends on {@code soort}:
 * INWONER_ERBIJ naam, geboortedatum, huishoudstatus, datum; INWONER_WEG lid (a household member's id from
 * /api/v1/wijzigingen/huisgenoten), datum; BUITENLAND land, datum, datumTot; ADRES straat, postcode, woonplaats,
 * datum; GIFT bedrag ("150.00" or "150,00"), datum, toelichting; ANDERS datum, toelichting. Dates as 2026-12-01.
 * Send an {@code Idempotency-Key}: a retry with the same key is stored once.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeReport(
        @NotNull Kind soort,
        @Nullable String datum,
        @Nullable String datumTot,
        @Nullable String naam,
        @Nullable String geboortedatum,
        @Nullable String huishoudstatus,
        @Nullable String lid,
        @Nullable String bedrag,
        @Nullable String land,
        @Nullable String straat,
        @Nullable String postcode,
        @Nullable String woonplaats,
        @Nullable String toelichting) {

    public enum Kind { INWONER_ERBIJ, INWONER_WEG, BUITENLAND, ADRES, GIFT, ANDERS }
}

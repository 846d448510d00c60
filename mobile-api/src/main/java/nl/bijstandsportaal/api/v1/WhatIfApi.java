package nl.bijstandsportaal.api.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;

/**
 * "Wat als ik ga werken?": month by month what work next to bijstand brings, against not working. Open without a
 * token for a situation the visitor chooses ({@code gemeente}, {@code leefvorm}, {@code leeftijd} "onder27" or
 * empty for 27 and older); with a citizen's token for their own household and municipality (those three are then
 * ignored). Wages as {@code uren} and {@code uurloon}, or {@code maandloon} (net, comma or point); {@code kind12}
 * "ja" for a single parent who cares alone for a child under 12; {@code vanaf} a month "2026-12" (default: this
 * month). 422 with a message per field.
 */
public interface WhatIfApi {

    @Get("/api/v1/wat-als-ik-ga-werken")
    @Produces(MediaType.APPLICATION_JSON)
    WhatIf calculate(@QueryValue @Nullable String gemeente, @QueryValue @Nullable String leefvorm,
                     @QueryValue @Nullable String leeftijd, @QueryValue @Nullable String kind12,
                     @QueryValue @Nullable String uren, @QueryValue @Nullable String uurloon,
                     @QueryValue @Nullable String maandloon, @QueryValue("vanaf") @Nullable String start);
}

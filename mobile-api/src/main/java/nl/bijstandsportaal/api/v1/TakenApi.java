package nl.bijstandsportaal.api.v1;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /api/v1/taken}: what the citizen must do, in one call (for the app's badge and home screen). */
public interface TakenApi {

    @Get("/api/v1/taken")
    @Produces(MediaType.APPLICATION_JSON)
    Taken taken();
}

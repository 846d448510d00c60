package nl.bijstandsportaal.api.v1;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /api/v1/ik}: who is signed in. */
public interface MeApi {

    @Get("/api/v1/ik")
    @Produces(MediaType.APPLICATION_JSON)
    Me me();
}

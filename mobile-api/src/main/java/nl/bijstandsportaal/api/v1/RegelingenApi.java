package nl.bijstandsportaal.api.v1;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** Minimaregelingen for the signed-in citizen (a citizen's token). */
public interface RegelingenApi {

    /** Every regeling of the citizen's municipality with what the portal expects for them: ja, misschien or nee, and why. */
    @Get("/api/v1/regelingen")
    @Produces(MediaType.APPLICATION_JSON)
    Regelingen regelingen();
}

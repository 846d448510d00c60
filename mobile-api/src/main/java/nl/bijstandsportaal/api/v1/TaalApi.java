package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code PUT /api/v1/taal}: the language the citizen chose in the app (nl, en, tr, ar, pl or uk). The portal remembers
 * it and writes the texts of pushes and e-mails in it; the app sends the same language as Accept-Language for the texts
 * in its answers. 204 when stored; 422 naming {@code taal} when it is not one of these.
 */
public interface TaalApi {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Taal(@Nullable String taal) {
    }

    @Put("/api/v1/taal")
    // No body: an app that only accepts a Problem (as a client generated from the contract does for a 204) is served.
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    HttpResponse<Void> choose(@Body Taal taal);
}

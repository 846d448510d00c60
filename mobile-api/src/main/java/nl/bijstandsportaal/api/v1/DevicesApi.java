package nl.bijstandsportaal.api.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Push registrations of the app. Registering the same token again updates it (token refresh, new app version);
 * a retry with the same {@code Idempotency-Key} gets the first answer and is stored once.
 *
 * <p>A push holds no personal data: a generic title and text, and in its data {@code melding} (the message id: the
 * {@code id} of the message in {@code GET /api/v1/meldingen}) and {@code link}. The message id is also its collapse key
 * and tag (Android) and its {@code apns-collapse-id} (iOS). The same message can arrive twice (a crash while it was on
 * its way): the app de-duplicates by {@code melding} and shows a message id once; the second copy replaces the first.
 * The {@code link} is an API path ({@code /api/v1/aanvragen/123}), or else {@code /api/v1/meldingen/{melding}}.
 */
public interface DevicesApi {

    /**
     * The header of every creating request that may be retried: a new UUID per attempt, the same one when the app
     * retries that attempt. A retry gets the first answer byte for byte (status, Content-Type, Location, body), also
     * when the thing has changed since; the same key with another body is refused with 422
     * {@link ProblemTypes#IDEMPOTENCY_KEY_REUSED}. Keys are kept a week.
     */
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Post("/api/v1/apparaten")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Device> register(@Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                  @Body @Valid @NotNull DeviceRegistration registration);

    @Get("/api/v1/apparaten")
    @Produces(MediaType.APPLICATION_JSON)
    List<Device> list();

    @Delete("/api/v1/apparaten/{id}")
    // No body: an app that only accepts a Problem (as a client generated from the contract does for a 204) is served.
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    HttpResponse<Void> remove(@PathVariable String id);
}

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
 */
public interface DevicesApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Post("/api/v1/devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Device> register(@Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                  @Body @Valid @NotNull DeviceRegistration registration);

    @Get("/api/v1/devices")
    @Produces(MediaType.APPLICATION_JSON)
    List<Device> list();

    @Delete("/api/v1/devices/{id}")
    HttpResponse<Void> remove(@PathVariable String id);
}

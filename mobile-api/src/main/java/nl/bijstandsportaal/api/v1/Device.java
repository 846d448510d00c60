package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A registered phone. The push token itself is never sent back. {@code naam} is the name the app gave at login
 * ({@code device_name}; absent for a registration older than that link), {@code ditApparaat} is true for the phone
 * that asks. Ending the app login (revoke, the citizen on /sessies) removes the registration.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Device(String id, DeviceRegistration.Platform platform, @JsonProperty("appVersie") String appVersion,
                     @JsonProperty("geregistreerdOp") Instant registeredAt,
                     @JsonProperty("laatstGezienOp") Instant lastSeenAt, @Nullable String naam, boolean ditApparaat) {
}

package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A registered phone. The push token itself is never sent back. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Device(String id, DeviceRegistration.Platform platform, String appVersion, Instant registeredAt, Instant lastSeenAt) {
}

package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A phone asks to get push messages: its Firebase registration token, platform and app version. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceRegistration(
        @NotBlank @Size(max = 512) String pushtoken,
        @NotNull Platform platform,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z.+_-]+") String appVersie) {

    public enum Platform { ANDROID, IOS }
}

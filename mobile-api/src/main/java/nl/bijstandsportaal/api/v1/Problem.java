package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An error answer of the API, as {@code application/problem+json} (RFC 9457). {@code type} is stable per kind
 * of error (see {@link ProblemTypes}); {@code title} and {@code detail} are in the language of the request;
 * {@code errors} names each field that is wrong and what to do; {@code incident} is a reference to quote
 * to the helpdesk when something broke on our side. {@code error} carries the OAuth 2 error code on the
 * token endpoint.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable String incident,
        @Nullable String error,
        @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that is wrong, named as in the request body, and what to do about it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message) {
    }
}

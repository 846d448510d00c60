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

import java.util.List;

/**
 * "Documenten": what the consulent asked the signed-in citizen to send, and sending it. Another citizen's request
 * answers 404, as one that does not exist.
 */
public interface DocumentsApi {

    /** Open requests first (nearest deadline first), then the others, newest first. */
    @Get("/api/v1/documentverzoeken")
    @Produces(MediaType.APPLICATION_JSON)
    List<Documents.Request> requests();

    @Get("/api/v1/documentverzoeken/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Documents.Request request(@PathVariable String id);

    /**
     * A file the citizen sent for this request, by its id from {@code bestanden}: the file itself, with its stored type
     * (application/pdf, image/jpeg or image/png) and its name in Content-Disposition. Another citizen's: 404.
     */
    @Get("/api/v1/documentverzoeken/{id}/bestanden/{bestandId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON, "application/problem+json"})
    HttpResponse<byte[]> file(@PathVariable String id, @PathVariable String bestandId);

    /**
     * Deletes a file the citizen sent for this request, by its id from {@code bestanden}, while the consulent has not
     * handled it ({@code verwijderbaar}, ADR 0055): 204, the file is gone for both sides and the consulent sees a step
     * BESTAND_VERWIJDERD. When no file is left, the request is OPEN again. 409 ({@code /problems/file-handled}) when the
     * consulent has handled it; another citizen's or an unknown file: 404.
     */
    @Delete("/api/v1/documentverzoeken/{id}/bestanden/{bestandId}")
    // No body: an app that only accepts a Problem (as a client generated from the contract does for a 204) is served.
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    HttpResponse<Void> deleteFile(@PathVariable String id, @PathVariable String bestandId);

    /**
     * A file for this request: the file itself as the body (image/jpeg, image/png, image/heic or application/pdf, at
     * most 10 MB), its name in the header {@code X-Bestandsnaam}. 201 with the request as it is now. The same file sent
     * again (a retry, with or without the same Idempotency-Key) is stored once. 422 naming the field {@code bestand}
     * when the file is not accepted; 409 when the request is closed (AFGEROND or INGETROKKEN).
     */
    @Post("/api/v1/documentverzoeken/{id}/bestanden")
    @Consumes({"image/jpeg", "image/png", "image/heic", "image/heif", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Documents.Request> send(@PathVariable String id, @Header("X-Bestandsnaam") @Nullable String fileName,
                                         @Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey, @Body byte[] file);
}

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
import java.util.Map;

/**
 * Rights and duties, and reporting a change. Everything is about the signed-in citizen; another citizen's change
 * answers 404 as one that does not exist.
 */
public interface RightsApi {

    @Get("/api/v1/rechten")
    @Produces(MediaType.APPLICATION_JSON)
    RightsOverview overview();

    /** "Ik heb dit gelezen", for the rules version that applies now. */
    @Post("/api/v1/rechten/gelezen")
    // No body: an app that only accepts a Problem (as a client generated from the contract does for a 204) is served.
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    HttpResponse<Void> markRead();

    @Post("/api/v1/rechten/quiz")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Quiz.Result answerQuiz(@Body @Valid @NotNull Quiz.Answers answers);

    /** Who lives with the citizen now, id to first name, for a change of kind INWONER_WEG. */
    @Get("/api/v1/wijzigingen/huisgenoten")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, String> housemates();

    /**
     * 201 with the receipt and its {@code Location}; with the same Idempotency-Key a retry gets this first answer byte
     * for byte; 422 with a message per field when something is wrong.
     */
    @Post("/api/v1/wijzigingen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ChangeReceipt> report(@Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                       @Body @Valid @NotNull ChangeReport report);

    /**
     * The changes the citizen reported, newest first, a page at a time (ADR 0053): {@code aantal} (1-100, 50), {@code na}
     * (the cursor from the previous answer's {@code Link} header), {@code gewijzigdSinds} (only the changes reported,
     * handled, or whose proof was added or deleted from that moment on).
     */
    @Get("/api/v1/wijzigingen{?aantal,na,gewijzigdSinds}")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<List<ChangeReceipt>> changes(io.micronaut.http.HttpRequest<?> request, @Nullable @io.micronaut.http.annotation.QueryValue String aantal,
                                              @Nullable @io.micronaut.http.annotation.QueryValue String na,
                                              @Nullable @io.micronaut.http.annotation.QueryValue String gewijzigdSinds);

    @Get("/api/v1/wijzigingen/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ChangeReceipt change(@PathVariable String id);

    /**
     * One proof file of this change, by its id from {@code bewijsBestanden}: the file itself, with its stored type and its
     * name in Content-Disposition, never cached. Another citizen's: 404.
     */
    @Get("/api/v1/wijzigingen/{id}/bewijs/{bestandId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON, "application/problem+json"})
    HttpResponse<byte[]> proofFile(@PathVariable String id, @PathVariable String bestandId);

    /**
     * Deletes one proof file while the consulent has not started on the change ({@code verwijderbaar}, status NIEUW;
     * ADR 0055): 204, the consulent's timeline shows it. 409 ({@code /problems/file-handled}) after that; another
     * citizen's or an unknown file: 404.
     */
    @Delete("/api/v1/wijzigingen/{id}/bewijs/{bestandId}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    HttpResponse<Void> deleteProofFile(@PathVariable String id, @PathVariable String bestandId);

    /**
     * Proof for a change: the file itself as the body (image/jpeg, image/png, image/heic or application/pdf, at most 10 MB),
     * its name in the header {@code X-Bestandsnaam}. 201 with the receipt.
     */
    @Post("/api/v1/wijzigingen/{id}/bewijs")
    @Consumes({"image/jpeg", "image/png", "image/heic", "image/heif", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ChangeReceipt> addProof(@PathVariable String id, @Header("X-Bestandsnaam") @Nullable String fileName,
                                         @Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey, @Body byte[] file);
}

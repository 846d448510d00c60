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
 * Inkomsten doorgeven: the periods, the estimate before sending, sending (a second send before processing is a
 * correction, kept as a new version) and the receipt. Another citizen's report answers 404.
 */
public interface IncomeApi {

    @Get("/api/v1/inkomsten")
    @Produces(MediaType.APPLICATION_JSON)
    List<Income.Period> periods();

    /** What these sources would do to the payment; nothing is stored. 422 with a message per field. */
    @Post("/api/v1/inkomsten/{code}/schatting")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Income.Estimate estimate(@PathVariable String code, @Body @Valid @NotNull Income.Report report);

    /**
     * 201 with the receipt and its {@code Location}; with the same Idempotency-Key a retry is stored once and gets this
     * first answer byte for byte, also after a correction; 409 when already being processed.
     */
    @Post("/api/v1/inkomsten/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Income.Receipt> send(@PathVariable String code, @Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                      @Body @Valid @NotNull Income.Report report);

    @Get("/api/v1/inkomsten/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    Income.Receipt receipt(@PathVariable String code);

    /**
     * One proof file of this report, by its id from {@code bewijsBestanden}: the file itself, with its stored type and its
     * name in Content-Disposition, never cached. Another citizen's: 404.
     */
    @Get("/api/v1/inkomsten/{code}/bewijs/{bestandId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON, "application/problem+json"})
    HttpResponse<byte[]> proofFile(@PathVariable String code, @PathVariable String bestandId);

    /**
     * Deletes one proof file while the consulent has not taken the report in hand ({@code verwijderbaar}, status
     * VERSTUURD; ADR 0055): 204, the timeline gets BEWIJS_VERWIJDERD. 409 ({@code /problems/file-handled}) after that;
     * another citizen's or an unknown file: 404.
     */
    @Delete("/api/v1/inkomsten/{code}/bewijs/{bestandId}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    HttpResponse<Void> deleteProofFile(@PathVariable String code, @PathVariable String bestandId);

    /**
     * A payslip or other proof: the file itself as the body (image/jpeg, image/png, image/heic or application/pdf, at most 10 MB),
     * its name in the header {@code X-Bestandsnaam}. Photos are stored without their metadata. 201 with the receipt.
     */
    @Post("/api/v1/inkomsten/{code}/bewijs")
    @Consumes({"image/jpeg", "image/png", "image/heic", "image/heif", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Income.Receipt> addProof(@PathVariable String code, @Header("X-Bestandsnaam") @Nullable String fileName,
                                          @Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey, @Body byte[] file);
}

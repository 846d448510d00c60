package nl.bijstandsportaal.api.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Aanvragen: applying for a regeling of the citizen's municipality, screen by screen, sending it once, and following it
 * to the decision (see {@link Aanvragen}). Another citizen's application answers 404, as one that does not exist. Bad
 * input answers 422 {@code application/problem+json} naming each question by its id.
 */
public interface AanvragenApi {

    /** The citizen's applications, newest first. */
    @Get("/api/v1/aanvragen")
    @Produces(MediaType.APPLICATION_JSON)
    List<Aanvragen.Samenvatting> applications();

    /**
     * Starts an application, or continues the concept there is for that regeling (one at a time): 201 with it and its
     * {@code Location}. The
     * answers the citizen gave in "Waar heb ik recht op?" are filled in. 404 when the municipality does not offer the
     * regeling. With the same Idempotency-Key a retry gets the first answer, byte for byte.
     */
    @Post("/api/v1/aanvragen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Aanvragen.Aanvraag> start(@Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                           @Body @Valid @NotNull Aanvragen.Start start);

    /** The application with the next screen to answer (none when all is answered), the answers, the proof and the decision. */
    @Get("/api/v1/aanvragen/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Aanvragen.Aanvraag application(@PathVariable String id);

    /**
     * The application with this screen to answer again (to change an answer from the check); 404 for an unknown screen,
     * 409 once the application is sent.
     */
    @Get("/api/v1/aanvragen/{id}/schermen/{scherm}")
    @Produces(MediaType.APPLICATION_JSON)
    Aanvragen.Aanvraag screen(@PathVariable String id, @PathVariable String scherm);

    /**
     * Answers one screen: checked and saved at once. 200 with the application and its next screen; 422 naming each
     * question (by id) whose answer is missing or does not fit, nothing saved; 404 for an unknown screen; 409 once the
     * application is sent (it never changes then).
     */
    @Put("/api/v1/aanvragen/{id}/schermen/{scherm}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Aanvragen.Aanvraag answer(@PathVariable String id, @PathVariable String scherm, @Body @NotNull Aanvragen.Antwoorden antwoorden);

    /**
     * Sends the application: 200 with it, its kenmerk and the papers to send. Sending again, or a retry with the same
     * Idempotency-Key, changes nothing and answers the same. 422 naming the questions of the next screen when not every
     * question has an answer yet.
     */
    @Post("/api/v1/aanvragen/{id}/versturen")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Aanvragen.Aanvraag> send(@PathVariable String id, @Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey);

    /**
     * A bezwaar against the decision: 201 with the application and its bezwaar. One per decision: sending again changes
     * nothing. 422 naming {@code waarom} (and {@code teLaat} after the last day for bezwaar); 409 while there is no
     * decision.
     */
    @Post("/api/v1/aanvragen/{id}/bezwaar")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Aanvragen.Aanvraag> object(@PathVariable String id, @Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                            @Body @NotNull Aanvragen.BezwaarMaken bezwaar);
}

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

import java.util.List;

/**
 * "Gesprekken": the signed-in citizen's conversations with the municipality. Starting one or answering is stored once
 * per Idempotency-Key (a retry gets the first answer, byte for byte). Bad input: 422 naming the field ({@code onderwerp},
 * {@code tekst}, {@code bestanden}). Another citizen's conversation answers 404, as one that does not exist.
 */
public interface ConversationsApi {

    /** The latest conversation first. */
    @Get("/api/v1/gesprekken")
    @Produces(MediaType.APPLICATION_JSON)
    List<Conversations.Conversation> conversations();

    /** One conversation; the employee's messages in it count as read. */
    @Get("/api/v1/gesprekken/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Conversations.Conversation conversation(@PathVariable String id);

    /**
     * A file sent with a message in this conversation (by the citizen or to her), by its {@code bestandId}: the file
     * itself, with its stored type and its name in Content-Disposition, never cached. Another citizen's: 404. A message
     * once sent stays as it was: its files cannot be deleted (ADR 0055).
     */
    @Get("/api/v1/gesprekken/{id}/bijlagen/{bestandId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON, "application/problem+json"})
    HttpResponse<byte[]> attachment(@PathVariable String id, @PathVariable String bestandId);

    /** Starts a conversation: 201 with it and its {@code Location}. */
    @Post("/api/v1/gesprekken")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Conversations.Conversation> start(@Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                                   @Body Conversations.NewMessage message);

    /** Answers in a conversation: 201 with the conversation as it is now (a retry: as it was then). */
    @Post("/api/v1/gesprekken/{id}/berichten")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Conversations.Conversation> reply(@PathVariable String id, @Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                                   @Body Conversations.NewMessage message);
}

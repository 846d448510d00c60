package nl.bijstandsportaal.api.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * The inbox (berichten) and the notification preferences of the signed-in citizen. Another citizen's message
 * answers 404, as one that does not exist.
 */
public interface InboxApi {

    /**
     * The newest messages first, a page at a time: {@code aantal} (1-100, 50), {@code na} (the cursor from the previous
     * answer's {@code Link} header), {@code gewijzigdSinds} (only messages made or read from that moment on).
     */
    @Get("/api/v1/meldingen{?aantal,na,gewijzigdSinds}")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<List<Inbox.Message>> messages(HttpRequest<?> request, @Nullable @QueryValue String aantal, @Nullable @QueryValue String na,
                                              @Nullable @QueryValue String gewijzigdSinds);

    /** One message; reading it does not mark it read (that is {@link #markRead}). Another citizen's: 404. */
    @Get("/api/v1/meldingen/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Inbox.Message message(@PathVariable String id);

    /** 204; marking a message read again changes nothing. */
    @Post("/api/v1/meldingen/{id}/gelezen")
    // No body: an app that only accepts a Problem (as a client generated from the contract does for a 204) is served.
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    HttpResponse<Void> markRead(@PathVariable String id);

    /** Every topic with push and e-mail (on unless turned off), and the quiet hours. */
    @Get("/api/v1/meldingsvoorkeuren")
    @Produces(MediaType.APPLICATION_JSON)
    Inbox.Preferences preferences();

    /** Saves and answers with the preferences as they are now; 422 naming each field that is wrong. */
    @Put("/api/v1/meldingsvoorkeuren")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Inbox.Preferences savePreferences(@Body @Valid @NotNull Inbox.Preferences preferences);
}

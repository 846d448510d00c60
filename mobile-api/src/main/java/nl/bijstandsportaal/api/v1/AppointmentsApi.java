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
 * Afspraken: the signed-in citizen's appointments with their consulent, answering them, adding them to the phone's
 * calendar, and asking for a conversation. Another citizen's appointment answers 404, as one that does not exist.
 * Bad input answers 422 {@code application/problem+json} naming each field.
 */
public interface AppointmentsApi {

    /** Coming appointments first (soonest first), then the others (newest first). */
    @Get("/api/v1/afspraken")
    @Produces(MediaType.APPLICATION_JSON)
    List<Appointments.Appointment> appointments();

    @Get("/api/v1/afspraken/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Appointments.Appointment appointment(@PathVariable String id);

    /** The citizen will come: 200 with the appointment. Again changes nothing. 409 when it was cancelled or has started. */
    @Post("/api/v1/afspraken/{id}/bevestigen")
    @Produces(MediaType.APPLICATION_JSON)
    Appointments.Appointment confirm(@PathVariable String id);

    /**
     * The citizen asks for another time, with an optional note: 200 with the appointment. 422 naming {@code toelichting} when it
     * is too long; 409 when it was cancelled or has started.
     */
    @Post("/api/v1/afspraken/{id}/verzetten")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Appointments.Appointment askOtherTime(@PathVariable String id, @Body @Nullable Appointments.OtherTime otherTime);

    /**
     * The appointment as an iCalendar file (RFC 5545, text/calendar) to add to the phone's calendar, as an attachment.
     * The UID stays the same when the appointment is moved; a cancelled one is marked CANCELLED.
     */
    @Get("/api/v1/afspraken/{id}/agenda.ics")
    @Produces("text/calendar")
    HttpResponse<byte[]> calendar(@PathVariable String id);

    /**
     * The citizen asks for a conversation: 201 with the request; it reaches the consulent's file. With the same
     * Idempotency-Key a retry answers the same request and adds nothing. 422 naming {@code onderwerp}, {@code vorm} or
     * {@code voorkeurstijden}.
     */
    @Post("/api/v1/afspraken/verzoek")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Appointments.ConversationRequested> askConversation(@Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                                                     @Body Appointments.ConversationRequest request);
}

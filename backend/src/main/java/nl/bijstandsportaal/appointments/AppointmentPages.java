package nl.bijstandsportaal.appointments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.i18n.LocaleResolver;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * "Afspraken": the citizen's appointments with their consulent; confirming or asking for another time with one tap,
 * the calendar file, and asking for a conversation.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class AppointmentPages {

    private final Appointments appointments;
    private final AppointmentCalendar calendar;
    private final LocaleResolver locales;

    AppointmentPages(Appointments appointments, AppointmentCalendar calendar, LocaleResolver locales) {
        this.appointments = appointments;
        this.calendar = calendar;
        this.locales = locales;
    }

    @Get("/afspraken")
    @View("appointments/list")
    Map<String, Object> list(Authentication authentication, @QueryValue @Nullable String gevraagd) {
        long burgerId = CurrentUser.require(authentication).id();
        Map<String, Object> model = new HashMap<>();
        model.put("appointments", appointments.forCitizen(burgerId));
        model.put("requests", appointments.requestsForCitizen(burgerId));
        model.put("requested", gevraagd != null);
        return model;
    }

    @Get("/afspraken/{id}")
    @View("appointments/appointment")
    Map<String, Object> appointment(Authentication authentication, @PathVariable String id, @QueryValue @Nullable String gedaan) {
        Map<String, Object> model = model(appointments.forCitizen(CurrentUser.require(authentication).id(), id), Map.of(), Map.of());
        model.put("done", gedaan == null ? "" : gedaan);
        return model;
    }

    /** One tap: the citizen will come. */
    @Post(value = "/afspraken/{id}/bevestigen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(Authentication authentication, @PathVariable String id, @Body Map<String, Object> body) {
        long burgerId = CurrentUser.require(authentication).id();
        try {
            appointments.confirm(burgerId, id);
        } catch (Appointments.NotPossibleException e) {
            return again(burgerId, id, HttpStatus.CONFLICT, Map.of("bevestigen", e.reason()), Map.of());
        }
        return HttpResponse.seeOther(URI.create("/afspraken/" + id + "?gedaan=bevestigd#gedaan"));
    }

    /** One tap, with an optional note: the citizen asks for another time. */
    @Post(value = "/afspraken/{id}/andere-tijd", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> otherTime(Authentication authentication, @PathVariable String id, @Body Map<String, Object> body) {
        long burgerId = CurrentUser.require(authentication).id();
        Map<String, String> typed = FormBody.strings(body);
        AppointmentForm.Checked<String> checked = AppointmentForm.otherTime(typed);
        if (!checked.ok()) {
            appointments.requireOwn(burgerId, id);
            return again(burgerId, id, HttpStatus.BAD_REQUEST, checked.errors(), typed);
        }
        try {
            appointments.askOtherTime(burgerId, id, checked.value());
        } catch (Appointments.NotPossibleException e) {
            return again(burgerId, id, HttpStatus.CONFLICT, Map.of("notitie", e.reason()), typed);
        }
        return HttpResponse.seeOther(URI.create("/afspraken/" + id + "?gedaan=anderetijd#gedaan"));
    }

    /** The appointment as a calendar file (.ics), to add to the phone's calendar. */
    @Get(value = "/afspraken/{id}/agenda.ics", produces = "text/calendar")
    HttpResponse<byte[]> calendarFile(Authentication authentication, @PathVariable String id, HttpRequest<?> request) {
        return calendar.file(appointments.forCitizen(CurrentUser.require(authentication).id(), id), locales.resolve(request));
    }

    @Get("/gesprek-aanvragen")
    @View("appointments/request")
    Map<String, Object> requestForm() {
        return Map.of("typed", Map.of(), "errors", Map.of());
    }

    /** The citizen asks for a conversation; it reaches the consulent's file. */
    @Post(value = "/gesprek-aanvragen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> request(Authentication authentication, @Body Map<String, Object> body) {
        long burgerId = CurrentUser.require(authentication).id();
        Map<String, String> typed = FormBody.strings(body);
        AppointmentForm.Checked<AppointmentForm.Request> checked = AppointmentForm.request(typed);
        if (!checked.ok()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("appointments/request",
                    Map.of("typed", typed, "errors", checked.errors())));
        }
        appointments.askConversation(burgerId, checked.value());
        return HttpResponse.seeOther(URI.create("/afspraken?gevraagd=ja#gevraagd"));
    }

    private HttpResponse<?> again(long burgerId, String id, HttpStatus status, Map<String, Text> errors, Map<String, String> typed) {
        return HttpResponse.status(status).body(new ModelAndView<>("appointments/appointment",
                model(appointments.forCitizen(burgerId, id), errors, typed)));
    }

    private static Map<String, Object> model(Appointments.Appointment appointment, Map<String, Text> errors, Map<String, String> typed) {
        Map<String, Object> model = new HashMap<>();
        model.put("a", appointment);
        model.put("errors", errors);
        model.put("typed", typed);
        model.put("noteMax", AppointmentForm.MAX_NOTE);
        model.put("done", "");
        return model;
    }
}

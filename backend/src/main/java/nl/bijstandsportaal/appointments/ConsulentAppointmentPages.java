package nl.bijstandsportaal.appointments;

import io.micronaut.core.annotation.Nullable;
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
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.platform.web.FormBody;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The consulent's side of appointments: the form to plan one (also for a citizen's request for a conversation) or to
 * move one, and cancelling and recording the outcome from the citizen's file, where they are listed (ConsulentPages).
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CONSULENT)
class ConsulentAppointmentPages {

    private final Appointments appointments;
    private final AccountRepository accounts;
    private final Clock clock;

    ConsulentAppointmentPages(Appointments appointments, AccountRepository accounts, Clock clock) {
        this.appointments = appointments;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The empty form; for a request of the citizen ({@code verzoek}) with its subject and wish filled in. */
    @Get("/consulent/burgers/{id}/afspraken/nieuw")
    HttpResponse<?> planForm(@PathVariable long id, @QueryValue @Nullable String verzoek, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> typed = new HashMap<>(Map.of("duur", "30", "datum", Today.in(clock).plusDays(7).toString()));
        if (verzoek != null) {
            Appointments.ConversationRequest request = appointments.requestForConsulent(consulent, id, verzoek);
            typed.put("onderwerp", request.about().length() > AppointmentForm.MAX_ABOUT ? request.about().substring(0, AppointmentForm.MAX_ABOUT) : request.about());
            typed.put("verzoek", request.publicId());
            if (request.how() != AppointmentForm.Wish.MAAKT_NIET_UIT) {
                typed.put("vorm", request.how().name());
            }
        }
        return page(consulent, id, null, typed, Map.of(), HttpStatus.OK);
    }

    @Post(value = "/consulent/burgers/{id}/afspraken", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> plan(@PathVariable long id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> typed = FormBody.strings(body);
        Map<String, Text> errors = appointments.plan(consulent, id, typed);
        if (!errors.isEmpty()) {
            return page(consulent, id, null, typed, errors, HttpStatus.BAD_REQUEST);
        }
        return backToFile(id);
    }

    /** The form filled in with the appointment as it is. */
    @Get("/consulent/burgers/{id}/afspraken/{afspraak}/verzetten")
    HttpResponse<?> moveForm(@PathVariable long id, @PathVariable String afspraak, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Appointments.Appointment a = appointments.forConsulent(consulent, id, afspraak);
        Map<String, String> typed = new HashMap<>();
        typed.put("datum", a.day().toString());
        typed.put("tijd", a.time());
        typed.put("duur", String.valueOf(a.minutes()));
        typed.put("vorm", a.how().name());
        typed.put(a.how() == AppointmentForm.How.VIDEO ? "link" : "adres", a.place() == null ? "" : a.place());
        typed.put("onderwerp", a.about());
        typed.put("meenemen", a.bring() == null ? "" : a.bring());
        return page(consulent, id, a, typed, Map.of(), HttpStatus.OK);
    }

    @Post(value = "/consulent/burgers/{id}/afspraken/{afspraak}/verzetten", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> move(@PathVariable long id, @PathVariable String afspraak, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> typed = FormBody.strings(body);
        Map<String, Text> errors;
        try {
            errors = appointments.move(consulent, id, afspraak, typed);
        } catch (Appointments.NotPossibleException e) {
            return HttpResponse.badRequest();
        }
        if (!errors.isEmpty()) {
            return page(consulent, id, appointments.forConsulent(consulent, id, afspraak), typed, errors, HttpStatus.BAD_REQUEST);
        }
        return backToFile(id);
    }

    @Post(value = "/consulent/burgers/{id}/afspraken/{afspraak}/annuleren", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(@PathVariable long id, @PathVariable String afspraak, Authentication authentication) {
        try {
            appointments.cancel(CurrentUser.require(authentication), id, afspraak);
        } catch (Appointments.NotPossibleException e) {
            return HttpResponse.badRequest();
        }
        return backToFile(id);
    }

    /** After the time: the citizen came (GEWEEST) or did not (NIET_GEKOMEN). */
    @Post(value = "/consulent/burgers/{id}/afspraken/{afspraak}/uitkomst", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> outcome(@PathVariable long id, @PathVariable String afspraak, @Body Map<String, Object> body, Authentication authentication) {
        try {
            appointments.record(CurrentUser.require(authentication), id, afspraak, FormBody.strings(body).getOrDefault("uitkomst", ""));
        } catch (Appointments.NotPossibleException e) {
            return HttpResponse.badRequest();
        }
        return backToFile(id);
    }

    private static HttpResponse<?> backToFile(long id) {
        return HttpResponse.seeOther(URI.create("/consulent/burgers/" + id + "?opgeslagen=afspraak#afspraken-titel"));
    }

    private HttpResponse<?> page(CurrentUser consulent, long id, Appointments.Appointment moving, Map<String, String> typed,
                                 Map<String, Text> errors, HttpStatus status) {
        CitizenProfile citizen = accounts.citizenFor(consulent, id);
        Map<String, Object> model = new HashMap<>();
        model.put("profile", citizen);
        if (moving != null) {
            model.put("moving", moving);
        }
        model.put("typed", typed);
        model.put("errors", errors);
        model.put("durations", AppointmentForm.DURATIONS);
        model.put("maxBring", AppointmentForm.MAX_BRING);
        model.put("earliest", AppointmentForm.EARLIEST.toString());
        model.put("latest", AppointmentForm.LATEST.toString());
        return HttpResponse.status(status).body(new ModelAndView<>("appointments/plan", model));
    }
}

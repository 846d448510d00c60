package nl.bijstandsportaal.appointments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import nl.bijstandsportaal.api.v1.Appointments;
import nl.bijstandsportaal.api.v1.AppointmentsApi;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.idempotency.IdempotencyService;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.ProblemException;
import nl.bijstandsportaal.platform.web.Problems;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The app's appointments: the same service and form checks as the pages, mapped to the mobile-api contract. */
@Controller
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class AppointmentApiController implements AppointmentsApi {

    /** The form's field names as the app calls them. */
    private static final Map<String, String> FIELDS = Map.of("notitie", "toelichting", "onderwerp", "onderwerp", "vorm", "vorm", "voorkeur", "voorkeurstijden");

    private final SecurityService security;
    private final nl.bijstandsportaal.appointments.Appointments appointments;
    private final AppointmentCalendar calendar;
    private final IdempotencyService idempotency;
    private final Messages messages;
    private final Problems problems;

    AppointmentApiController(SecurityService security, nl.bijstandsportaal.appointments.Appointments appointments, AppointmentCalendar calendar,
                             IdempotencyService idempotency, Messages messages, Problems problems) {
        this.security = security;
        this.appointments = appointments;
        this.calendar = calendar;
        this.idempotency = idempotency;
        this.messages = messages;
        this.problems = problems;
    }

    @Override
    public List<Appointments.Appointment> appointments() {
        Locale locale = problems.locale();
        return appointments.forCitizen(citizen().id()).stream().map(a -> dto(locale, a)).toList();
    }

    @Override
    public Appointments.Appointment appointment(String id) {
        return dto(problems.locale(), appointments.forCitizen(citizen().id(), id));
    }

    @Override
    public Appointments.Appointment confirm(String id) {
        try {
            return dto(problems.locale(), appointments.confirm(citizen().id(), id));
        } catch (nl.bijstandsportaal.appointments.Appointments.NotPossibleException e) {
            throw conflict(e);
        }
    }

    @Override
    public Appointments.Appointment askOtherTime(String id, @Nullable Appointments.OtherTime otherTime) {
        long burgerId = citizen().id();
        appointments.requireOwn(burgerId, id);
        Map<String, String> typed = new HashMap<>();
        if (otherTime != null && otherTime.toelichting() != null) {
            typed.put("notitie", otherTime.toelichting());
        }
        AppointmentForm.Checked<String> checked = AppointmentForm.otherTime(typed);
        if (!checked.ok()) {
            throw problems.invalid(checked.errors(), FIELDS::get);
        }
        try {
            return dto(problems.locale(), appointments.askOtherTime(burgerId, id, checked.value()));
        } catch (nl.bijstandsportaal.appointments.Appointments.NotPossibleException e) {
            throw conflict(e);
        }
    }

    @Override
    public HttpResponse<byte[]> calendar(String id) {
        return calendar.file(appointments.forCitizen(citizen().id(), id), problems.locale());
    }

    @Override
    public HttpResponse<Appointments.ConversationRequested> askConversation(@Nullable String idempotencyKey, Appointments.ConversationRequest request) {
        long burgerId = citizen().id();
        Map<String, String> typed = new HashMap<>();
        if (request != null) {
            putIfSet(typed, "onderwerp", request.onderwerp());
            putIfSet(typed, "vorm", request.vorm());
            putIfSet(typed, "voorkeur", request.voorkeurstijden());
        }
        AppointmentForm.Checked<AppointmentForm.Request> checked = AppointmentForm.request(typed);
        if (!checked.ok()) {
            throw problems.invalid(checked.errors(), FIELDS::get);
        }
        return idempotency.respond("burger:" + burgerId, idempotencyKey, Map.of("gesprek", typed),
                Argument.of(Appointments.ConversationRequested.class),
                tx -> new IdempotencyService.Outcome<>(HttpStatus.CREATED, dto(appointments.askConversation(tx, burgerId, checked.value()))),
                IdempotencyService.Reply::of);
    }

    private static void putIfSet(Map<String, String> typed, String name, String value) {
        if (value != null) {
            typed.put(name, value);
        }
    }

    private ProblemException conflict(nl.bijstandsportaal.appointments.Appointments.NotPossibleException e) {
        return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, messages.render(problems.locale(), e.reason()), null, List.of());
    }

    private static Appointments.ConversationRequested dto(nl.bijstandsportaal.appointments.Appointments.ConversationRequest r) {
        return new Appointments.ConversationRequested(r.publicId(), r.about(), r.how().name(), r.preferred(), r.status(), r.askedAt());
    }

    private Appointments.Appointment dto(Locale locale, nl.bijstandsportaal.appointments.Appointments.Appointment a) {
        String status = a.status().name();
        return new Appointments.Appointment(a.publicId(), a.start(), a.end(), messages.render(locale, a.when()), a.how().name(),
                messages.get(locale, "appointment.how." + a.how().name()),
                a.how() == AppointmentForm.How.KANTOOR ? a.place() : null, a.how() == AppointmentForm.How.VIDEO ? a.place() : null,
                a.about(), a.bring(), status, messages.get(locale, "appointment.status." + status), a.answer().name(), a.note(),
                a.canAnswer(), a.consulent(), "/api/v1/afspraken/" + a.publicId() + "/agenda.ics");
    }

    private CurrentUser citizen() {
        return CurrentUser.requireCitizen(security.getAuthentication());
    }
}

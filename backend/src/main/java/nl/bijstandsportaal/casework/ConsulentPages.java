package nl.bijstandsportaal.casework;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.web.FormBody;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.appointments.Appointments;
import nl.bijstandsportaal.documents.DocumentRequestForm;
import nl.bijstandsportaal.documents.DocumentRequests;
import nl.bijstandsportaal.income.IncomeCasework;
import nl.bijstandsportaal.rights.RightsService;
import nl.bijstandsportaal.platform.security.Roles;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The consulent's start page and a citizen's file; the beheerder's audit trail. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsulentPages {

    private final CaseloadService caseload;
    private final RightsService rights;
    private final IncomeCasework income;
    private final ConsulentMessages messages;
    private final ChangeDecisions changes;
    private final DocumentRequests documents;
    private final Appointments appointments;

    ConsulentPages(CaseloadService caseload, RightsService rights, IncomeCasework income, ConsulentMessages messages,
                   ChangeDecisions changes, DocumentRequests documents, Appointments appointments) {
        this.appointments = appointments;
        this.changes = changes;
        this.documents = documents;
        this.caseload = caseload;
        this.rights = rights;
        this.income = income;
        this.messages = messages;
    }

    @Get("/consulent")
    @Secured({Roles.CONSULENT, Roles.BEHEERDER})
    @View("consulent/home")
    Map<String, Object> home(Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        boolean consulent = user.hasRole(Roles.CONSULENT);
        return Map.of("caseload", consulent ? caseload.caseload(user) : java.util.List.of(),
                "consulent", consulent,
                "citizenCount", consulent ? 0 : caseload.citizenCount(user),
                "gemeenteNaam", caseload.gemeenteNaam(user));
    }

    @Get("/consulent/burgers/{id}")
    @Secured(Roles.CONSULENT)
    @View("consulent/citizen")
    Map<String, Object> citizen(@PathVariable long id, @QueryValue @Nullable String opgeslagen, Authentication authentication) {
        Map<String, Object> model = file(CurrentUser.require(authentication), id);
        if ("situatie".equals(opgeslagen)) {
            model.put("saved", true);
        }
        if ("bericht".equals(opgeslagen)) {
            model.put("messageSent", true);
        }
        if ("wijziging".equals(opgeslagen)) {
            model.put("changeSaved", true);
        }
        if ("document".equals(opgeslagen)) {
            model.put("documentSaved", true);
        }
        if ("nieuwebestanden".equals(opgeslagen)) {
            model.put("documentNewFiles", true);
        }
        if ("afspraak".equals(opgeslagen)) {
            model.put("appointmentSaved", true);
        }
        return model;
    }

    /** A plain message to the citizen; an empty or too long one comes back with what was typed. */
    @Post(value = "/consulent/burgers/{id}/bericht", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CONSULENT)
    HttpResponse<?> sendMessage(@PathVariable long id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        Map<String, Text> errors = messages.send(consulent, id, form.get("bericht"));
        return saved(consulent, id, errors, "typed", form, "bericht#berichten-titel");
    }

    /** A reported change moves on (being handled, handled); the citizen is told. */
    @Post(value = "/consulent/burgers/{id}/wijzigingen/{change}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CONSULENT)
    HttpResponse<?> changeStatus(@PathVariable long id, @PathVariable String change, @Body Map<String, Object> body,
                                 Authentication authentication) {
        String status = FormBody.strings(body).getOrDefault("status", "");
        if (!changes.setStatus(CurrentUser.require(authentication), id, change, status)) {
            return HttpResponse.badRequest();
        }
        return HttpResponse.seeOther(URI.create("/consulent/burgers/" + id + "?opgeslagen=wijziging#wijzigingen-titel"));
    }

    /** Asks the citizen for a document (what, why, by when); a form with mistakes comes back as typed. */
    @Post(value = "/consulent/burgers/{id}/documentverzoeken", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CONSULENT)
    HttpResponse<?> askDocument(@PathVariable long id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        Map<String, Text> errors = documents.ask(consulent, id, form);
        return saved(consulent, id, errors, "documentTyped", form, "document#documenten-titel");
    }

    /** A request is done (the consulent has what they need) or withdrawn; the citizen is told. */
    @Post(value = "/consulent/burgers/{id}/documentverzoeken/{request}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CONSULENT)
    HttpResponse<?> closeDocument(@PathVariable long id, @PathVariable String request, @Body Map<String, Object> body,
                                  Authentication authentication) {
        Map<String, String> form = FormBody.strings(body);
        Integer filesSeen = form.getOrDefault("bestanden", "").matches("[0-9]{1,3}") ? Integer.valueOf(form.get("bestanden")) : null;
        // Closed from an application's page: back there (only to an application's own address).
        String back = form.getOrDefault("terug", "").matches("/consulent/aanvragen/[0-9a-f-]{36}") ? form.get("terug")
                : "/consulent/burgers/" + id;
        String anchor = back.startsWith("/consulent/aanvragen/") ? "#papieren-titel" : "#documenten-titel";
        return switch (documents.close(CurrentUser.require(authentication), id, request, form.getOrDefault("status", ""), filesSeen)) {
            case DONE -> HttpResponse.seeOther(URI.create(back + "?opgeslagen=document" + anchor));
            case NEW_FILES -> HttpResponse.seeOther(URI.create(back + "?opgeslagen=nieuwebestanden" + anchor));
            case NOT_POSSIBLE -> HttpResponse.badRequest();
        };
    }

    /** A file the citizen sent for a request: a download, audited. */
    @Get(value = "/consulent/burgers/{id}/documenten/{bestand}", produces = MediaType.ALL)
    @Secured(Roles.CONSULENT)
    HttpResponse<byte[]> documentFile(@PathVariable long id, @PathVariable long bestand, Authentication authentication) {
        return documents.file(CurrentUser.require(authentication), id, bestand).response();
    }

    /**
     * After a form on the citizen's file: back to the file at the right place, or, with mistakes, the file again (400)
     * with the messages and what was typed (under {@code typedName}, as the form's template reads it).
     */
    private HttpResponse<?> saved(CurrentUser consulent, long id, Map<String, Text> errors, String typedName, Map<String, String> typed,
                                  String savedAndAnchor) {
        if (errors.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/consulent/burgers/" + id + "?opgeslagen=" + savedAndAnchor));
        }
        Map<String, Object> model = file(consulent, id);
        model.put("errors", errors);
        model.put(typedName, typed);
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("consulent/citizen", model));
    }

    private Map<String, Object> file(CurrentUser consulent, long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("profile", caseload.openFile(consulent, id));
        RightsService.Page rightsPage = rights.overviewForConsulent(consulent, id);
        model.put("overview", rightsPage.overview());
        model.put("acknowledged", rightsPage.acknowledged());
        model.put("changes", rights.changesForConsulent(consulent, id));
        model.put("proof", rights.proofIds(consulent, id));
        model.put("incomeReports", income.reports(consulent, id));
        model.put("messages", messages.sent(consulent, id));
        model.put("messageMax", ConsulentMessages.MAX_LENGTH);
        model.put("changeSteps", ChangeDecisions.STEPS);
        DocumentRequests.Defaults defaults = documents.defaults(consulent, id);
        model.put("documentRequests", documents.forConsulent(consulent, id));
        model.put("documentDefaults", defaults);
        model.put("documentTyped", Map.of("uiterlijk", defaults.deadline().toString()));
        model.put("documentSteps", DocumentRequests.CLOSING);
        model.put("documentMaxWhat", DocumentRequestForm.MAX_WHAT);
        model.put("documentMaxWhy", DocumentRequestForm.MAX_WHY);
        model.put("appointments", appointments.forConsulent(consulent, id));
        model.put("conversationRequests", appointments.requestsForConsulent(consulent, id));
        return model;
    }

    @Get("/beheer/audit")
    @Secured(Roles.BEHEERDER)
    @View("beheer/audit")
    Map<String, Object> audit(Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        return Map.of("events", caseload.auditTrail(user), "gemeenteNaam", caseload.gemeenteNaam(user));
    }
}

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
import nl.bijstandsportaal.platform.readability.ReadabilityCheck;
import nl.bijstandsportaal.conversations.Conversations;
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

/** A citizen's file for the consulent, and what they do from it; the beheerder's audit trail. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsulentPages {

    private final CaseloadService caseload;
    private final RightsService rights;
    private final IncomeCasework income;
    private final Conversations conversations;
    private final FileTimeline timeline;
    private final ReadabilityCheck readability;
    private final ChangeDecisions changes;
    private final DocumentRequests documents;
    private final Appointments appointments;

    ConsulentPages(CaseloadService caseload, RightsService rights, IncomeCasework income, Conversations conversations, ReadabilityCheck readability,
                   ChangeDecisions changes, DocumentRequests documents, Appointments appointments, FileTimeline timeline) {
        this.timeline = timeline;
        this.appointments = appointments;
        this.changes = changes;
        this.documents = documents;
        this.caseload = caseload;
        this.rights = rights;
        this.income = income;
        this.conversations = conversations;
        this.readability = readability;
    }

    /** The citizens of the consulent's team. */
    @Get("/consulent/burgers")
    @Secured(Roles.CONSULENT)
    @View("consulent/citizens")
    Map<String, Object> citizens(Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        return Map.of("caseload", caseload.caseload(user), "gemeenteNaam", caseload.gemeenteNaam(user));
    }

    /**
     * A citizen's file. A citizen of another team of the municipality: a page to take the file over, with a reason
     * (403 until then); anyone else: 404.
     */
    @Get("/consulent/burgers/{id}")
    @Secured(Roles.CONSULENT)
    HttpResponse<?> citizen(@PathVariable long id, @QueryValue @Nullable String opgeslagen, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        if (caseload.access(consulent, id) == nl.bijstandsportaal.account.AccountRepository.Access.OTHER_TEAM) {
            return takeoverPage(consulent, id, Map.of(), Map.of());
        }
        return HttpResponse.ok(new ModelAndView<>("consulent/citizen", citizenModel(consulent, id, opgeslagen)));
    }

    /** One timeline of everything in the citizen's file; opening it is audited as opening the file. */
    @Get("/consulent/burgers/{id}/tijdlijn")
    @Secured(Roles.CONSULENT)
    @View("consulent/timeline")
    Map<String, Object> timeline(@PathVariable long id, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        return Map.of("profile", caseload.openFile(consulent, id), "entries", timeline.of(consulent, id));
    }

    /** Takes over the file of a citizen of another team, with a reason; then the file. */
    @Post(value = "/consulent/burgers/{id}/overnemen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CONSULENT)
    HttpResponse<?> takeOver(@PathVariable long id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        Map<String, Text> errors = caseload.takeOver(consulent, id, form.get("reden"));
        if (!errors.isEmpty()) {
            return takeoverPage(consulent, id, errors, form);
        }
        return HttpResponse.seeOther(URI.create("/consulent/burgers/" + id));
    }

    private HttpResponse<?> takeoverPage(CurrentUser consulent, long id, Map<String, Text> errors, Map<String, String> typed) {
        Map<String, Object> model = new HashMap<>();
        model.put("other", caseload.otherTeam(consulent, id));
        model.put("id", id);
        model.put("errors", errors);
        model.put("typed", typed);
        model.put("maxReason", CaseloadService.MAX_TAKEOVER_REASON);
        return HttpResponse.status(errors.isEmpty() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST)
                .body(new ModelAndView<>("consulent/takeover", model));
    }

    private Map<String, Object> citizenModel(CurrentUser consulent, long id, String opgeslagen) {
        Map<String, Object> model = file(consulent, id);
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

    /**
     * A message to the citizen: a new conversation (with a subject, optional), or an answer in one ({@code gesprek});
     * an empty or too long one comes back with what was typed.
     */
    @Post(value = "/consulent/burgers/{id}/bericht", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CONSULENT)
    HttpResponse<?> sendMessage(@PathVariable long id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        String thread = form.getOrDefault("gesprek", "");
        Conversations.Typed typed = new Conversations.Typed(form.get("onderwerp"), form.get("bericht"), java.util.List.of());
        Map<String, Text> errors = Conversations.check(typed, false);
        if (errors.isEmpty() && !ReadabilityCheck.seen(form)) {
            // Not sent yet: first the readability check of what was typed; the consulent can still send it as it is.
            Map<String, Object> model = thread.isBlank() ? file(consulent, id) : threadModel(consulent, id, thread);
            model.put("readability", readability.check(typed.text()));
            model.put("readabilityFor", "bericht");
            model.put("typed", form);
            model.put("errors", Map.of());
            return HttpResponse.ok(new ModelAndView<>(thread.isBlank() ? "consulent/citizen" : "consulent/conversation", model));
        }
        if (errors.isEmpty()) {
            errors = conversations.write(consulent, id, thread, typed);
        }
        if (!thread.isBlank()) {
            if (errors.isEmpty()) {
                return HttpResponse.seeOther(URI.create("/consulent/burgers/" + id + "/gesprekken/" + thread + "?verstuurd=ja#verstuurd"));
            }
            Map<String, Object> model = threadModel(consulent, id, thread);
            model.put("errors", errors);
            model.put("typed", form);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("consulent/conversation", model));
        }
        return saved(consulent, id, errors, "typed", form, "bericht#berichten-titel");
    }

    /** One conversation with the citizen, whole, with the answer form; opening it is audited. */
    @Get("/consulent/burgers/{id}/gesprekken/{gesprek}")
    @Secured(Roles.CONSULENT)
    @View("consulent/conversation")
    Map<String, Object> conversation(@PathVariable long id, @PathVariable String gesprek, @QueryValue @Nullable String verstuurd,
                                     Authentication authentication) {
        Map<String, Object> model = threadModel(CurrentUser.require(authentication), id, gesprek);
        model.put("sent", verstuurd != null);
        model.put("errors", Map.of());
        model.put("typed", Map.of());
        return model;
    }

    /** A file the citizen sent with a message: a download, audited. */
    @Get(value = "/consulent/burgers/{id}/gesprekken/{gesprek}/bijlagen/{bijlage}", produces = MediaType.ALL)
    @Secured(Roles.CONSULENT)
    HttpResponse<byte[]> conversationFile(@PathVariable long id, @PathVariable String gesprek, @PathVariable long bijlage,
                                          Authentication authentication) {
        return conversations.attachmentForConsulent(CurrentUser.require(authentication), id, gesprek, bijlage).response();
    }

    private Map<String, Object> threadModel(CurrentUser consulent, long id, String gesprek) {
        Map<String, Object> model = new HashMap<>();
        model.put("profile", caseload.openFile(consulent, id));
        model.put("thread", conversations.forConsulent(consulent, id).stream().filter(t -> t.id().equals(gesprek)).findFirst()
                .orElseThrow(nl.bijstandsportaal.platform.web.NotFoundException::new));
        model.put("messageMax", Conversations.MAX_LENGTH);
        return model;
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
        if (!ReadabilityCheck.seen(form)) {
            // Not asked yet: first the readability check of what and why, with the form as typed.
            Map<String, Text> errors = documents.checkRequest(consulent, id, form);
            if (errors.isEmpty()) {
                Map<String, Object> model = file(consulent, id);
                model.put("readability", readability.check(form.getOrDefault("wat", "") + "\n\n" + form.getOrDefault("waarom", "")));
                model.put("readabilityFor", "document");
                model.put("documentTyped", form);
                return HttpResponse.ok(new ModelAndView<>("consulent/citizen", model));
            }
            return saved(consulent, id, errors, "documentTyped", form, null);
        }
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
        model.put("threads", conversations.forConsulent(consulent, id));
        model.put("messageMax", Conversations.MAX_LENGTH);
        model.put("subjectMax", Conversations.MAX_SUBJECT);
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

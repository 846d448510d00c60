package nl.bijstandsportaal.documents;

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
import nl.bijstandsportaal.platform.readability.ReadabilityCheck;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * One document request for the consulent: its steps, the files, and what comes next: more time ("meer tijd geven"),
 * "niet goed genoeg, stuur opnieuw", or closing it (ConsulentPages). Reached from the citizen's file and from an
 * application's papers ({@code terug}: back there).
 */
@Controller("/consulent/burgers/{id}/documentverzoeken/{request}")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CONSULENT)
class DocumentConsulentPages {

    private final DocumentRequests documents;

    private final ReadabilityCheck readability;

    DocumentConsulentPages(DocumentRequests documents, ReadabilityCheck readability) {
        this.readability = readability;
        this.documents = documents;
    }

    @Get
    HttpResponse<?> show(@PathVariable long id, @PathVariable String request, @QueryValue @Nullable String terug,
                         @QueryValue @Nullable String opgeslagen, Authentication authentication) {
        Map<String, Object> model = model(CurrentUser.require(authentication), id, request, terug, Map.of(), Map.of());
        model.put("saved", "ja".equals(opgeslagen));
        return HttpResponse.ok(new ModelAndView<>("documents/consulent-request", model));
    }

    /** More time: a later last day and an optional reason; with mistakes the page comes back with what was typed. */
    @Post(value = "/meer-tijd", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> extend(@PathVariable long id, @PathVariable String request, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        String reason = form.getOrDefault(DocumentStepForm.EXTEND_REASON, "").strip();
        if (!reason.isEmpty() && !ReadabilityCheck.seen(form)) {
            return checkFirst(consulent, id, request, form, documents.extend(consulent, id, request, form, true), "meer-tijd", reason);
        }
        return after(consulent, id, request, form, documents.extend(consulent, id, request, form, false));
    }

    /** Not good enough: what is wrong and a new last day; the request is open again. */
    @Post(value = "/opnieuw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> again(@PathVariable long id, @PathVariable String request, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        Integer filesSeen = form.getOrDefault("bestanden", "").matches("[0-9]{1,3}") ? Integer.valueOf(form.get("bestanden")) : null;
        if (!ReadabilityCheck.seen(form)) {
            return checkFirst(consulent, id, request, form, documents.askAgain(consulent, id, request, form, filesSeen, true), "opnieuw",
                    form.get(DocumentStepForm.AGAIN_TEXT));
        }
        return after(consulent, id, request, form, documents.askAgain(consulent, id, request, form, filesSeen, false));
    }

    private HttpResponse<?> after(CurrentUser consulent, long id, String request, Map<String, String> form, DocumentRequests.StepResult result) {
        String back = back(form.get("terug"));
        if (result.ok()) {
            return HttpResponse.seeOther(URI.create("/consulent/burgers/" + id + "/documentverzoeken/" + request + "?opgeslagen=ja"
                    + (back == null ? "" : "&terug=" + back) + "#stappen-titel"));
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("documents/consulent-request",
                model(consulent, id, request, back, result.errors(), form)));
    }

    /** A text for the citizen is checked for readability first (ADR 0031): the page comes back with the check, the text kept. */
    private HttpResponse<?> checkFirst(CurrentUser consulent, long id, String request, Map<String, String> form,
                                      DocumentRequests.StepResult result, String which, String text) {
        if (!result.ok()) {
            return after(consulent, id, request, form, result);
        }
        Map<String, Object> model = model(consulent, id, request, form.get("terug"), Map.of(), form);
        model.put("readability", readability.check(text));
        model.put("readabilityFor", which);
        return HttpResponse.ok(new ModelAndView<>("documents/consulent-request", model));
    }

    private Map<String, Object> model(CurrentUser consulent, long id, String request, String terug, Map<String, Text> errors,
                                      Map<String, String> typed) {
        DocumentRequests.ConsulentView view = documents.forConsulent(consulent, id, request);
        Map<String, String> values = new HashMap<>();
        values.put(DocumentStepForm.EXTEND_DATE, view.earliestExtension().toString());
        values.put(DocumentStepForm.AGAIN_DATE, view.againDefault().toString());
        values.putAll(typed);
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        String thread = documents.threadOf(view.citizen().id(), request);
        if (thread != null) {
            model.put("thread", thread);
        }
        model.put("errors", errors);
        model.put("typed", values);
        model.put("back", back(terug));
        model.put("maxText", DocumentStepForm.MAX_TEXT);
        return model;
    }

    /** Back to an application's page (only to an application's own address); null: the citizen's file. */
    private static String back(String terug) {
        return terug != null && terug.matches("/consulent/aanvragen/[0-9a-f-]{36}") ? terug : null;
    }
}

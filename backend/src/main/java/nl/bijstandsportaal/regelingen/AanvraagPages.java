package nl.bijstandsportaal.regelingen;

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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;
import nl.bijstandsportaal.platform.web.NotFoundException;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A citizen applies for a regeling: one question per screen, each saved at once (Post/Redirect/Get), a check of the
 * answers with a change link per answer, sending, and the application followed to its decision.
 */
@Controller("/aanvragen")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class AanvraagPages {

    private final AanvraagService aanvragen;

    AanvraagPages(AanvraagService aanvragen) {
        this.aanvragen = aanvragen;
    }

    @Get
    HttpResponse<?> list(Authentication authentication) {
        return HttpResponse.ok(new ModelAndView<>("aanvragen/list", Map.of("aanvragen", aanvragen.mine(CurrentUser.require(authentication)))));
    }

    @Post(value = "/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(@Body Map<String, Object> body, Authentication authentication) {
        Regeling regeling = Regeling.bySlug(FormBody.strings(body).getOrDefault("regeling", "")).orElseThrow(NotFoundException::new);
        String id = aanvragen.start(CurrentUser.require(authentication), regeling);
        return HttpResponse.seeOther(URI.create("/aanvragen/" + id));
    }

    @Get("/{id}")
    HttpResponse<?> page(@PathVariable String id, @QueryValue @Nullable String bezwaar, Authentication authentication) {
        AanvraagService.Aanvraag a = aanvragen.view(CurrentUser.require(authentication), id);
        if (a.screen() == null && !a.concept()) {
            return HttpResponse.ok(status(a, Map.of(), Map.of(), bezwaar != null));
        }
        return render(a);
    }

    /** A bezwaar against the decision: it reaches the consulent; the form comes back with its messages if incomplete. */
    @Post(value = "/{id}/bezwaar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> object(@PathVariable String id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser citizen = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        Map<String, Text> errors = aanvragen.object(citizen, id, form);
        if (errors.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/aanvragen/" + id + "?bezwaar=verstuurd#bezwaar-titel"));
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(status(aanvragen.view(citizen, id), form, errors, false));
    }

    /** The formal decision letter, to read, print or save. */
    @Get("/{id}/brief")
    HttpResponse<?> letter(@PathVariable String id, Authentication authentication) {
        return HttpResponse.ok(new ModelAndView<>("aanvragen/letter", Map.of("a", aanvragen.letter(CurrentUser.require(authentication), id))));
    }

    @Get("/{id}/wijzig/{scherm}")
    HttpResponse<?> change(@PathVariable String id, @PathVariable String scherm, Authentication authentication) {
        return render(aanvragen.change(CurrentUser.require(authentication), id, scherm));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answer(@PathVariable String id, @Body Map<String, Object> body, Authentication authentication) {
        Map<String, String> form = FormBody.strings(body);
        AanvraagService.Aanvraag a = aanvragen.answer(CurrentUser.require(authentication), id, form.getOrDefault("scherm", ""), form,
                "terug".equals(form.get("actie")));
        if (!a.errors().isEmpty() || "terug".equals(form.get("actie"))) {
            return render(a);
        }
        return HttpResponse.seeOther(URI.create("/aanvragen/" + id));
    }

    @Post(value = "/{id}/versturen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> send(@PathVariable String id, Authentication authentication) {
        aanvragen.send(CurrentUser.require(authentication), id);
        return HttpResponse.seeOther(URI.create("/aanvragen/" + id));
    }

    private static HttpResponse<?> render(AanvraagService.Aanvraag a) {
        if (a.screen() != null) {
            HttpStatus status = a.errors().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
            return HttpResponse.status(status).body(new ModelAndView<>("aanvragen/screen", Map.of("a", a)));
        }
        if (a.concept()) {
            return HttpResponse.ok(new ModelAndView<>("aanvragen/check", Map.of("a", a)));
        }
        return HttpResponse.ok(status(a, Map.of(), Map.of(), false));
    }

    /** The status page of a sent application, with the bezwaar form as typed. */
    private static ModelAndView<Map<String, Object>> status(AanvraagService.Aanvraag a, Map<String, String> typed,
                                                            Map<String, Text> errors, boolean bezwaarSent) {
        Map<String, Object> model = new HashMap<>(Map.of("a", a, "typed", typed, "errors", errors,
                "maxObjection", AanvraagService.MAX_OBJECTION, "maxNote", AanvraagService.MAX_NOTE));
        if (bezwaarSent) {
            model.put("bezwaarSent", true);
        }
        return new ModelAndView<>("aanvragen/status", model);
    }
}

package nl.bijstandsportaal.regelingen;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The consulent's side of applications (minimal; the workspace issue builds the full inbox): the list and a decision. */
@Controller("/consulent/aanvragen")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CONSULENT)
class ConsulentAanvraagPages {

    private final AanvraagService aanvragen;

    ConsulentAanvraagPages(AanvraagService aanvragen) {
        this.aanvragen = aanvragen;
    }

    @Get
    HttpResponse<?> list(Authentication authentication) {
        return HttpResponse.ok(new ModelAndView<>("consulent/aanvragen", Map.of("items", aanvragen.workList(CurrentUser.require(authentication)))));
    }

    @Get("/{id}")
    HttpResponse<?> one(@PathVariable String id, Authentication authentication) {
        return HttpResponse.ok(new ModelAndView<>("consulent/aanvraag", model(aanvragen.forConsulent(CurrentUser.require(authentication), id),
                Map.of(), Map.of())));
    }

    @Post(value = "/{id}/besluit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(@PathVariable String id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        Map<String, Text> errors = aanvragen.decide(consulent, id,
                new AanvraagService.Decision(form.get("besluit"), form.get("bedrag"), form.get("reden")));
        if (errors.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/consulent/aanvragen/" + id));
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("consulent/aanvraag",
                model(aanvragen.forConsulent(consulent, id), form, errors)));
    }

    private static Map<String, Object> model(AanvraagService.Aanvraag a, Map<String, String> typed, Map<String, Text> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("a", a);
        model.put("typed", typed);
        model.put("errors", errors);
        return model;
    }
}

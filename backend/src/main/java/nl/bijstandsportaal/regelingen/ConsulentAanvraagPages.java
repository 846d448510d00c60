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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import nl.bijstandsportaal.platform.readability.ReadabilityCheck;
import nl.bijstandsportaal.documents.DocumentRequests;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The consulent's side of applications (minimal; the workspace issue builds the full inbox): the list with the days
 * left, one application with its proof, asking for more (hersteltermijn), verdaging, the decision (with four eyes above
 * the municipality's amount) and the letter. Every form comes back with its messages and what was typed.
 */
@Controller("/consulent/aanvragen")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CONSULENT)
class ConsulentAanvraagPages {

    /** The period the "how long applying takes" figures cover. */
    static final int SPEED_DAYS = 90;

    private final AanvraagService aanvragen;
    private final DocumentRequests documents;
    private final ReadabilityCheck readability;

    ConsulentAanvraagPages(AanvraagService aanvragen, DocumentRequests documents, ReadabilityCheck readability) {
        this.aanvragen = aanvragen;
        this.documents = documents;
        this.readability = readability;
    }

    @Get
    HttpResponse<?> list(Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        return HttpResponse.ok(new ModelAndView<>("consulent/aanvragen", Map.of("items", aanvragen.workList(consulent),
                "speed", aanvragen.speed(consulent, SPEED_DAYS), "speedDays", SPEED_DAYS)));
    }

    @Get("/{id}")
    HttpResponse<?> one(@PathVariable String id, @QueryValue @Nullable String opgeslagen, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        AanvraagService.Aanvraag a = aanvragen.forConsulent(consulent, id);
        // The request to complete starts with the municipality's usual term for documents.
        Map<String, Object> model = model(a, a.open() ? Map.of("uiterlijk", documents.defaults(consulent, a.burgerId()).deadline().toString())
                : Map.of(), Map.of());
        if (opgeslagen != null && SAVED.contains(opgeslagen)) {
            model.put("saved", opgeslagen);
        }
        return HttpResponse.ok(new ModelAndView<>("consulent/aanvraag", model));
    }

    private static final java.util.Set<String> SAVED = java.util.Set.of("besluit", "voorstel", "akkoord", "nietakkoord", "herstel", "verdaging", "document", "nieuwebestanden");

    @Post(value = "/{id}/besluit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(@PathVariable String id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        var decision = new AanvraagService.Decision(form.get("besluit"), form.get("bedrag"), form.get("betaaldatum"), form.get("reden"));
        if (!ReadabilityCheck.seen(form)) {
            return readabilityFirst(consulent, id, form, aanvragen.checkDecision(consulent, id, decision), "besluit", form.get("reden"));
        }
        AanvraagService.DecisionResult result = aanvragen.decide(consulent, id, decision);
        return after(consulent, id, form, result.errors(),
                result.decided() == AanvraagService.Decided.PROPOSED ? "voorstel#besluit-titel" : "besluit#besluit-titel");
    }

    @Post(value = "/{id}/akkoord", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> review(@PathVariable String id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        Map<String, Text> errors = aanvragen.review(consulent, id, form.get("keuze"), form.get("notitie"));
        return after(consulent, id, form, errors, ("akkoord".equals(form.get("keuze")) ? "akkoord" : "nietakkoord") + "#besluit-titel");
    }

    @Post(value = "/{id}/herstel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> askMore(@PathVariable String id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        if (!ReadabilityCheck.seen(form)) {
            return readabilityFirst(consulent, id, form, aanvragen.checkAskMore(consulent, id, form), "herstel",
                    form.getOrDefault("wat", "") + "\n\n" + form.getOrDefault("waarom", ""));
        }
        return after(consulent, id, form, aanvragen.askMore(consulent, id, form), "herstel#herstel-titel");
    }

    @Post(value = "/{id}/verdaging", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> adjourn(@PathVariable String id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        if (!ReadabilityCheck.seen(form)) {
            return readabilityFirst(consulent, id, form, aanvragen.checkAdjournment(consulent, id, form), "verdaging", form.get("waaromLater"));
        }
        return after(consulent, id, form, aanvragen.adjourn(consulent, id, form), "verdaging#termijn-titel");
    }

    /** The decision letter as the citizen got it. */
    @Get("/{id}/brief")
    HttpResponse<?> letter(@PathVariable String id, Authentication authentication) {
        return HttpResponse.ok(new ModelAndView<>("aanvragen/letter", Map.of("a", aanvragen.letter(CurrentUser.require(authentication), id))));
    }

    private HttpResponse<?> after(CurrentUser consulent, String id, Map<String, String> typed, Map<String, Text> errors, String saved) {
        if (errors.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/consulent/aanvragen/" + id + "?opgeslagen=" + saved));
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("consulent/aanvraag",
                model(aanvragen.forConsulent(consulent, id), typed, errors)));
    }

    /**
     * What goes to the citizen is never sent on the first press: with no errors the page comes back with the readability
     * of the text under the form it was typed in ({@code which}), the text kept, to check again or send as it is.
     */
    private HttpResponse<?> readabilityFirst(CurrentUser consulent, String id, Map<String, String> typed, Map<String, Text> errors,
                                            String which, String text) {
        if (!errors.isEmpty()) {
            return after(consulent, id, typed, errors, null);
        }
        Map<String, Object> model = model(aanvragen.forConsulent(consulent, id), typed, errors);
        model.put("readability", readability.check(text));
        model.put("readabilityFor", which);
        return HttpResponse.ok(new ModelAndView<>("consulent/aanvraag", model));
    }

    private Map<String, Object> model(AanvraagService.Aanvraag a, Map<String, String> typed, Map<String, Text> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("a", a);
        model.put("typed", typed);
        model.put("errors", errors);
        model.put("maxReason", AanvraagService.MAX_REASON);
        model.put("maxNote", AanvraagService.MAX_NOTE);
        return model;
    }
}

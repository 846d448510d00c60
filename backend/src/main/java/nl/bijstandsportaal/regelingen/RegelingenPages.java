package nl.bijstandsportaal.regelingen;

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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Minimaregelingen on the web: the catalogue and each regeling, open to everyone (a visitor picks a municipality, a
 * citizen sees their own); the check "Waar heb ik recht op?" one question per screen; a citizen's own outcomes.
 * The check's answers travel in hidden fields of POST forms, never in the address.
 */
@Controller("/regelingen")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class RegelingenPages {

    /** Hidden fields with an answer given earlier are named {@code antwoord.<question id>}. */
    static final String CARRIED = "antwoord.";

    private final RegelingenService regelingen;

    RegelingenPages(RegelingenService regelingen) {
        this.regelingen = regelingen;
    }

    /** The page models. {@code gemeenten}: for a visitor's choice (empty for a citizen). */
    public record CataloguePage(RegelingenService.Catalogue catalogue, Map<String, String> gemeenten, boolean citizen,
                                boolean answered) {
    }

    public record DetailPage(CatalogueFacts.Facts facts, String gemeente, String gemeenteNaam, boolean citizen) {
    }

    @Get
    HttpResponse<?> catalogue(HttpRequest<?> request, @QueryValue @Nullable String gemeente) {
        Optional<CurrentUser> citizen = citizen(request);
        String code = citizen.map(regelingen::gemeenteOf).orElse(gemeente);
        Map<String, String> gemeenten = citizen.isPresent() ? Map.of() : regelingen.gemeenten();
        RegelingenService.Catalogue catalogue = regelingen.catalogue(code).orElse(null);
        if (catalogue == null && gemeente != null && !gemeente.isBlank()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("regelingen/catalogue",
                    Map.of("page", new CataloguePage(null, gemeenten, false, false), "unknownGemeente", true)));
        }
        boolean answered = citizen.map(regelingen::answered).orElse(false);
        return HttpResponse.ok(new ModelAndView<>("regelingen/catalogue",
                Map.of("page", new CataloguePage(catalogue, gemeenten, citizen.isPresent(), answered), "unknownGemeente", false)));
    }

    @Get("/check")
    HttpResponse<?> start(HttpRequest<?> request, @QueryValue @Nullable String gemeente) {
        Optional<CurrentUser> user = CurrentUser.of(request);
        if (citizen(request).isEmpty() && (gemeente == null || !regelingen.gemeenten().containsKey(gemeente))) {
            return HttpResponse.seeOther(URI.create("/regelingen#gemeente"));
        }
        return check(regelingen.step(user, gemeente, Map.of(), null, Map.of(), false));
    }

    @Post(value = "/check", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> step(HttpRequest<?> request, @Body Map<String, Object> body) {
        Map<String, String> form = FormBody.strings(body);
        Map<String, String> carried = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(CARRIED)) {
                carried.put(name.substring(CARRIED.length()), value);
            } else {
                typed.put(name, value);
            }
        });
        String screen = form.get("scherm");
        boolean back = "terug".equals(form.get("actie"));
        return check(regelingen.step(CurrentUser.of(request), form.get("gemeente"), carried, screen, typed, back));
    }

    /** A citizen's own outcomes, from what the portal knows and their last answers. */
    @Get("/mijn")
    @Secured(Roles.CITIZEN)
    HttpResponse<?> mine(HttpRequest<?> request) {
        CurrentUser citizen = citizen(request).orElseThrow();
        String code = regelingen.gemeenteOf(citizen);
        RegelingenService.CheckState state = new RegelingenService.CheckState(code,
                regelingen.gemeenten().get(code), null, false, Map.of(), Map.of(), regelingen.forCitizen(citizen), true);
        return HttpResponse.ok(new ModelAndView<>("regelingen/results", Map.of("state", state, "answered", regelingen.answered(citizen))));
    }

    @Get("/{slug}")
    HttpResponse<?> regeling(HttpRequest<?> request, @PathVariable String slug, @QueryValue @Nullable String gemeente) {
        Regeling regeling = Regeling.bySlug(slug).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such regeling"));
        Optional<CurrentUser> citizen = citizen(request);
        String code = citizen.map(regelingen::gemeenteOf).orElse(gemeente);
        if (code == null || code.isBlank()) {
            return HttpResponse.seeOther(URI.create("/regelingen#gemeente"));
        }
        CatalogueFacts.Facts facts = regelingen.regeling(regeling, code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "not offered here"));
        return HttpResponse.ok(new ModelAndView<>("regelingen/detail",
                Map.of("page", new DetailPage(facts, code, regelingen.gemeenten().get(code), citizen.isPresent()))));
    }

    private static HttpResponse<?> check(RegelingenService.CheckState state) {
        if (state.done()) {
            return HttpResponse.ok(new ModelAndView<>("regelingen/results", Map.of("state", state, "answered", true)));
        }
        HttpStatus status = state.errors().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
        return HttpResponse.status(status).body(new ModelAndView<>("regelingen/check", Map.of("state", state)));
    }

    private static Optional<CurrentUser> citizen(HttpRequest<?> request) {
        return CurrentUser.of(request).filter(CurrentUser::isCitizen);
    }
}

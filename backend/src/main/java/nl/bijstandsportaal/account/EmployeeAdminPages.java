package nl.bijstandsportaal.account;

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
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The beheerder's "Medewerkers en teams": the employees of their municipality, each with a form for team and roles. */
@Controller("/beheer/medewerkers")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.BEHEERDER)
class EmployeeAdminPages {

    private static final String VIEW = "beheer/employees";

    private final TeamsAndRoles teamsAndRoles;

    EmployeeAdminPages(TeamsAndRoles teamsAndRoles) {
        this.teamsAndRoles = teamsAndRoles;
    }

    /** {@code opgeslagen}: the id of the employee just changed (shows a confirmation). */
    @Get
    HttpResponse<?> page(@QueryValue @Nullable String opgeslagen, Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        TeamsAndRoles.Overview overview = teamsAndRoles.overview(user);
        Map<String, Object> model = model(overview, null, Map.of(), List.of(), Map.of());
        overview.employees().stream().filter(e -> String.valueOf(e.id()).equals(opgeslagen)).findFirst()
                .ifPresent(e -> model.put("saved", Text.of("beheer.employees.saved", e.naam())));
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(@PathVariable long id, @Body Map<String, Object> body, Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        Map<String, String> fields = FormBody.strings(body);
        Object sent = body == null ? null : body.get("rol");
        List<String> roles = sent == null ? List.of()
                : sent instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(sent.toString());
        EmployeeChangeForm form = new EmployeeChangeForm(fields.get("team"), fields.get("nieuwTeam"), roles);
        TeamsAndRoles.Result result = teamsAndRoles.change(user, id, form);
        if (result.ok()) {
            return HttpResponse.seeOther(URI.create("/beheer/medewerkers?opgeslagen=" + id));
        }
        Map<String, String> typed = Map.of("team", form.team(), "nieuwTeam", form.nieuwTeam());
        Map<String, Object> model = model(teamsAndRoles.overview(user), id, typed, form.rollen(), result.errors());
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>(VIEW, model));
    }

    /** {@code editing}: the employee whose form came back with {@code errors}, filled with what was sent. */
    private static Map<String, Object> model(TeamsAndRoles.Overview overview, Long editing, Map<String, String> typed,
                                             List<String> typedRoles, Map<String, Text> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("overview", overview);
        model.put("roles", Roles.EMPLOYEE);
        model.put("maxTeam", EmployeeChangeForm.MAX_TEAM);
        model.put("editing", editing == null ? -1L : editing);
        model.put("typed", typed);
        model.put("typedRoles", typedRoles);
        model.put("errors", errors);
        return model;
    }
}

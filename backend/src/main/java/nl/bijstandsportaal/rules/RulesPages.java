package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.web.FormBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The beheerder's "Regels en bedragen": the rules of their municipality with their history, and adding a period. */
@Controller("/beheer/regels")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.BEHEERDER)
class RulesPages {

    private static final String VIEW = "beheer/rules";

    private final RuleChangeService changes;

    RulesPages(RuleChangeService changes) {
        this.changes = changes;
    }

    /** {@code toegevoegd}: the id of the period just added (shows a confirmation); {@code regel}: the rule to preselect. */
    @Get
    HttpResponse<?> page(@QueryValue @Nullable String toegevoegd, @QueryValue @Nullable String regel, Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        Map<String, String> typed = new HashMap<>();
        if (regel != null && RuleKey.byCode(regel).isPresent()) {
            typed.put("regel", regel);
        }
        Map<String, Object> model = model(user, typed, Map.of());
        Long id = id(toegevoegd);
        if (id != null) {
            changes.added(user, id).ifPresent(notice -> {
                model.put("added", notice.message());
                model.put("openRule", notice.regel());
            });
        }
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(@Body Map<String, Object> body, Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        RuleChangeForm form = RuleChangeForm.fromBody(FormBody.strings(body));
        RuleChangeService.Result result = changes.submit(user, form);
        if (result.ok()) {
            return HttpResponse.seeOther(URI.create("/beheer/regels?toegevoegd=" + result.id()));
        }
        Map<String, Object> model = model(user, form.typed(), result.errors());
        model.put("openRule", form.regel());
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>(VIEW, model));
    }

    private Map<String, Object> model(CurrentUser user, Map<String, String> typed, Map<String, Text> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("overview", changes.overview(user));
        model.put("typed", typed);
        model.put("errors", errors);
        model.put("openRule", "");
        return model;
    }

    private static Long id(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

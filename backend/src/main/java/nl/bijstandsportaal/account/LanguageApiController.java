package nl.bijstandsportaal.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import nl.bijstandsportaal.api.v1.TaalApi;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.Problems;

import java.util.Map;

/** The app tells which language the citizen chose (ADR 0038). */
@Controller
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class LanguageApiController implements TaalApi {

    private final SecurityService security;
    private final LanguageChoice languages;
    private final Problems problems;

    LanguageApiController(SecurityService security, LanguageChoice languages, Problems problems) {
        this.security = security;
        this.languages = languages;
        this.problems = problems;
    }

    @Override
    public HttpResponse<Void> choose(Taal taal) {
        CurrentUser citizen = CurrentUser.requireCitizen(security.getAuthentication());
        var language = LanguageChoice.parse(taal == null ? null : taal.taal())
                .orElseThrow(() -> problems.invalid(Map.of("taal", Text.of("language.error.unknown"))));
        languages.remember(citizen.id(), language);
        return HttpResponse.noContent();
    }
}

package nl.bijstandsportaal.casework;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.income.IncomeCasework;
import nl.bijstandsportaal.rights.RightsService;
import nl.bijstandsportaal.platform.security.Roles;

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

    ConsulentPages(CaseloadService caseload, RightsService rights, IncomeCasework income) {
        this.caseload = caseload;
        this.rights = rights;
        this.income = income;
    }

    @Get("/consulent")
    @Secured({Roles.CONSULENT, Roles.BEHEERDER})
    @View("consulent/home")
    Map<String, Object> home(Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        return Map.of("caseload", user.hasRole(Roles.CONSULENT) ? caseload.caseload(user) : java.util.List.of(),
                "gemeenteNaam", caseload.gemeenteNaam(user));
    }

    @Get("/consulent/burgers/{id}")
    @Secured(Roles.CONSULENT)
    @View("consulent/citizen")
    Map<String, Object> citizen(@PathVariable long id, @QueryValue @Nullable String opgeslagen, Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        CurrentUser consulent = CurrentUser.require(authentication);
        model.put("profile", caseload.openFile(consulent, id));
        RightsService.Page rightsPage = rights.overviewForConsulent(consulent, id);
        model.put("overview", rightsPage.overview());
        model.put("acknowledged", rightsPage.acknowledged());
        model.put("changes", rights.changesForConsulent(consulent, id));
        model.put("proof", rights.proofIds(consulent, id));
        model.put("incomeReports", income.reports(consulent, id));
        if ("situatie".equals(opgeslagen)) {
            model.put("saved", true);
        }
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

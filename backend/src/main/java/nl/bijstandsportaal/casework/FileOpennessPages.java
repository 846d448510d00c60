package nl.bijstandsportaal.casework;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;

import java.util.Map;

/** "Wie keek in je dossier": the citizen sees which employee looked at their file, when, and why. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class FileOpennessPages {

    private final CaseloadService caseload;

    FileOpennessPages(CaseloadService caseload) {
        this.caseload = caseload;
    }

    @Get("/wie-keek")
    @View("citizen/looked")
    Map<String, Object> looked(Authentication authentication) {
        return Map.of("looks", caseload.looksAt(CurrentUser.require(authentication).id()), "days", CaseloadService.LOOK_DAYS);
    }
}

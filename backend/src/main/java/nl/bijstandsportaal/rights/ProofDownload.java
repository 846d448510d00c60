package nl.bijstandsportaal.rights;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;

/** A consulent opens the proof a citizen sent with a change: always as a download, never shown inline. Audited. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CONSULENT)
class ProofDownload {

    private final RightsService rights;

    ProofDownload(RightsService rights) {
        this.rights = rights;
    }

    @Get(value = "/consulent/burgers/{id}/bewijs/{bijlage}", produces = MediaType.ALL)
    HttpResponse<byte[]> download(@PathVariable long id, @PathVariable long bijlage, Authentication authentication) {
        return rights.proofForConsulent(CurrentUser.require(authentication), id, bijlage).response();
    }
}

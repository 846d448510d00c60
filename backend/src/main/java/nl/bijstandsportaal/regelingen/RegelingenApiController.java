package nl.bijstandsportaal.regelingen;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import nl.bijstandsportaal.api.v1.Money;
import nl.bijstandsportaal.api.v1.Regelingen;
import nl.bijstandsportaal.api.v1.RegelingenApi;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.Problems;

import java.util.Locale;

/** "Waar heb ik recht op?" for the app: the same outcomes as the web page /regelingen/mijn. */
@Controller
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class RegelingenApiController implements RegelingenApi {

    private final SecurityService security;
    private final RegelingenService regelingen;
    private final Messages messages;
    private final Problems problems;

    RegelingenApiController(SecurityService security, RegelingenService regelingen, Messages messages, Problems problems) {
        this.security = security;
        this.regelingen = regelingen;
        this.messages = messages;
        this.problems = problems;
    }

    @Override
    public Regelingen regelingen() {
        CurrentUser citizen = CurrentUser.requireCitizen(security.getAuthentication());
        Locale locale = problems.locale();
        return new Regelingen(regelingen.forCitizen(citizen).stream().map(r -> new Regelingen.Regeling(
                r.regeling().slug(),
                messages.render(locale, r.text("naam")),
                r.uitkomst().apiValue(),
                messages.render(locale, r.mainReason()),
                r.reasons().stream().map(reason -> messages.render(locale, reason.text())).toList(),
                r.amount() == null ? null : messages.render(locale, r.amount()),
                r.draagkracht() == null ? null : Money.euro(r.draagkracht().total()),
                r.tip() == null ? null : messages.render(locale, r.tip()),
                r.decisionWeeks(),
                r.provisional(),
                "/regelingen/" + r.regeling().slug())).toList());
    }
}

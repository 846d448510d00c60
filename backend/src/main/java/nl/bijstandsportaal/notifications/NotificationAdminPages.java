package nl.bijstandsportaal.notifications;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.demo.DemoMode;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.NotFoundException;

import java.util.Map;

/**
 * For the people who run the portal: the beheerder's view of the outbox (what waits, what was given up and why), and
 * in a demo the developer page with what the recording senders "sent" instead of Firebase and SMTP.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationAdminPages {

    private final OutboxOverview overview;
    private final RecordingSenders recorded;
    private final DemoMode demoMode;

    NotificationAdminPages(OutboxOverview overview, RecordingSenders recorded, DemoMode demoMode) {
        this.overview = overview;
        this.recorded = recorded;
        this.demoMode = demoMode;
    }

    @Get("/beheer/meldingen")
    @Secured(Roles.BEHEERDER)
    @View("beheer/notifications")
    Map<String, Object> outbox(Authentication authentication) {
        CurrentUser beheerder = CurrentUser.require(authentication);
        return Map.of("counts", overview.counts(beheerder), "problems", overview.problems(beheerder), "inbox", overview.inbox(beheerder));
    }

    /** Demo runs only: what went to the recording senders (generic texts, demo addresses and tokens). */
    @Get("/demo/verzonden")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @View("demo/sent")
    Map<String, Object> sent() {
        if (!demoMode.isActive()) {
            throw new NotFoundException();
        }
        return Map.of("sent", recorded.recent());
    }
}

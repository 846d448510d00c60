package nl.bijstandsportaal.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.time.LocalDate;
import java.util.Map;

/**
 * The toegankelijkheidsverklaring (accessibility statement), open to everyone and linked from every page's footer.
 * What it says about testing follows what the browser tests and the readability gate check (ADR 0040); its date and
 * the promised answer time are settings (portal.accessibility), not today's date.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class AccessibilityStatementPage {

    private final LocalDate date;
    private final int answerWorkingDays;

    AccessibilityStatementPage(@Value("${portal.accessibility.statement-date:2026-12-03}") LocalDate date,
                               @Value("${portal.accessibility.answer-working-days:5}") int answerWorkingDays) {
        this.date = date;
        this.answerWorkingDays = answerWorkingDays;
    }

    @Get("/toegankelijkheid")
    @View("accessibility")
    Map<String, Object> statement() {
        return Map.of("date", date, "answerDays", answerWorkingDays);
    }
}

package nl.bijstandsportaal.income;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.HashMap;
import java.util.Map;

/**
 * "Wat als ik ga werken?", open to everyone: a GET form, so the answer can be bookmarked and works without
 * JavaScript; a signed-in citizen gets their own situation.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class WhatIfPage {

    private final WhatIfService whatIf;

    WhatIfPage(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    @Get("/wat-als-ik-ga-werken")
    HttpResponse<?> page(HttpRequest<?> request, @QueryValue @Nullable String gemeente, @QueryValue @Nullable String leefvorm,
                         @QueryValue @Nullable String leeftijd, @QueryValue @Nullable String kind12, @QueryValue @Nullable String uren, @QueryValue @Nullable String uurloon,
                         @QueryValue @Nullable String maandloon, @QueryValue @Nullable String start) {
        WhatIfService.Form form = new WhatIfService.Form(gemeente, leefvorm, leeftijd, kind12, uren, uurloon, maandloon, start);
        WhatIfService.Outcome outcome = whatIf.calculate(CurrentUser.of(request), form);
        Map<String, String> typed = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                typed.put(name, values.get(0));
            }
        });
        Map<String, Object> model = new HashMap<>();
        model.put("outcome", outcome);
        model.put("typed", typed);
        model.put("errors", outcome.errors());
        return HttpResponse.status(outcome.errors().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(new ModelAndView<>("income/whatif", model));
    }
}

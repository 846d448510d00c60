package nl.bijstandsportaal.income;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.utils.SecurityService;
import nl.bijstandsportaal.api.v1.Money;
import nl.bijstandsportaal.api.v1.WhatIf;
import nl.bijstandsportaal.api.v1.WhatIfApi;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.web.Problems;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** "Wat als ik ga werken?" for the app: the same service as the page, open without a token. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class WhatIfApiController implements WhatIfApi {

    private final SecurityService security;
    private final WhatIfService whatIf;
    private final Messages messages;
    private final Problems problems;

    WhatIfApiController(SecurityService security, WhatIfService whatIf, Messages messages, Problems problems) {
        this.security = security;
        this.whatIf = whatIf;
        this.messages = messages;
        this.problems = problems;
    }

    @Override
    public WhatIf calculate(@Nullable String gemeente, @Nullable String leefvorm, @Nullable String leeftijd, @Nullable String kind12,
                            @Nullable String uren, @Nullable String uurloon, @Nullable String maandloon, @Nullable String start) {
        WhatIfService.Form form = new WhatIfService.Form(gemeente, leefvorm, leeftijd, kind12, uren, uurloon, maandloon, start);
        WhatIfService.Outcome o = whatIf.calculate(security.getAuthentication().flatMap(CurrentUser::of), form);
        if (!o.errors().isEmpty()) {
            // The form names the month "start" (as the web page does); the API names it "vanaf".
            throw problems.invalid(o.errors(), field -> "start".equals(field) ? "vanaf" : field);
        }
        if (o.answer() == null) { // nothing asked: say which field to fill in
            throw problems.invalid(Map.of("maandloon", Text.of("whatif.error.required", Text.of("whatif.field.maandloon"))));
        }
        Locale locale = problems.locale();
        return new WhatIf(o.personal(), Money.euro(o.monthlyNet()),
                o.answer().months().stream().map(m -> new WhatIf.Month(m.month().toString(), Money.euro(m.norm()), Money.euro(m.work()),
                        Money.euro(m.kept()), Money.euro(m.paid()), Money.euro(m.total()), Money.euro(m.withoutWork()),
                        Money.euro(m.more()), m.assumed(), m.provisional())).toList(),
                texts(locale, o.answer().summary()), texts(locale, o.answer().leavesOut()));
    }

    private List<String> texts(Locale locale, List<Text> texts) {
        return texts.stream().map(t -> messages.render(locale, t)).toList();
    }
}

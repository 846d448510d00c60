package nl.bijstandsportaal.rights;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.i18n.LocaleResolver;
import nl.bijstandsportaal.platform.i18n.Messages;

import java.util.Map;

/** The glossary: every hard word the portal uses, explained in plain words. Open to everyone; pages link to #word. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class GlossaryPage {

    private final Messages messages;
    private final LocaleResolver locales;

    GlossaryPage(Messages messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Get("/woordenlijst")
    @View("glossary")
    Map<String, Object> glossary(HttpRequest<?> request) {
        return Map.of("words", messages.glossary(locales.resolve(request)));
    }
}

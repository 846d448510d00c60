package nl.bijstandsportaal.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.i18n.LocaleResolver;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** "Berichten": the citizen's inbox, one message, and "Meldingen instellen" (push and e-mail per topic, quiet hours). */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class InboxPages {

    private final InboxService inbox;
    private final LocaleResolver locales;

    InboxPages(InboxService inbox, LocaleResolver locales) {
        this.inbox = inbox;
        this.locales = locales;
    }

    @Get("/berichten")
    @View("inbox/list")
    Map<String, Object> list(HttpRequest<?> request, Authentication authentication) {
        return Map.of("messages", inbox.list(CurrentUser.require(authentication).id(), locales.resolve(request)));
    }

    @Get("/berichten/{id}")
    @View("inbox/message")
    Map<String, Object> message(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return Map.of("message", inbox.open(CurrentUser.require(authentication).id(), id, locales.resolve(request)));
    }

    @Get("/meldingen/instellingen")
    @View("inbox/settings")
    Map<String, Object> settings(Authentication authentication, @QueryValue @Nullable String opgeslagen) {
        NotificationPreferences preferences = inbox.preferences(CurrentUser.require(authentication).id());
        Map<String, Object> model = settingsModel(preferences.typed(), Map.of());
        model.put("saved", opgeslagen != null);
        return model;
    }

    /** On a mistake the form comes back (400) with everything as typed and the problem at its field. */
    @Post(value = "/meldingen/instellingen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveSettings(Authentication authentication, @Body Map<String, Object> body) {
        long burgerId = CurrentUser.require(authentication).id();
        Map<String, String> typed = FormBody.strings(body);
        NotificationPreferences.Checked checked = NotificationPreferences.fromPage(typed);
        if (!checked.ok()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("inbox/settings", settingsModel(typed, checked.errors())));
        }
        inbox.save(burgerId, checked.preferences().topics(), checked.preferences().quietHours());
        return HttpResponse.seeOther(URI.create("/meldingen/instellingen?opgeslagen=ja#opgeslagen"));
    }

    private static Map<String, Object> settingsModel(Map<String, String> typed, Map<String, Text> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("topics", List.of(Topic.values()));
        model.put("typed", typed);
        model.put("errors", errors);
        model.put("saved", false);
        return model;
    }
}

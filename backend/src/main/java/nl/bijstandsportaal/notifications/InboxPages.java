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
    private final EmailAddresses emails;
    private final WebPushSettings webPush;
    private final BrowserPush browsers;

    InboxPages(InboxService inbox, LocaleResolver locales, EmailAddresses emails, WebPushSettings webPush, BrowserPush browsers) {
        this.inbox = inbox;
        this.locales = locales;
        this.emails = emails;
        this.webPush = webPush;
        this.browsers = browsers;
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
    Map<String, Object> settings(Authentication authentication, @QueryValue @Nullable String opgeslagen,
                                 @QueryValue @Nullable String email, @QueryValue @Nullable String browser) {
        long burgerId = CurrentUser.require(authentication).id();
        NotificationPreferences preferences = inbox.preferences(burgerId);
        Map<String, Object> model = settingsModel(authentication, preferences.typed(), Map.of(), emails.state(burgerId));
        model.put("browserDone", "aan".equals(browser) || "uit".equals(browser) ? browser : "");
        model.put("saved", opgeslagen != null);
        model.put("emailDone", email == null ? "" : switch (email) {
            case "verstuurd", "bevestigd", "verwijderd" -> email;
            default -> "";
        });
        return model;
    }

    /** The citizen gives an e-mail address: a link to confirm it goes there; nothing else does until it is used. */
    @Post(value = "/meldingen/email", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> giveEmail(HttpRequest<?> request, Authentication authentication, @Body Map<String, Object> body) {
        long burgerId = CurrentUser.require(authentication).id();
        Map<String, String> typed = FormBody.strings(body);
        String address = typed.getOrDefault(EmailAddresses.FIELD, "");
        var mistake = EmailAddresses.check(address);
        if (mistake.isPresent()) {
            Map<String, String> shown = new HashMap<>(inbox.preferences(burgerId).typed());
            shown.put(EmailAddresses.FIELD, address);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("inbox/settings",
                    settingsModel(authentication, shown, Map.of(EmailAddresses.FIELD, mistake.get()), emails.state(burgerId))));
        }
        emails.request(burgerId, address, locales.resolve(request));
        return HttpResponse.seeOther(URI.create("/meldingen/instellingen?email=verstuurd#e-mail"));
    }

    /** The link from the e-mail: shows the address and a button; a link that is not this citizen's is not found. */
    @Get("/meldingen/email/bevestigen")
    HttpResponse<?> confirmPage(Authentication authentication, @QueryValue @Nullable String code) {
        long burgerId = CurrentUser.require(authentication).id();
        var waiting = emails.waiting(burgerId, code);
        if (waiting.isEmpty()) {
            return linkProblem(HttpStatus.NOT_FOUND, "unknown");
        }
        if (waiting.get().expired()) {
            return linkProblem(HttpStatus.GONE, "expired");
        }
        return HttpResponse.ok(new ModelAndView<>("inbox/email-confirm", Map.of("address", waiting.get().address(), "code", code)));
    }

    @Post(value = "/meldingen/email/bevestigen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(Authentication authentication, @Body Map<String, Object> body) {
        long burgerId = CurrentUser.require(authentication).id();
        return switch (emails.confirm(burgerId, FormBody.strings(body).get("code"))) {
            case CONFIRMED -> HttpResponse.seeOther(URI.create("/meldingen/instellingen?email=bevestigd#e-mail"));
            case EXPIRED -> linkProblem(HttpStatus.GONE, "expired");
            case UNKNOWN -> linkProblem(HttpStatus.NOT_FOUND, "unknown");
        };
    }

    @Post(value = "/meldingen/email/verwijderen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeEmail(Authentication authentication) {
        emails.remove(CurrentUser.require(authentication).id());
        return HttpResponse.seeOther(URI.create("/meldingen/instellingen?email=verwijderd#e-mail"));
    }

    private static HttpResponse<?> linkProblem(HttpStatus status, String problem) {
        return HttpResponse.status(status).body(new ModelAndView<>("inbox/email-confirm", Map.of("problem", problem)));
    }

    /** On a mistake the form comes back (400) with everything as typed and the problem at its field. */
    @Post(value = "/meldingen/instellingen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveSettings(Authentication authentication, @Body Map<String, Object> body) {
        long burgerId = CurrentUser.require(authentication).id();
        Map<String, String> typed = FormBody.strings(body);
        NotificationPreferences.Checked checked = NotificationPreferences.fromPage(typed);
        if (!checked.ok()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("inbox/settings", settingsModel(authentication, typed, checked.errors(), emails.state(burgerId))));
        }
        inbox.save(burgerId, checked.preferences().topics(), checked.preferences().quietHours());
        return HttpResponse.seeOther(URI.create("/meldingen/instellingen?opgeslagen=ja#opgeslagen"));
    }

    private Map<String, Object> settingsModel(Authentication authentication, Map<String, String> typed, Map<String, Text> errors,
                                              EmailAddresses.State email) {
        Map<String, Object> model = new HashMap<>();
        // Reminders in this browser (ADR 0049): offered only when the Firebase web config is there and this is a web login.
        String webSession = CurrentUser.webSession(authentication).orElse(null);
        boolean offered = webPush.configured() && webSession != null;
        model.put("webPush", offered ? webPush : Map.of());
        model.put("webPushOffered", offered);
        model.put("browserOn", offered ? browsers.thisBrowser(CurrentUser.require(authentication).id(), webSession).orElse("") : "");
        model.put("browserDone", "");
        model.put("email", email);
        model.put("emailDone", "");
        model.put("topics", List.of(Topic.values()));
        model.put("typed", typed);
        model.put("errors", errors);
        model.put("saved", false);
        return model;
    }
}

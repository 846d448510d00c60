package nl.bijstandsportaal.notifications;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;
import nl.bijstandsportaal.platform.web.NotFoundException;

import java.net.URI;
import java.util.Map;

/**
 * "Meldingen in deze browser" on the settings page (ADR 0049). Turning on is done by the page's script (it needs the
 * browser's permission and an FCM token first): it posts the token here, with the page's CSRF token, as a form does.
 * Turning off is a plain form, so it also works when the script does not. Both are for a web login only: the
 * registration belongs to it (V29).
 */
@Controller("/meldingen/browser")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class BrowserPushPages {

    static final String TOKEN_FIELD = "token";

    private final BrowserPush browsers;
    private final WebPushSettings settings;

    BrowserPushPages(BrowserPush browsers, WebPushSettings settings) {
        this.browsers = browsers;
        this.settings = settings;
    }

    /** 204 when registered; 400 for something that is not a token; 404 when the portal does not offer it. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> turnOn(Authentication authentication, @Body Map<String, Object> body) {
        String webSession = webSession(authentication);
        String token = FormBody.strings(body).get(TOKEN_FIELD);
        if (!BrowserPush.validToken(token)) {
            return HttpResponse.badRequest();
        }
        browsers.register(CurrentUser.require(authentication).id(), webSession, token);
        return HttpResponse.noContent();
    }

    @Post(value = "/uit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> turnOff(Authentication authentication, @Body Map<String, Object> body) {
        String webSession = webSession(authentication);
        browsers.remove(CurrentUser.require(authentication).id(), webSession, FormBody.strings(body).get(TOKEN_FIELD));
        return HttpResponse.seeOther(URI.create("/meldingen/instellingen?browser=uit#browser"));
    }

    private String webSession(Authentication authentication) {
        if (!settings.configured()) {
            throw new NotFoundException();
        }
        return CurrentUser.webSession(authentication).orElseThrow(NotFoundException::new);
    }
}

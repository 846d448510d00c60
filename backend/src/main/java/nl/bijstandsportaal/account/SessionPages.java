package nl.bijstandsportaal.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.views.ModelAndView;
import nl.bijstandsportaal.platform.i18n.LocaleResolver;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.LoginMarkerCookie;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.platform.web.NotFoundException;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** "Waar ben je ingelogd?": the citizen's open sessions (this browser, other browsers, the app on phones); each can be ended. */
@Controller("/sessies")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class SessionPages {

    private final ServerSessions sessions;
    private final MobileSessionService appSessions;
    private final LocaleResolver locales;
    private final AccessTokenCookieConfiguration sessionCookie;

    SessionPages(ServerSessions sessions, MobileSessionService appSessions, LocaleResolver locales,
                 AccessTokenCookieConfiguration sessionCookie) {
        this.sessions = sessions;
        this.appSessions = appSessions;
        this.locales = locales;
        this.sessionCookie = sessionCookie;
    }

    /** One row of the page; {@code current}: this browser. */
    public record Row(String id, String kind, String device, String lastSeen, boolean current) {
    }

    @Get
    HttpResponse<?> page(Authentication authentication, HttpRequest<?> request, @QueryValue @Nullable String beeindigd) {
        CurrentUser user = CurrentUser.require(authentication);
        String current = CurrentUser.webSession(authentication).orElse("");
        Locale locale = locales.resolve(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale);
        List<Row> rows = sessions.openOf(user.id()).stream()
                .map(s -> new Row(s.id(), s.kind(), s.device(),
                        s.lastSeen().atOffset(ZoneOffset.UTC).atZoneSameInstant(Today.DUTCH_TIME).format(format), s.id().equals(current)))
                .toList();
        Row here = rows.stream().filter(Row::current).findFirst().orElse(null);
        return HttpResponse.ok(new ModelAndView<>("citizen/sessions", Map.of(
                "here", here == null ? Map.of() : here, "hasHere", here != null,
                "browsers", rows.stream().filter(r -> r.kind().equals(ServerSessions.WEB) && !r.current()).toList(),
                "phones", rows.stream().filter(r -> r.kind().equals(ServerSessions.APP)).toList(),
                "ended", beeindigd != null)));
    }

    /** Ends one of the citizen's sessions; ending this browser's logs out. Someone else's session does not exist here. */
    @Post(value = "/{soort}/{id}/beeindigen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> end(@PathVariable String soort, @PathVariable String id, Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        boolean ended = switch (soort) {
            case "browser" -> sessions.endWebOf(user.id(), id, "ended_by_citizen");
            case "app" -> appSessions.end(id, user.id(), "ended_by_citizen");
            default -> false;
        };
        if (!ended) {
            throw new NotFoundException();
        }
        if (soort.equals("browser") && CurrentUser.webSession(authentication).filter(id::equals).isPresent()) {
            Cookie cleared = Cookie.of(sessionCookie.getCookieName(), "").path("/").maxAge(0)
                    .httpOnly(true).secure(true).sameSite(SameSite.Lax);
            return HttpResponse.seeOther(URI.create("/uitgelogd")).cookie(cleared).cookie(LoginMarkerCookie.cleared());
        }
        return HttpResponse.seeOther(URI.create("/sessies?beeindigd=ja#beeindigd"));
    }
}

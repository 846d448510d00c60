package nl.bijstandsportaal.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import io.micronaut.security.authentication.Authentication;
import nl.bijstandsportaal.platform.demo.DemoMode;
import nl.bijstandsportaal.platform.i18n.LocaleResolver;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.LoginMarkerCookie;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.LocalPath;
import nl.bijstandsportaal.platform.web.NotFoundException;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Start, login, logout, session and language pages, and the citizen's "Mijn overzicht". */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountPages {

    private final List<HomeTips> homeTips;
    private final TodoList todos;
    private final LanguageChoice languages;
    private final AccountRepository accounts;
    private final DemoMode demoMode;
    private final OidcClients oidcClients;
    private final AccessTokenCookieConfiguration sessionCookie;
    private final ServerSessions sessions;

    AccountPages(AccountRepository accounts, DemoMode demoMode, OidcClients oidcClients, AccessTokenCookieConfiguration sessionCookie,
                 List<HomeTips> homeTips, TodoList todos, LanguageChoice languages, ServerSessions sessions) {
        this.sessions = sessions;
        this.todos = todos;
        this.languages = languages;
        this.accounts = accounts;
        this.homeTips = homeTips;
        this.demoMode = demoMode;
        this.oidcClients = oidcClients;
        this.sessionCookie = sessionCookie;
    }

    @Get("/")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> start(HttpRequest<?> request) {
        var user = CurrentUser.of(request);
        if (user.isPresent()) {
            return HttpResponse.seeOther(URI.create(user.get().isCitizen() ? "/overzicht" : "/consulent"));
        }
        return HttpResponse.ok(new ModelAndView<>("start", loginModel()));
    }

    @Get("/inloggen")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @View("login")
    Map<String, Object> login(@QueryValue @Nullable String fout) {
        return withFailure(loginModel(), fout);
    }

    @Get("/medewerkers")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @View("login-employee")
    Map<String, Object> employeeLogin(@QueryValue @Nullable String fout) {
        return withFailure(loginModel(), fout);
    }

    /** Why the last login failed, as the page explains it: a known reason, or "login" for any other failure. */
    private static Map<String, Object> withFailure(Map<String, Object> model, String fout) {
        if (fout != null) {
            model.put("failed", true);
            model.put("failure", switch (fout) {
                case "digid-niveau", "tweede-factor" -> fout;
                default -> "login";
            });
        }
        return model;
    }

    private Map<String, Object> loginModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("demo", demoMode.isActive());
        model.put("digidUrl", oidcClients.citizenLoginUrl().orElse(demoMode.isActive() ? "/demo/digid" : null));
        model.put("employeeUrl", oidcClients.employeeLoginUrl().orElse(demoMode.isActive() ? "/demo/medewerker" : null));
        return model;
    }

    @Get("/overzicht")
    @Secured(Roles.CITIZEN)
    @View("citizen/home")
    Map<String, Object> citizenHome(Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        // The home page is the busiest: profile and the menu's unread count in one round trip.
        AccountRepository.HomeData home = accounts.home(user.id(), user.gemeenteId()).orElseThrow(NotFoundException::new);
        List<HomeTips.Tip> tips = homeTips.stream().flatMap(source -> source.tipsFor(user, home.profile()).stream()).toList();
        return Map.of("profile", home.profile(), "unreadMessages", home.unreadMessages(), "tips", tips, "todos", todos.of(user));
    }

    @Get("/sessie-verlopen")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> sessionExpired() {
        return HttpResponse.ok(new ModelAndView<>("session-expired", Map.of())).cookie(LoginMarkerCookie.cleared());
    }

    @Get("/uitgelogd")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @View("logged-out")
    Map<String, Object> loggedOut() {
        return Map.of();
    }

    /** Ends the session: the cookie goes, and so does the "you were signed in" marker. */
    @Post(value = "/uitloggen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> logout(@Nullable Authentication authentication) {
        if (authentication != null) {
            CurrentUser.webSession(authentication).ifPresent(id -> sessions.endWeb(id, ServerSessions.LOGOUT));
        }
        Cookie session = Cookie.of(sessionCookie.getCookieName(), "").path("/").maxAge(0)
                .httpOnly(true).secure(true).sameSite(SameSite.Lax);
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create("/uitgelogd"));
        return response.cookie(session).cookie(LoginMarkerCookie.cleared());
    }

    /** The language switch: a link, remembered for a year. Only local paths are followed back. */
    @Get("/taal")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> language(@QueryValue String lang, @QueryValue @Nullable String terug, @Nullable Authentication authentication) {
        Locale locale = Messages.supported(Locale.forLanguageTag(lang));
        // A signed-in citizen's choice is remembered too: pushes and e-mails are written in it (ADR 0038).
        if (authentication != null) {
            CurrentUser.of(authentication).filter(CurrentUser::isCitizen).ifPresent(user -> languages.remember(user.id(), locale));
        }
        String back = LocalPath.orHome(terug);
        return HttpResponse.seeOther(URI.create(back)).cookie(Cookie.of(LocaleResolver.COOKIE, locale.getLanguage())
                .path("/").maxAge(Duration.ofDays(365)).httpOnly(true).secure(true).sameSite(SameSite.Lax));
    }

    /** Called by the idle warning's "stay signed in" button; the session filter renews the cookie. */
    @Get("/sessie/verlengen")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> keepAlive() {
        return HttpResponse.noContent();
    }
}

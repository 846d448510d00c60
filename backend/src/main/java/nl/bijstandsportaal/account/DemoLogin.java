package nl.bijstandsportaal.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.demo.DemoMode;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;

/**
 * The demo's stand-ins for DigiD and the municipality's login: choose a demo person. They exist only while
 * {@link DemoMode} is active (embedded database, never with DB_URL) and end in the same {@link LoginService}
 * and login handler as the real OpenID Connect logins.
 */
@Controller("/demo")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DemoLogin {

    private final DemoMode demoMode;
    private final DSLContext db;
    private final LoginService logins;
    private final RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler;

    private final nl.bijstandsportaal.platform.atrest.DataKeys keys;

    DemoLogin(DemoMode demoMode, DSLContext db, LoginService logins,
              RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler,
              nl.bijstandsportaal.platform.atrest.DataKeys keys) {
        this.keys = keys;
        this.demoMode = demoMode;
        this.db = db;
        this.logins = logins;
        this.loginHandler = loginHandler;
    }

    public record DemoCitizen(String bsn, String naam, String gemeente, String leefvorm) {
    }

    public record DemoEmployee(String subject, String naam, String gemeente, String rollen) {
    }

    @Get("/digid")
    @View("demo/digid")
    Map<String, Object> citizens() {
        requireDemo();
        // The demo's own people (BSN 99999...), not the generated benchmark citizens (first name "Test").
        List<DemoCitizen> people = db.select(BURGER.BSN_VERSLEUTELD, BURGER.VOORNAAM, BURGER.ACHTERNAAM, GEMEENTE.NAAM, BURGER.LEEFVORM)
                .from(BURGER).join(GEMEENTE).on(GEMEENTE.ID.eq(BURGER.GEMEENTE_ID))
                .where(BURGER.VOORNAAM.ne("Test")).and(BURGER.BSN_VERSLEUTELD.isNotNull())
                .orderBy(BURGER.ID)
                .fetch(r -> new DemoCitizen(keys.openText(r.value1(), nl.bijstandsportaal.platform.atrest.AtRestColumns.BSN),
                        r.value2() + " " + r.value3(), r.value4(), r.value5()))
                .stream().filter(p -> p.bsn().startsWith("99999")).toList();
        return Map.of("people", people);
    }

    @Post(value = "/digid", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> loginCitizen(@Body("bsn") String bsn, HttpRequest<?> request) {
        requireDemo();
        return finish(logins.citizen(bsn), request);
    }

    @Get("/medewerker")
    @View("demo/employee")
    Map<String, Object> employees() {
        requireDemo();
        List<DemoEmployee> people = db.select(MEDEWERKER.OIDC_SUBJECT, MEDEWERKER.NAAM, GEMEENTE.NAAM, MEDEWERKER.ROLLEN)
                .from(MEDEWERKER).join(GEMEENTE).on(GEMEENTE.ID.eq(MEDEWERKER.GEMEENTE_ID))
                .where(MEDEWERKER.ACTIEF.isTrue())
                .orderBy(MEDEWERKER.ID)
                .fetch(r -> new DemoEmployee(r.value1(), r.value2(), r.value3(), r.value4()));
        return Map.of("people", people);
    }

    @Post(value = "/medewerker", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> loginEmployee(@Body("subject") String subject, HttpRequest<?> request) {
        requireDemo();
        return finish(logins.employee(subject), request);
    }

    private HttpResponse<?> finish(Optional<Authentication> authentication, HttpRequest<?> request) {
        return authentication
                .<HttpResponse<?>>map(a -> loginHandler.loginSuccess(a, request))
                .orElseGet(() -> HttpResponse.seeOther(URI.create("/inloggen?fout=onbekend")));
    }

    private void requireDemo() {
        if (!demoMode.isActive()) {
            throw new NotFoundException();
        }
    }
}

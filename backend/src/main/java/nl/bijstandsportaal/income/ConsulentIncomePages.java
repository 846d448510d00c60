package nl.bijstandsportaal.income;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;
import nl.bijstandsportaal.platform.web.NotFoundException;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** A consulent opens a citizen's income report, sets the amounts to count and marks it processed. Audited. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CONSULENT)
class ConsulentIncomePages {

    private final IncomeCasework casework;

    ConsulentIncomePages(IncomeCasework casework) {
        this.casework = casework;
    }

    @Get("/consulent/burgers/{id}/inkomsten/{code}")
    HttpResponse<?> open(Authentication authentication, @PathVariable long id, @PathVariable String code) {
        return HttpResponse.ok(new ModelAndView<>("consulent/income", model(casework.open(CurrentUser.require(authentication), id, code),
                Map.of(), Map.of())));
    }

    @Post(value = "/consulent/burgers/{id}/inkomsten/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(Authentication authentication, @PathVariable long id, @PathVariable String code, @Body Map<String, Object> body) {
        CurrentUser consulent = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        Map<String, Text> errors = casework.decide(consulent, id, code, form, form.getOrDefault("status", ""));
        if (!errors.isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("consulent/income", model(casework.open(consulent, id, code), form, errors)));
        }
        return HttpResponse.seeOther(URI.create("/consulent/burgers/" + id + "/inkomsten/" + code + "?opgeslagen=ja"));
    }

    @Get(value = "/consulent/burgers/{id}/inkomsten/{code}/bewijs/{bijlage}", produces = MediaType.ALL)
    HttpResponse<byte[]> proof(Authentication authentication, @PathVariable long id, @PathVariable String code, @PathVariable long bijlage) {
        return casework.proof(CurrentUser.require(authentication), id, code, bijlage).orElseThrow(NotFoundException::new).response();
    }

    private static Map<String, Object> model(IncomeCasework.ReportFile file, Map<String, String> typed, Map<String, Text> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("file", file);
        model.put("typed", typed);
        model.put("errors", errors);
        return model;
    }
}

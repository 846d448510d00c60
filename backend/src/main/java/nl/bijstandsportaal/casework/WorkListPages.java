package nl.bijstandsportaal.casework;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;
import nl.bijstandsportaal.worklist.WorkKind;
import nl.bijstandsportaal.worklist.WorkList;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consulent's start page: the work list (filters in the address, so a filtered list can be bookmarked and the back
 * button works), claiming and assigning its items; the team lead's view. A beheerder who is no consulent sees their
 * tools instead.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class WorkListPages {

    private final WorkList workList;
    private final CaseloadService caseload;

    WorkListPages(WorkList workList, CaseloadService caseload) {
        this.workList = workList;
        this.caseload = caseload;
    }

    @Get("/consulent")
    @Secured({Roles.CONSULENT, Roles.BEHEERDER})
    @View("consulent/home")
    Map<String, Object> home(Authentication authentication, @QueryValue @Nullable String wie, @QueryValue @Nullable String soort,
                             @QueryValue @Nullable String stand, @QueryValue @Nullable String zoek, @QueryValue @Nullable Integer pagina,
                             @QueryValue @Nullable String opgeslagen) {
        CurrentUser user = CurrentUser.require(authentication);
        boolean consulent = user.hasRole(Roles.CONSULENT);
        Map<String, Object> model = new HashMap<>();
        model.put("consulent", consulent);
        model.put("gemeenteNaam", caseload.gemeenteNaam(user));
        if (!consulent) {
            model.put("citizenCount", caseload.citizenCount(user));
            return model;
        }
        WorkList.Filter filter = new WorkList.Filter(parse(WorkList.Scope.class, wie), parse(WorkKind.class, soort),
                parse(WorkList.State.class, stand), zoek, pagina == null ? 0 : pagina);
        model.put("work", workList.view(user, filter));
        model.put("kinds", List.of(WorkKind.values()));
        model.put("scopes", List.of(WorkList.Scope.values()));
        model.put("states", List.of(WorkList.State.values()));
        model.put("assigned", "ja".equals(opgeslagen));
        return model;
    }

    /**
     * Claims an item ({@code oppakken=ja}), assigns it to a colleague ({@code aan=<id>}) or gives it back ({@code aan=}),
     * then back to the list as it was ({@code terug}: only a work-list address).
     */
    @Post(value = "/consulent/werk", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CONSULENT)
    HttpResponse<?> assign(@Body Map<String, Object> body, Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        Map<String, String> form = FormBody.strings(body);
        String to = "ja".equals(form.get("oppakken")) ? String.valueOf(user.id()) : form.getOrDefault("aan", "");
        Long medewerker = to.matches("[0-9]{1,18}") ? Long.valueOf(to) : null;
        if (!to.isEmpty() && medewerker == null) {
            return HttpResponse.badRequest();
        }
        return switch (workList.assign(user, form.getOrDefault("sleutel", ""), medewerker)) {
            case DONE -> {
                String back = form.getOrDefault("terug", "");
                back = back.matches("/consulent(\\?[A-Za-z0-9=&_%+.-]*)?") ? back : "/consulent";
                yield HttpResponse.seeOther(URI.create(back + (back.contains("?") ? "&" : "?") + "opgeslagen=ja#werk-titel"));
            }
            case NO_SUCH_ITEM -> HttpResponse.notFound();
            case NOT_ALLOWED -> HttpResponse.badRequest();
        };
    }

    @Get("/consulent/team")
    @Secured(Roles.TEAMLEIDER)
    @View("consulent/team")
    Map<String, Object> team(Authentication authentication) {
        CurrentUser user = CurrentUser.require(authentication);
        return Map.of("team", workList.teamView(user), "gemeenteNaam", caseload.gemeenteNaam(user));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(value)).findFirst().orElse(null);
    }
}

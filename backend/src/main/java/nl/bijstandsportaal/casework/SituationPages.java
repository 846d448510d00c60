package nl.bijstandsportaal.casework;

import nl.bijstandsportaal.platform.web.FormBody;
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
import nl.bijstandsportaal.casework.SituationForm.Current;
import nl.bijstandsportaal.casework.SituationForm.CurrentMember;
import nl.bijstandsportaal.casework.SituationForm.Plicht;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The consulent's form for a citizen's situation and duties: show, save, or show again with what is wrong. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SituationPages {

    private static final String VIEW = "consulent/situation";

    private final SituationService situations;

    SituationPages(SituationService situations) {
        this.situations = situations;
    }

    @Get("/consulent/burgers/{id}/situatie")
    @Secured(Roles.CONSULENT)
    HttpResponse<?> form(@PathVariable long id, Authentication authentication) {
        Current current = situations.open(CurrentUser.require(authentication), id);
        return HttpResponse.ok(new ModelAndView<>(VIEW, model(current, SituationForm.of(current), Map.of())));
    }

    @Post(value = "/consulent/burgers/{id}/situatie", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CONSULENT)
    HttpResponse<?> save(@PathVariable long id, @Body Map<String, Object> body, Authentication authentication) {
        SituationForm form = SituationForm.fromBody(FormBody.strings(body));
        SituationService.Saved saved = situations.save(CurrentUser.require(authentication), id, form);
        if (saved.ok()) {
            return HttpResponse.seeOther(URI.create("/consulent/burgers/" + id + "?opgeslagen=situatie"));
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>(VIEW, model(saved.current(), form, saved.errors())));
    }

    /** A household member's row: who (as stored) and what was typed for them. */
    public record MemberRow(int index, long id, String voornaam, LocalDate geboortedatum, String relatie, String status,
                            boolean verwijderen) {
    }

    /** A duty's fields as typed. */
    public record DutyRow(String code, String geldt, String ontheffing, String reden, String tot) {
    }

    private static Map<String, Object> model(Current current, SituationForm form, Map<String, Text> errors) {
        Map<Long, CurrentMember> stored = new LinkedHashMap<>();
        current.members().forEach(m -> stored.put(m.id(), m));
        List<MemberRow> members = new ArrayList<>();
        for (int i = 0; i < form.members().size(); i++) {
            SituationForm.MemberInput input = form.members().get(i);
            CurrentMember member = stored.remove(parseId(input.id()));
            if (member != null) {
                members.add(new MemberRow(i, member.id(), member.voornaam(), member.geboortedatum(), member.relatie(),
                        input.status(), input.verwijderen()));
            }
        }
        int next = form.members().size();
        for (CurrentMember member : stored.values()) { // stored since the form was opened
            members.add(new MemberRow(next++, member.id(), member.voornaam(), member.geboortedatum(), member.relatie(),
                    member.status(), false));
        }
        List<DutyRow> duties = new ArrayList<>();
        for (Plicht plicht : Plicht.values()) {
            SituationForm.DutyInput duty = form.duty(plicht);
            duties.add(new DutyRow(plicht.name(), duty.geldt(), duty.ontheffing(), duty.reden(), duty.tot()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("burgerId", current.burgerId());
        model.put("naam", current.naam());
        model.put("form", form);
        model.put("members", members);
        model.put("duties", duties);
        model.put("errors", errors);
        model.put("leefvormen", names(SituationForm.Leefvorm.values()));
        model.put("relaties", names(SituationForm.Relatie.values()));
        model.put("statussen", names(SituationForm.Status.values()));
        return model;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Long parseId(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }
}

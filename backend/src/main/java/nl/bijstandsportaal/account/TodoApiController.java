package nl.bijstandsportaal.account;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import nl.bijstandsportaal.api.v1.Taken;
import nl.bijstandsportaal.api.v1.TakenApi;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.Problems;

import java.util.List;
import java.util.Locale;

/** The app's to-do list: the same list, in the same order, as the home page's "Dit moet je doen" ({@link TodoList}). */
@Controller
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class TodoApiController implements TakenApi {

    private final SecurityService security;
    private final TodoList todos;
    private final Messages messages;
    private final Problems problems;

    TodoApiController(SecurityService security, TodoList todos, Messages messages, Problems problems) {
        this.security = security;
        this.todos = todos;
        this.messages = messages;
        this.problems = problems;
    }

    @Override
    public Taken taken() {
        CurrentUser citizen = CurrentUser.requireCitizen(security.getAuthentication());
        Locale locale = problems.locale();
        TodoList.Todos list = todos.of(citizen);
        List<Taken.Taak> due = dto(list.due(), locale);
        int late = (int) due.stream().filter(t -> "te-laat".equals(t.status())).count();
        return new Taken(due, dto(list.coming(), locale), new Taken.Aantallen(due.size(), late));
    }

    private List<Taken.Taak> dto(List<Todo> todos, Locale locale) {
        return todos.stream().map(t -> new Taken.Taak(t.id(), t.kind().name(), messages.render(locale, t.title()), t.deadline(), t.state().api(),
                t.apiLink(), messages.render(locale, t.action()))).toList();
    }
}

package nl.bijstandsportaal.income;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.Todo;
import nl.bijstandsportaal.account.TodoSource;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Income reports on the citizen's to-do list: every period that can be reported and was not (late or not), and the
 * next period that cannot be reported yet, as coming.
 */
@Singleton
class IncomeTodos implements TodoSource {

    private final IncomeService income;

    IncomeTodos(IncomeService income) {
        this.income = income;
    }

    @Override
    public List<Todo> todosFor(CurrentUser citizen) {
        List<Todo> todos = new ArrayList<>();
        List<IncomeService.PeriodView> periods = income.periods(citizen);
        for (IncomeService.PeriodView p : periods) {
            if ("TE_DOEN".equals(p.state()) || "TE_LAAT".equals(p.state())) {
                todos.add(todo(p.period(), Text.of("todo.income", name(p.period())), "TE_LAAT".equals(p.state()) ? Todo.State.TE_LAAT : Todo.State.OPEN));
            }
        }
        periods.stream().filter(p -> "NOG_NIET".equals(p.state())).min(Comparator.comparing(p -> p.period().from()))
                .ifPresent(p -> todos.add(todo(p.period(), Text.of("todo.income.coming", name(p.period()), p.opens()), Todo.State.KOMT_NOG)));
        return todos;
    }

    private static Todo todo(ReportPeriod period, Text title, Todo.State state) {
        return new Todo("inkomsten/" + period.code(), Todo.Kind.INKOMSTEN, title, period.deadline(), state, "/inkomsten/" + period.code(),
                "/api/v1/inkomsten/" + period.code(), Text.of(state == Todo.State.KOMT_NOG ? "todo.income.look" : "todo.income.action"));
    }

    /** "november 2026", or "1 december 2026 tot en met 28 december 2026" for four weeks. */
    static Text name(ReportPeriod period) {
        return period.isFourWeeks() ? Text.of("income.period.fourWeeks", period.from(), period.to()) : Text.of("income.period.month", period.month());
    }
}

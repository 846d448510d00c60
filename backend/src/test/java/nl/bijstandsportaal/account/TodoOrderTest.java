package nl.bijstandsportaal.account;

import nl.bijstandsportaal.platform.i18n.Text;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The order of the to-do list, without a database: late first, then by last day (none last), then what is coming. */
class TodoOrderTest {

    private static Todo todo(String id, Todo.State state, LocalDate deadline) {
        return new Todo(id, Todo.Kind.DOCUMENT, Text.of("x"), deadline, state, "/", "/api/v1/", Text.of("y"));
    }

    @Test
    void lateFirstThenByLastDayThenComing() {
        LocalDate day = LocalDate.of(2027, 3, 10);
        List<Todo> all = List.of(
                todo("message", Todo.State.OPEN, null),
                todo("soon", Todo.State.OPEN, day.plusDays(2)),
                todo("coming-later", Todo.State.KOMT_NOG, day.plusDays(30)),
                todo("late-recent", Todo.State.TE_LAAT, day.minusDays(1)),
                todo("sooner", Todo.State.OPEN, day),
                todo("late-long-ago", Todo.State.TE_LAAT, day.minusDays(40)),
                todo("coming-soon", Todo.State.KOMT_NOG, day.plusDays(3)));
        TodoList.Todos ordered = TodoList.order(all);
        assertEquals(List.of("late-long-ago", "late-recent", "sooner", "soon", "message"), ordered.due().stream().map(Todo::id).toList());
        assertEquals(List.of("coming-soon", "coming-later"), ordered.coming().stream().map(Todo::id).toList());
    }

    @Test
    void theSameDayKeepsAStableOrder() {
        LocalDate day = LocalDate.of(2027, 3, 10);
        TodoList.Todos a = TodoList.order(List.of(todo("b", Todo.State.OPEN, day), todo("a", Todo.State.OPEN, day)));
        assertEquals(List.of("a", "b"), a.due().stream().map(Todo::id).toList());
    }
}

package nl.bijstandsportaal.account;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.CurrentUser;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The citizen's to-do list, as the home page and the app show it (ADR 0036): first what is late, then what is to do
 * now, each by its last day (the soonest first; without a last day after those with one); then what is coming, the
 * soonest first.
 */
@Singleton
public class TodoList {

    /** What to do now (late first) and what is coming. */
    public record Todos(List<Todo> due, List<Todo> coming) {
        public boolean nothing() {
            return due.isEmpty() && coming.isEmpty();
        }
    }

    static final Comparator<Todo> ORDER = Comparator.comparing((Todo t) -> t.state() != Todo.State.TE_LAAT)
            .thenComparing(Todo::deadline, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Todo::id);

    private final List<TodoSource> sources;

    TodoList(List<TodoSource> sources) {
        this.sources = sources;
    }

    public Todos of(CurrentUser citizen) {
        List<Todo> all = sources.stream().flatMap(s -> s.todosFor(citizen).stream()).toList();
        return order(all);
    }

    static Todos order(List<Todo> all) {
        return new Todos(all.stream().filter(Todo::due).sorted(ORDER).toList(),
                all.stream().filter(t -> !t.due()).sorted(ORDER).toList());
    }
}

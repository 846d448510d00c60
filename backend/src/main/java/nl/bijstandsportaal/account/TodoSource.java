package nl.bijstandsportaal.account;

import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.List;

/**
 * A capability that asks something of a citizen: income reports, document requests, applications, messages,
 * appointments. Each says what is to do now, what is late and what is coming; {@link TodoList} puts them in order.
 */
public interface TodoSource {

    List<Todo> todosFor(CurrentUser citizen);
}

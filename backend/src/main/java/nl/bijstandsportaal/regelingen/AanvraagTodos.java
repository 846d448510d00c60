package nl.bijstandsportaal.regelingen;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.Todo;
import nl.bijstandsportaal.account.TodoSource;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.List;

/**
 * Applications on the citizen's to-do list: one started and not sent yet (no last day: the portal keeps it). What an
 * application still needs from the citizen after sending (proof, a request to complete it) is a document request, on
 * the list through {@code DocumentTodos}.
 */
@Singleton
class AanvraagTodos implements TodoSource {

    private final AanvraagRepository repository;

    AanvraagTodos(AanvraagRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Todo> todosFor(CurrentUser citizen) {
        return repository.ofCitizen(citizen.id()).stream().filter(r -> AanvraagRepository.CONCEPT.equals(r.getStatus())).map(r -> {
            Regeling regeling = Regeling.valueOf(r.getRegeling());
            return new Todo("aanvraag/" + r.getPublicId(), Todo.Kind.AANVRAAG, Text.of("todo.aanvraag", Text.of("regelingen." + regeling.code() + ".naam")),
                    null, Todo.State.OPEN, "/aanvragen/" + r.getPublicId(), "/api/v1/aanvragen/" + r.getPublicId(), Text.of("todo.aanvraag.action"));
        }).toList();
    }
}

package nl.bijstandsportaal.documents;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.Todo;
import nl.bijstandsportaal.account.TodoSource;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.List;

/** Document requests (tasks) on the citizen's to-do list: every one that still waits for a file, late or not. */
@Singleton
class DocumentTodos implements TodoSource {

    private final DocumentRequests requests;

    DocumentTodos(DocumentRequests requests) {
        this.requests = requests;
    }

    @Override
    public List<Todo> todosFor(CurrentUser citizen) {
        return requests.forCitizen(citizen.id()).stream().filter(r -> r.status().canSend()).map(r -> new Todo("documentverzoek/" + r.publicId(),
                Todo.Kind.DOCUMENT, title(r), r.deadline(), r.late() ? Todo.State.TE_LAAT : Todo.State.OPEN, "/documenten/" + r.publicId(),
                "/api/v1/documentverzoeken/" + r.publicId(), Text.of("todo.document.action"))).toList();
    }

    private static Text title(DocumentRequests.DocumentRequest r) {
        if (r.sendAgain() != null) {
            return Text.of("todo.document.again", r.what());
        }
        return r.aanvraag() == null ? Text.of("todo.document", r.what()) : Text.of("todo.document.application", r.what());
    }
}

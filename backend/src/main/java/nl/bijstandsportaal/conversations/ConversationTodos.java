package nl.bijstandsportaal.conversations;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.Todo;
import nl.bijstandsportaal.account.TodoSource;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK;
import static nl.bijstandsportaal.platform.db.generated.Tables.BERICHT;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREK;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;

/**
 * Messages on the citizen's to-do list: a conversation with a message of an employee the citizen has not read yet (one
 * line per conversation, no last day). Read means opened: the conversation's page marks its messages read.
 */
@Singleton
class ConversationTodos implements TodoSource {

    private final DSLContext db;

    ConversationTodos(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Todo> todosFor(CurrentUser citizen) {
        var subject = DSL.coalesce(GESPREK.ONDERWERP, DOCUMENTVERZOEK.WAT, AFSPRAAK.ONDERWERP);
        return db.select(GESPREK.PUBLIC_ID, subject, DSL.max(MEDEWERKER.NAAM))
                .from(BERICHT).join(GESPREK).on(GESPREK.ID.eq(BERICHT.GESPREK_ID))
                .join(MEDEWERKER).on(MEDEWERKER.ID.eq(BERICHT.MEDEWERKER_ID))
                .join(MELDING).on(MELDING.BURGER_ID.eq(BERICHT.BURGER_ID)).and(MELDING.SLEUTEL.eq(DSL.concat(DSL.inline("bericht/"), BERICHT.PUBLIC_ID)))
                .leftJoin(DOCUMENTVERZOEK).on(DOCUMENTVERZOEK.ID.eq(GESPREK.DOCUMENTVERZOEK_ID))
                .leftJoin(AFSPRAAK).on(AFSPRAAK.ID.eq(GESPREK.AFSPRAAK_ID))
                .where(BERICHT.BURGER_ID.eq(citizen.id())).and(MELDING.GELEZEN_OP.isNull())
                .groupBy(GESPREK.PUBLIC_ID, subject)
                .fetch(r -> new Todo("gesprek/" + r.value1(), Todo.Kind.BERICHT,
                        r.value2() == null ? Text.of("todo.message.noSubject", r.value3()) : Text.of("todo.message", r.value3(), r.value2()),
                        null, Todo.State.OPEN, "/gesprekken/" + r.value1(), "/api/v1/gesprekken/" + r.value1(), Text.of("todo.message.action")));
    }
}

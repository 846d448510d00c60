package nl.bijstandsportaal.conversations;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.regelingen.Termijnen;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.worklist.WorkItem;
import nl.bijstandsportaal.worklist.WorkKind;
import nl.bijstandsportaal.worklist.WorkSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREK;

/**
 * Conversations waiting for an answer in the work list, by the reply time the municipality promises
 * (gesprek.antwoord_werkdagen, working days from the citizen's first unanswered message).
 */
@Singleton
class ConversationWork implements WorkSource {

    private final DSLContext db;
    private final RulesService rules;

    ConversationWork(DSLContext db, RulesService rules) {
        this.db = db;
        this.rules = rules;
    }

    @Override
    public java.util.Set<String> tables() {
        return java.util.Set.of("gesprek", "burger", "documentverzoek", "afspraak");
    }

    @Override
    public List<WorkItem> open(long gemeenteId, String gemeente, LocalDate today) {
        int days = rules.book().value(RuleKey.GESPREK_ANTWOORD_WERKDAGEN, gemeente, today).intValueExact();
        // A conversation about a document request or an appointment has no subject of its own: it is called after what
        // was asked, or what the appointment is about.
        return db.select(GESPREK.BURGER_ID, GESPREK.PUBLIC_ID, DSL.coalesce(GESPREK.ONDERWERP, DOCUMENTVERZOEK.WAT, AFSPRAAK.ONDERWERP),
                        GESPREK.WACHT_OP_ANTWOORD_SINDS)
                .from(GESPREK).join(BURGER).on(BURGER.ID.eq(GESPREK.BURGER_ID))
                .leftJoin(DOCUMENTVERZOEK).on(DOCUMENTVERZOEK.ID.eq(GESPREK.DOCUMENTVERZOEK_ID))
                .leftJoin(AFSPRAAK).on(AFSPRAAK.ID.eq(GESPREK.AFSPRAAK_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(GESPREK.WACHT_OP_ANTWOORD_SINDS.isNotNull())
                .fetch(r -> {
                    Instant since = r.value4().toInstant(ZoneOffset.UTC);
                    return new WorkItem("gesprek/" + r.value2(), WorkKind.BERICHT, r.value1(), since,
                            replyBy(since.atZone(Today.DUTCH_TIME).toLocalDate(), days), null,
                            Text.of("worklist.what.message", r.value3() == null ? "" : r.value3()),
                            "/consulent/burgers/" + r.value1() + "/gesprekken/" + r.value2());
                });
    }

    /** The last day of the reply time: this many working days after the day the message came (Algemene termijnenwet). */
    static LocalDate replyBy(LocalDate received, int workingDays) {
        return Termijnen.workingDaysAfter(received, workingDays);
    }
}

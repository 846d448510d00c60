package nl.bijstandsportaal.documents;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.worklist.WorkItem;
import nl.bijstandsportaal.worklist.WorkKind;
import nl.bijstandsportaal.worklist.WorkSource;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;

/**
 * The consulent's own document requests in the work list: sent by the citizen and to be looked at (by the days the
 * municipality promises, werklijst.document_dagen), or still open: waiting for the citizen until their last day.
 * Requests tied to an application are part of that application's item (its clock pauses for them).
 */
@Singleton
class DocumentWork implements WorkSource {

    private final DSLContext db;
    private final RulesService rules;

    DocumentWork(DSLContext db, RulesService rules) {
        this.db = db;
        this.rules = rules;
    }

    @Override
    public java.util.Set<String> tables() {
        return java.util.Set.of("documentverzoek", "burger");
    }

    @Override
    public List<WorkItem> open(long gemeenteId, String gemeente, LocalDate today) {
        int days = rules.book().value(RuleKey.WERKLIJST_DOCUMENT_DAGEN, gemeente, today).intValueExact();
        return db.select(DOCUMENTVERZOEK.BURGER_ID, DOCUMENTVERZOEK.PUBLIC_ID, DOCUMENTVERZOEK.WAT, DOCUMENTVERZOEK.UITERLIJK,
                        DOCUMENTVERZOEK.STATUS, DOCUMENTVERZOEK.GEVRAAGD_OP, DOCUMENTVERZOEK.GESTUURD_OP)
                .from(DOCUMENTVERZOEK).join(BURGER).on(BURGER.ID.eq(DOCUMENTVERZOEK.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(DOCUMENTVERZOEK.SOORT.eq(DocumentRequests.Soort.LOS.name()))
                .and(DOCUMENTVERZOEK.STATUS.in(DocumentRequests.Status.OPEN.name(), DocumentRequests.Status.GESTUURD.name()))
                .fetch(r -> {
                    String link = "/consulent/burgers/" + r.value1() + "#documenten-titel";
                    Text what = Text.of("worklist.what.document", r.value3(), r.value4());
                    if (DocumentRequests.Status.OPEN.name().equals(r.value5())) {
                        return new WorkItem("document/" + r.value2(), WorkKind.DOCUMENT, r.value1(), r.value6().toInstant(ZoneOffset.UTC),
                                r.value4(), r.value4(), what, link);
                    }
                    Instant sent = r.value7().toInstant(ZoneOffset.UTC);
                    return new WorkItem("document/" + r.value2(), WorkKind.DOCUMENT, r.value1(), sent,
                            sent.atZone(Today.DUTCH_TIME).toLocalDate().plusDays(days), null, what, link);
                });
    }

    @Override
    public List<Handled> handled(long gemeenteId, Instant since) {
        return db.select(DOCUMENTVERZOEK.GESTUURD_OP, DOCUMENTVERZOEK.AFGEROND_OP)
                .from(DOCUMENTVERZOEK).join(BURGER).on(BURGER.ID.eq(DOCUMENTVERZOEK.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(DOCUMENTVERZOEK.STATUS.eq(DocumentRequests.Status.AFGEROND.name()))
                .and(DOCUMENTVERZOEK.GESTUURD_OP.isNotNull())
                .and(DOCUMENTVERZOEK.AFGEROND_OP.ge(since.atOffset(ZoneOffset.UTC).toLocalDateTime()))
                .fetch(r -> new Handled(WorkKind.DOCUMENT, r.value1().toInstant(ZoneOffset.UTC), r.value2().toInstant(ZoneOffset.UTC), null));
    }
}

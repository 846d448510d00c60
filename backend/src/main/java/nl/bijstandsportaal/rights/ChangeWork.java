package nl.bijstandsportaal.rights;

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
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING;

/** Reported changes in the work list, new or being handled, by the days the municipality promises (werklijst.wijziging_dagen). */
@Singleton
class ChangeWork implements WorkSource {

    private final DSLContext db;
    private final RulesService rules;

    ChangeWork(DSLContext db, RulesService rules) {
        this.db = db;
        this.rules = rules;
    }

    @Override
    public java.util.Set<String> tables() {
        return java.util.Set.of("wijziging", "burger");
    }

    @Override
    public List<WorkItem> open(long gemeenteId, String gemeente, LocalDate today) {
        int days = rules.book().value(RuleKey.WERKLIJST_WIJZIGING_DAGEN, gemeente, today).intValueExact();
        return db.select(WIJZIGING.BURGER_ID, WIJZIGING.KENMERK, WIJZIGING.SOORT, WIJZIGING.DATUM, WIJZIGING.INGEDIEND_OP)
                .from(WIJZIGING).join(BURGER).on(BURGER.ID.eq(WIJZIGING.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(WIJZIGING.STATUS.in("NIEUW", "IN_BEHANDELING"))
                .fetch(r -> {
                    Instant sent = r.value5().toInstant(ZoneOffset.UTC);
                    return new WorkItem("wijziging/" + r.value2(), WorkKind.WIJZIGING, r.value1(), sent,
                            sent.atZone(Today.DUTCH_TIME).toLocalDate().plusDays(days), null,
                            Text.of("worklist.what.change", Text.of("change.kind." + r.value3()), r.value4(), r.value2()),
                            "/consulent/burgers/" + r.value1() + "#wijzigingen-titel");
                });
    }

    /** Changes handled since {@code since} (the step AFGEHANDELD): from when the citizen sent it to when it was handled. */
    @Override
    public List<Handled> handled(long gemeenteId, Instant since) {
        return db.select(WIJZIGING.INGEDIEND_OP, WIJZIGING.AFGEHANDELD_OP, WIJZIGING.AFGEHANDELD_DOOR)
                .from(WIJZIGING).join(BURGER).on(BURGER.ID.eq(WIJZIGING.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(WIJZIGING.STATUS.eq("AFGEHANDELD"))
                .and(WIJZIGING.AFGEHANDELD_OP.ge(since.atOffset(ZoneOffset.UTC).toLocalDateTime()))
                .fetch(r -> new Handled(WorkKind.WIJZIGING, r.value1().toInstant(ZoneOffset.UTC),
                        r.value2().toInstant(ZoneOffset.UTC), r.value3()));
    }
}

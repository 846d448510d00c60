package nl.bijstandsportaal.income;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.rules.ReportPeriods;
import nl.bijstandsportaal.rules.RuleBook;
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
import java.util.ArrayList;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_GEBEURTENIS;

/**
 * Income reports in the work list: sent and not processed (by the days the municipality promises,
 * werklijst.inkomstenopgave_dagen, from the last version sent), and missing: the last day of one of the last periods
 * passed without a report (from the day after that last day, for as long as it is missing, up to three periods back).
 */
@Singleton
class IncomeWork implements WorkSource {

    /** How many closed periods back a missing report stays on the list. */
    static final int PERIODS_BACK = 3;

    private final DSLContext db;
    private final RulesService rules;

    IncomeWork(DSLContext db, RulesService rules) {
        this.db = db;
        this.rules = rules;
    }

    @Override
    public java.util.Set<String> tables() {
        return java.util.Set.of("inkomstenopgave", "burger");
    }

    @Override
    public List<WorkItem> open(long gemeenteId, String gemeente, LocalDate today) {
        RuleBook book = rules.book();
        int days = book.value(RuleKey.WERKLIJST_INKOMSTENOPGAVE_DAGEN, gemeente, today).intValueExact();
        List<WorkItem> items = new ArrayList<>();
        db.select(INKOMSTENOPGAVE.BURGER_ID, INKOMSTENOPGAVE.KENMERK, INKOMSTENOPGAVE.PERIODE_CODE, INKOMSTENOPGAVE.PERIODE_VAN,
                        INKOMSTENOPGAVE.PERIODE_TOT, INKOMSTENOPGAVE.GEWIJZIGD_OP)
                .from(INKOMSTENOPGAVE).join(BURGER).on(BURGER.ID.eq(INKOMSTENOPGAVE.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(INKOMSTENOPGAVE.STATUS.in("VERSTUURD", "IN_BEHANDELING"))
                .forEach(r -> {
                    Instant sent = r.value6().toInstant(ZoneOffset.UTC);
                    items.add(new WorkItem("inkomsten/" + r.value2(), WorkKind.INKOMSTENOPGAVE, r.value1(), sent,
                            sent.atZone(Today.DUTCH_TIME).toLocalDate().plusDays(days), null,
                            Text.of("worklist.what.income", r.value4(), r.value5(), r.value2()),
                            "/consulent/burgers/" + r.value1() + "/inkomsten/" + r.value3()));
                });
        ReportPeriods.ReportPeriod period = ReportPeriods.containing(today, gemeente, book);
        for (int back = 0; back < PERIODS_BACK; back++) {
            period = ReportPeriods.containing(period.from().minusDays(1), gemeente, book);
            if (!today.isAfter(period.deadline())) {
                continue;
            }
            ReportPeriods.ReportPeriod p = period;
            Instant due = p.deadline().plusDays(1).atStartOfDay(Today.DUTCH_TIME).toInstant();
            db.select(BURGER.ID).from(BURGER)
                    .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(BURGER.BIJSTAND_SINDS.le(p.to()))
                    .andNotExists(DSL.selectOne().from(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(BURGER.ID))
                            .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(p.code())))
                    .forEach(r -> items.add(new WorkItem("inkomsten-ontbreekt/" + p.code() + "/" + r.value1(),
                            WorkKind.INKOMSTENOPGAVE_TE_LAAT, r.value1(), due, p.deadline(), null,
                            Text.of("worklist.what.incomeMissing", p.from(), p.to(), p.deadline()),
                            "/consulent/burgers/" + r.value1() + "#inkomsten-titel")));
        }
        return items;
    }

    /** Reports processed since: from the last version sent to the moment the consulent processed it. */
    @Override
    public List<Handled> handled(long gemeenteId, Instant since) {
        return db.select(INKOMSTENOPGAVE.INGEDIEND_OP, INKOMSTENOPGAVE_GEBEURTENIS.OP, INKOMSTENOPGAVE_GEBEURTENIS.MEDEWERKER_ID)
                .from(INKOMSTENOPGAVE_GEBEURTENIS)
                .join(INKOMSTENOPGAVE).on(INKOMSTENOPGAVE.ID.eq(INKOMSTENOPGAVE_GEBEURTENIS.OPGAVE_ID))
                .join(BURGER).on(BURGER.ID.eq(INKOMSTENOPGAVE.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(INKOMSTENOPGAVE_GEBEURTENIS.SOORT.eq("VERWERKT"))
                .and(INKOMSTENOPGAVE_GEBEURTENIS.OP.ge(since.atOffset(ZoneOffset.UTC).toLocalDateTime()))
                .fetch(r -> new Handled(WorkKind.INKOMSTENOPGAVE, r.value1().toInstant(ZoneOffset.UTC), r.value2().toInstant(ZoneOffset.UTC),
                        r.value3()));
    }
}

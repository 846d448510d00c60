package nl.bijstandsportaal.notifications;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RulesService;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;

/**
 * Fills the outbox with reminders computed from data, not from timers in memory: what is due today follows from
 * the periods, deadlines and reports in the database, so a restart loses nothing. Each reminder is an event with
 * its own key, written with INSERT IGNORE: a second run, or a run after downtime, adds nothing that is already
 * there, and only the current stage of each period is written (IncomeReminders).
 * Runs set-based in slices of citizens, each slice its own transaction, so 400,000 citizens take seconds.
 */
@Singleton
public class ReminderScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);
    static final int SLICE = 20_000;

    private final DSLContext db;
    private final RulesService rules;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final Clock clock;

    ReminderScheduler(DSLContext db, RulesService rules, Outbox outbox, MessageArguments arguments, Clock clock) {
        this.db = db;
        this.rules = rules;
        this.outbox = outbox;
        this.arguments = arguments;
        this.clock = clock;
    }

    /** Writes what is due now; returns how many new messages were written. */
    public int run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, QuietHours.DUTCH_TIME);
        RuleBook book = rules.book();
        int written = 0;
        for (Record2<Long, String> gemeente : db.select(GEMEENTE.ID, GEMEENTE.CODE).from(GEMEENTE).fetch()) {
            for (IncomeReminders.Due due : IncomeReminders.due(today, gemeente.value2(), book)) {
                written += incomeReminder(gemeente.value1(), due, now);
            }
        }
        if (written > 0) {
            LOG.info("Reminder scheduler: {} new messages", written);
        }
        return written;
    }

    private int incomeReminder(long gemeenteId, IncomeReminders.Due due, Instant now) {
        Record2<Long, Long> range = db.select(DSL.min(BURGER.ID), DSL.max(BURGER.ID)).from(BURGER)
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).fetchSingle();
        if (range.value1() == null) {
            return 0;
        }
        String args = arguments.of(List.of(due.period().from(), due.period().to(), due.period().deadline()));
        String link = "/inkomsten/" + due.period().code();
        int written = 0;
        for (long from = range.value1(); from <= range.value2(); from += SLICE) {
            long to = Math.min(range.value2(), from + SLICE - 1);
            long lo = from;
            written += db.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                Select<Record1<Long>> citizens = tx.select(BURGER.ID).from(BURGER)
                        .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(BURGER.ID.between(lo, to))
                        .and(BURGER.BIJSTAND_SINDS.le(due.period().to()))
                        .andNotExists(DSL.selectOne().from(INKOMSTENOPGAVE)
                                .where(INKOMSTENOPGAVE.BURGER_ID.eq(BURGER.ID))
                                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(due.period().code())));
                return outbox.writeEach(tx, citizens, Topic.INKOMSTEN, due.key(), due.stage().text, args, link, now);
            });
        }
        return written;
    }
}

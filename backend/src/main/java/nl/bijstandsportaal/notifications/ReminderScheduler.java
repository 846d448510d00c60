package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.platform.time.Today;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK;
import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK_STAP;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.HUISHOUDLID;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_BIJLAGE;

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
    private final DeviceSettings devices;
    private final Clock clock;

    ReminderScheduler(DSLContext db, RulesService rules, Outbox outbox, MessageArguments arguments, DeviceSettings devices, Clock clock) {
        this.db = db;
        this.devices = devices;
        this.rules = rules;
        this.outbox = outbox;
        this.arguments = arguments;
        this.clock = clock;
    }

    /** Writes what is due now; returns how many new messages were written. */
    public int run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Today.DUTCH_TIME);
        RuleBook book = rules.book();
        int written = 0;
        for (Record2<Long, String> gemeente : db.select(GEMEENTE.ID, GEMEENTE.CODE).from(GEMEENTE).fetch()) {
            for (IncomeReminders.Due due : IncomeReminders.due(today, gemeente.value2(), book)) {
                written += incomeReminder(gemeente.value1(), due, now);
            }
            written += housematesTurningCostSharer(gemeente.value1(), gemeente.value2(), book, today, now);
            written += payslipsStillToCome(gemeente.value1(), gemeente.value2(), book, today, now);
            written += documentsStillToCome(gemeente.value1(), gemeente.value2(), book, today, now);
        }
        written += appointmentsComingUp(now);
        written += devicesAboutToExpire(now);
        removeExpiredDevices(now);
        if (written > 0) {
            LOG.info("Reminder scheduler: {} new messages", written);
        }
        return written;
    }

    /**
     * A housemate (not the partner) who reaches the kostendeler age within a month, and who will then count as a
     * kostendeler (status GEEN): the citizen hears it in advance, once per housemate. The rights page shows the
     * new amount.
     */
    private int housematesTurningCostSharer(long gemeenteId, String gemeente, RuleBook book, LocalDate today, Instant now) {
        LocalDate monthAhead = today.plusMonths(1);
        int age = book.value(RuleKey.KOSTENDELER_MINIMUMLEEFTIJD, gemeente, monthAhead).intValueExact();
        var housemates = db.select(HUISHOUDLID.ID, HUISHOUDLID.BURGER_ID, HUISHOUDLID.VOORNAAM, HUISHOUDLID.GEBOORTEDATUM)
                .from(HUISHOUDLID).join(BURGER).on(BURGER.ID.eq(HUISHOUDLID.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId))
                .and(HUISHOUDLID.RELATIE.ne("PARTNER")).and(HUISHOUDLID.STATUS.eq("GEEN"))
                .and(HUISHOUDLID.GEBOORTEDATUM.between(today.plusDays(1).minusYears(age), monthAhead.minusYears(age)))
                .fetch();
        int written = 0;
        for (var h : housemates) {
            LocalDate birthday = h.value4().plusYears(age);
            written += db.transactionResult(cfg -> outbox.write(cfg.dsl(), new Outbox.Message(h.value2(), Topic.SITUATIE,
                    "situatie/huisgenoot/" + h.value1() + "/" + age, "notification.situation.costSharer",
                    arguments.of(List.of(h.value3(), age, birthday)), "/rechten"), now).isPresent() ? 1 : 0);
        }
        return written;
    }

    /**
     * A report sent with "loonstrook volgt" for an income, and still no payslip some days later
     * (inkomstenopgave.loonstrook_herinnering_dagen) while the consulent has not processed it: one reminder per
     * report. The consulent's own requests for documents: {@link #documentsStillToCome}.
     */
    private int payslipsStillToCome(long gemeenteId, String gemeente, RuleBook book, LocalDate today, Instant now) {
        int days = book.value(RuleKey.INKOMSTENOPGAVE_LOONSTROOK_HERINNERING_DAGEN, gemeente, today).intValueExact();
        var reports = db.select(INKOMSTENOPGAVE.BURGER_ID, INKOMSTENOPGAVE.PERIODE_CODE, INKOMSTENOPGAVE.PERIODE_VAN, INKOMSTENOPGAVE.PERIODE_TOT)
                .from(INKOMSTENOPGAVE).join(BURGER).on(BURGER.ID.eq(INKOMSTENOPGAVE.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId))
                .and(INKOMSTENOPGAVE.STATUS.in("VERSTUURD", "IN_BEHANDELING"))
                .and(INKOMSTENOPGAVE.INGEDIEND_OP.le(utc(now.minus(java.time.Duration.ofDays(days)))))
                .andExists(DSL.selectOne().from(INKOMSTENBRON).where(INKOMSTENBRON.OPGAVE_ID.eq(INKOMSTENOPGAVE.ID))
                        .and(INKOMSTENBRON.VERSIE.eq(INKOMSTENOPGAVE.VERSIE)).and(INKOMSTENBRON.LOONSTROOK_VOLGT.isTrue()))
                .andNotExists(DSL.selectOne().from(INKOMSTENOPGAVE_BIJLAGE).where(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID.eq(INKOMSTENOPGAVE.ID)))
                .fetch();
        int written = 0;
        for (var r : reports) {
            written += db.transactionResult(cfg -> outbox.write(cfg.dsl(), new Outbox.Message(r.value1(), Topic.DOCUMENTEN,
                    "inkomsten/" + r.value2() + "/loonstrook", "notification.income.payslip", arguments.of(List.of(r.value3(), r.value4())),
                    "/inkomsten/" + r.value2() + "/verstuurd"), now).isPresent() ? 1 : 0);
        }
        return written;
    }

    /**
     * A document the consulent asked for, still not sent: a reminder some days before the last day and one when it has
     * passed (DocumentReminders), once per request and stage. Only requests with a deadline in the window are read.
     */
    private int documentsStillToCome(long gemeenteId, String gemeente, RuleBook book, LocalDate today, Instant now) {
        int lead = book.value(RuleKey.DOCUMENTVERZOEK_HERINNERING_DAGEN, gemeente, today).intValueExact();
        var open = db.select(DOCUMENTVERZOEK.BURGER_ID, DOCUMENTVERZOEK.PUBLIC_ID, DOCUMENTVERZOEK.WAT, DOCUMENTVERZOEK.UITERLIJK,
                        DOCUMENTVERZOEK.GEVRAAGD_OP, DOCUMENTVERZOEK.SOORT, DOCUMENTVERZOEK.RONDE, DOCUMENTVERZOEK.RONDE_SINDS)
                .from(DOCUMENTVERZOEK).join(BURGER).on(BURGER.ID.eq(DOCUMENTVERZOEK.BURGER_ID))
                .where(DOCUMENTVERZOEK.STATUS.eq("OPEN"))
                .and(DOCUMENTVERZOEK.UITERLIJK.between(DocumentReminders.earliestDeadline(today), DocumentReminders.latestDeadline(today, lead)))
                .and(BURGER.GEMEENTE_ID.eq(gemeenteId))
                .orderBy(DOCUMENTVERZOEK.ID)
                .fetch();
        int written = 0;
        for (var r : open) {
            // A later last day (more time, or "send again") starts a round: reminders count from then, with keys of their own.
            LocalDateTime since = r.value8() != null ? r.value8() : r.value5();
            LocalDate askedOn = LocalDate.ofInstant(since.toInstant(ZoneOffset.UTC), Today.DUTCH_TIME);
            var stage = DocumentReminders.stage(askedOn, r.value4(), today, lead);
            if (stage.isEmpty()) {
                continue;
            }
            written += db.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                // Still open now, and it stays so until this commits: a file sent or a request closed a moment ago
                // (both lock the row) gets no reminder.
                if (tx.selectOne().from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(r.value2()))
                        .and(DOCUMENTVERZOEK.STATUS.eq("OPEN")).forUpdate().fetchOptional().isEmpty()) {
                    return 0;
                }
                return outbox.write(tx, new Outbox.Message(r.value1(), Topic.DOCUMENTEN, DocumentReminders.key(r.value2(), r.value7(), stage.get()),
                        // Proof for an application was asked by the portal, not by the consulent: its own words.
                        stage.get().text + ("BEWIJS".equals(r.value6()) ? ".bewijs" : ""), arguments.of(List.of(r.value3(), r.value4())),
                        "/documenten/" + r.value2()), now).isPresent() ? 1 : 0;
            });
        }
        return written;
    }

    /**
     * A planned appointment: a reminder the day before and one two hours before (AppointmentReminders), once per
     * appointment, version and stage. The message is of no use by push or e-mail after the start, and quiet hours do not
     * hold it back past it (Outbox.Message#latest). The row records when each reminder was written.
     */
    private int appointmentsComingUp(Instant now) {
        var planned = db.select(AFSPRAAK.ID, AFSPRAAK.BURGER_ID, AFSPRAAK.PUBLIC_ID, AFSPRAAK.VERSIE, AFSPRAAK.BEGINT_OP, AFSPRAAK.GEWIJZIGD_OP)
                .from(AFSPRAAK)
                .where(AFSPRAAK.STATUS.eq("GEPLAND"))
                .and(AFSPRAAK.BEGINT_OP.gt(utc(now))).and(AFSPRAAK.BEGINT_OP.le(utc(now.plus(AppointmentReminders.WINDOW))))
                .orderBy(AFSPRAAK.ID)
                .fetch();
        int written = 0;
        for (var r : planned) {
            Instant start = r.value5().toInstant(ZoneOffset.UTC);
            var stage = AppointmentReminders.stage(r.value6().toInstant(ZoneOffset.UTC), start, now);
            if (stage.isEmpty()) {
                continue;
            }
            written += db.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                // Still planned at this time, and it stays so until this commits: cancelled or moved a moment ago (both
                // lock the row) gets no reminder for the old time.
                if (tx.selectOne().from(AFSPRAAK).where(AFSPRAAK.ID.eq(r.value1())).and(AFSPRAAK.STATUS.eq("GEPLAND"))
                        .and(AFSPRAAK.VERSIE.eq(r.value4())).forUpdate().fetchOptional().isEmpty()) {
                    return 0;
                }
                var local = start.atZone(Today.DUTCH_TIME);
                boolean isNew = outbox.write(tx, new Outbox.Message(r.value2(), Topic.BERICHTEN,
                        AppointmentReminders.key(r.value3(), r.value4(), stage.get()), stage.get().text,
                        arguments.of(List.of(local.toLocalDate(), local.toLocalTime().toString())), "/afspraken/" + r.value3(), start), now).isPresent();
                if (isNew) {
                    tx.update(AFSPRAAK).set(stage.get() == AppointmentReminders.Stage.DAY_BEFORE ? AFSPRAAK.HERINNERING_DAG_OP : AFSPRAAK.HERINNERING_UUR_OP, utc(now))
                            .where(AFSPRAAK.ID.eq(r.value1())).execute();
                    // A step of the appointment's thread (ADR 0032): both sides read that a reminder went to the citizen.
                    tx.insertInto(AFSPRAAK_STAP).set(AFSPRAAK_STAP.AFSPRAAK_ID, r.value1()).set(AFSPRAAK_STAP.SOORT, "HERINNERD")
                            .set(AFSPRAAK_STAP.OP, utc(now)).execute();
                }
                return isNew ? 1 : 0;
            });
        }
        return written;
    }

    /**
     * A phone that has not been seen for a while stops getting push messages when its registration expires
     * (portal.devices.expire-after, three months without a login). Some days before, the citizen is told, once per
     * device; the message goes to all their devices and the inbox.
     */
    private int devicesAboutToExpire(Instant now) {
        LocalDateTime warnFrom = utc(now.minus(devices.expireAfter()).plus(devices.warnBefore()));
        LocalDateTime expired = utc(now.minus(devices.expireAfter()));
        var expiring = db.select(DEVICE.ID, DEVICE.PUBLIC_ID, DEVICE.BURGER_ID, DEVICE.LAST_SEEN_AT, DEVICE.PLATFORM).from(DEVICE)
                .where(DEVICE.LAST_SEEN_AT.lt(warnFrom)).and(DEVICE.LAST_SEEN_AT.ge(expired)).and(DEVICE.VERLOOPT_GEMELD_OP.isNull())
                .limit(10_000)
                .fetch();
        int written = 0;
        for (var d : expiring) {
            LocalDate expires = LocalDate.ofInstant(d.value4().toInstant(ZoneOffset.UTC).plus(devices.expireAfter()), Today.DUTCH_TIME);
            written += db.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                tx.update(DEVICE).set(DEVICE.VERLOOPT_GEMELD_OP, utc(now)).where(DEVICE.ID.eq(d.value1())).execute();
                return outbox.write(tx, new Outbox.Message(d.value3(), Topic.APPARAAT, "apparaat/" + d.value2() + "/" + d.value4().toLocalDate(),
                        // a browser (ADR 0049) stays in use by visiting the settings page in it, not by the app
                        nl.bijstandsportaal.account.DeviceService.WEB.equals(d.value5()) ? "notification.device.expiring.web"
                                : "notification.device.expiring", arguments.of(List.of(expires)), null), now).isPresent() ? 1 : 0;
            });
        }
        return written;
    }

    /** Registrations not seen for longer than portal.devices.expire-after are removed: no push goes to them any more. */
    private void removeExpiredDevices(Instant now) {
        int removed = db.deleteFrom(DEVICE).where(DEVICE.LAST_SEEN_AT.lt(utc(now.minus(devices.expireAfter())))).execute();
        if (removed > 0) {
            LOG.info("Removed {} device registrations not seen for {}", removed, devices.expireAfter());
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
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

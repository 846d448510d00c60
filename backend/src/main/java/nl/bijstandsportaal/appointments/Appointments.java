package nl.bijstandsportaal.appointments;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.appointments.AppointmentForm.How;
import nl.bijstandsportaal.appointments.AppointmentForm.Wish;
import nl.bijstandsportaal.notifications.AppointmentReminders;
import nl.bijstandsportaal.notifications.MessageArguments;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.db.generated.tables.records.AfspraakRecord;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK;
import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK_STAP;
import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREK;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREKSVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;

/**
 * Appointments between a consulent and a citizen (ADR 0023). The consulent plans, moves, cancels and, after the time,
 * records whether the citizen came; every step is audited and the citizen is told in the same transaction (Outbox).
 * The citizen confirms, or asks for another time, with one tap, and can ask for a conversation themselves. A citizen
 * only ever reaches their own appointments, a consulent only those of citizens of their municipality; anything else
 * is the same 404 as what does not exist. Reminders are written by the ReminderScheduler.
 */
@Singleton
public class Appointments {

    /** GEPLAND also after a move; the other three are final. */
    public enum Status { GEPLAND, GEANNULEERD, GEWEEST, NIET_GEKOMEN }

    /** The citizen's answer to the current time of a planned appointment. */
    public enum Answer { GEEN, BEVESTIGD, ANDERE_TIJD }

    /** The kinds of step an appointment goes through, as both sides read them in its thread (V20, ADR 0032). */
    public enum StepKind { GEPLAND, VERZET, GEANNULEERD, BEVESTIGD, ANDERE_TIJD, HERINNERD, GEWEEST, NIET_GEKOMEN }

    /**
     * One step of an appointment. {@code by}: the employee's name (null: the citizen or the portal took it);
     * {@code start}/{@code previousStart}: the time after the step and before it (VERZET); {@code how}/{@code place}: as
     * planned or moved; {@code text}: what the citizen wrote (ANDERE_TIJD); {@code reminded}: for NIET_GEKOMEN.
     */
    public record Step(StepKind kind, Instant at, String by, Instant start, Instant previousStart, How how, String place, String text,
                       Boolean reminded) {

        /** The time this step set, in Dutch words ("maandag 30 november 2026 om 10:00"); null when it set none. */
        public Text when() {
            return start == null ? null : whenOf(start);
        }

        public Text previousWhen() {
            return previousStart == null ? null : whenOf(previousStart);
        }

        public boolean byCitizen() {
            return kind == StepKind.BEVESTIGD || kind == StepKind.ANDERE_TIJD;
        }
    }

    /** What the consulent records after the time. */
    public static final List<Status> OUTCOMES = List.of(Status.GEWEEST, Status.NIET_GEKOMEN);

    /**
     * One appointment. {@code place}: the address (KANTOOR), the video link (VIDEO), null (TELEFOON). {@code note}: what
     * the citizen wrote when asking for another time. {@code dayReminderAt}/{@code hourReminderAt}: when the reminders
     * were written; {@code reminded}: for NIET_GEKOMEN, whether a reminder really went out by push or e-mail;
     * {@code thread}: the id of the conversation about it (ADR 0032; null only for a row written outside this class).
     */
    public record Appointment(long id, String publicId, long burgerId, Instant start, int minutes, How how, String place, String about,
                              String bring, Status status, Answer answer, String note, Instant answeredAt, int version,
                              Instant plannedAt, String consulent, Instant dayReminderAt, Instant hourReminderAt, Boolean reminded,
                              boolean started, String thread) {

        public Instant end() {
            return start.plus(Duration.ofMinutes(minutes));
        }

        public LocalDate day() {
            return LocalDate.ofInstant(start, Today.DUTCH_TIME);
        }

        /** "10:00", Dutch time. */
        public String time() {
            return start.atZone(Today.DUTCH_TIME).toLocalTime().toString();
        }

        public String endTime() {
            return end().atZone(Today.DUTCH_TIME).toLocalTime().toString();
        }

        /** "maandag 30 november 2026 om 10:00". */
        public Text when() {
            return whenOf(start);
        }

        /** The citizen can still confirm or ask for another time. */
        public boolean canAnswer() {
            return status == Status.GEPLAND && !started;
        }

        /** The consulent can move or cancel it. */
        public boolean canChange() {
            return status == Status.GEPLAND && !started;
        }

        /** The time has come: the consulent records whether the citizen came. */
        public boolean canRecord() {
            return status == Status.GEPLAND && started;
        }
    }

    /** A conversation the citizen asked for. {@code status}: OPEN, or GEPLAND once the consulent planned one for it. */
    public record ConversationRequest(long id, String publicId, String about, Wish how, String preferred, String status, Instant askedAt) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** A step that cannot be taken on this appointment now (it was cancelled, or its time has passed); says why. */
    public static class NotPossibleException extends RuntimeException {
        private final Text reason;

        NotPossibleException(Text reason) {
            super(reason.key(), null, false, false);
            this.reason = reason;
        }

        public Text reason() {
            return reason;
        }
    }

    private final AccountRepository accounts;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final AuditLog audit;
    private final DSLContext db;
    private final Clock clock;

    Appointments(AccountRepository accounts, Outbox outbox, MessageArguments arguments, AuditLog audit, DSLContext db, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.arguments = arguments;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    /** "maandag 30 november 2026 om 10:00", Dutch time. */
    public static Text whenOf(Instant at) {
        var local = at.atZone(Today.DUTCH_TIME);
        return Text.of("appointment.when", weekday(local.toLocalDate()), local.toLocalDate(), local.toLocalTime().toString());
    }

    public static Text weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case MONDAY -> Text.of("appointment.weekday.MONDAY");
            case TUESDAY -> Text.of("appointment.weekday.TUESDAY");
            case WEDNESDAY -> Text.of("appointment.weekday.WEDNESDAY");
            case THURSDAY -> Text.of("appointment.weekday.THURSDAY");
            case FRIDAY -> Text.of("appointment.weekday.FRIDAY");
            case SATURDAY -> Text.of("appointment.weekday.SATURDAY");
            case SUNDAY -> Text.of("appointment.weekday.SUNDAY");
        };
    }

    // --- the consulent ---

    /**
     * Plans an appointment; messages per field, and then nothing is stored. {@code typed} may name the citizen's
     * request for a conversation it answers ({@code verzoek}): that request is then planned.
     */
    public Map<String, Text> plan(CurrentUser consulent, long burgerId, Map<String, String> typed) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        Instant now = clock.instant();
        AppointmentForm.Checked<AppointmentForm.Plan> checked = AppointmentForm.plan(typed, now);
        if (!checked.ok()) {
            return checked.errors();
        }
        AppointmentForm.Plan plan = checked.value();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String publicId = UUID.randomUUID().toString();
            Long requestId = null;
            String request = typed.getOrDefault("verzoek", "");
            if (!request.isBlank()) {
                requestId = tx.select(GESPREKSVERZOEK.ID).from(GESPREKSVERZOEK).where(GESPREKSVERZOEK.BURGER_ID.eq(citizen.id()))
                        .and(GESPREKSVERZOEK.PUBLIC_ID.eq(request)).and(GESPREKSVERZOEK.STATUS.eq("OPEN")).forUpdate()
                        .fetchOptional(GESPREKSVERZOEK.ID).orElse(null);
                if (requestId != null) {
                    tx.update(GESPREKSVERZOEK).set(GESPREKSVERZOEK.STATUS, "GEPLAND").set(GESPREKSVERZOEK.AFGEHANDELD_OP, utc(now))
                            .where(GESPREKSVERZOEK.ID.eq(requestId)).execute();
                }
            }
            tx.insertInto(AFSPRAAK)
                    .set(AFSPRAAK.PUBLIC_ID, publicId).set(AFSPRAAK.BURGER_ID, citizen.id()).set(AFSPRAAK.MEDEWERKER_ID, consulent.id())
                    .set(AFSPRAAK.BEGINT_OP, utc(plan.start())).set(AFSPRAAK.DUUR_MINUTEN, plan.minutes())
                    .set(AFSPRAAK.VORM, plan.how().name()).set(AFSPRAAK.LOCATIE, plan.place())
                    .set(AFSPRAAK.ONDERWERP, plan.about()).set(AFSPRAAK.MEENEMEN, plan.bring())
                    .set(AFSPRAAK.STATUS, Status.GEPLAND.name()).set(AFSPRAAK.ANTWOORD, Answer.GEEN.name())
                    .set(AFSPRAAK.VERSIE, 1).set(AFSPRAAK.GEPLAND_OP, utc(now)).set(AFSPRAAK.GEWIJZIGD_OP, utc(now))
                    .set(AFSPRAAK.VERZOEK_ID, requestId)
                    .execute();
            long afspraakId = tx.select(AFSPRAAK.ID).from(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(publicId)).fetchSingle(AFSPRAAK.ID);
            AppointmentThreads.open(tx, citizen.id(), afspraakId, now);
            step(tx, afspraakId, StepKind.GEPLAND, now, consulent.id(), plan.start(), null, plan.how(), plan.place(), null, null);
            var local = plan.start().atZone(Today.DUTCH_TIME);
            outbox.write(tx, new Outbox.Message(citizen.id(), Topic.BERICHTEN, "afspraak/" + publicId + "/1/gepland",
                    "notification.appointment.planned", arguments.of(List.of(local.toLocalDate(), local.toLocalTime().toString(), plan.about())),
                    link(publicId), plan.start()), now);
            audit.record(tx, consulent.id(), citizen.id(), "AFSPRAAK_GEPLAND", "Afspraak gepland op " + local.toLocalDateTime() + " (" + plan.how() + ")");
        });
        return Map.of();
    }

    /**
     * Moves an appointment (a new time, and what else the form says): the citizen is asked again to confirm, and gets
     * reminders for the new time. Messages per field; NotPossibleException once it was cancelled or has started.
     */
    public Map<String, Text> move(CurrentUser consulent, long burgerId, String publicId, Map<String, String> typed) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        Instant now = clock.instant();
        AppointmentForm.Checked<AppointmentForm.Plan> checked = AppointmentForm.plan(typed, now);
        if (!checked.ok()) {
            return checked.errors();
        }
        AppointmentForm.Plan plan = checked.value();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AfspraakRecord row = lock(tx, citizen.id(), publicId);
            requireChangeable(row, now);
            Instant before = instant(row.getBegintOp());
            int version = row.getVersie() + 1;
            tx.update(AFSPRAAK)
                    .set(AFSPRAAK.BEGINT_OP, utc(plan.start())).set(AFSPRAAK.DUUR_MINUTEN, plan.minutes())
                    .set(AFSPRAAK.VORM, plan.how().name()).set(AFSPRAAK.LOCATIE, plan.place())
                    .set(AFSPRAAK.ONDERWERP, plan.about()).set(AFSPRAAK.MEENEMEN, plan.bring())
                    .set(AFSPRAAK.ANTWOORD, Answer.GEEN.name()).setNull(AFSPRAAK.ANTWOORD_NOTITIE).setNull(AFSPRAAK.ANTWOORD_OP)
                    .set(AFSPRAAK.VERSIE, version).set(AFSPRAAK.GEWIJZIGD_OP, utc(now))
                    .setNull(AFSPRAAK.HERINNERING_DAG_OP).setNull(AFSPRAAK.HERINNERING_UUR_OP)
                    .where(AFSPRAAK.ID.eq(row.getId())).execute();
            step(tx, row.getId(), StepKind.VERZET, now, consulent.id(), plan.start(), before, plan.how(), plan.place(), null, null);
            var old = before.atZone(Today.DUTCH_TIME);
            var local = plan.start().atZone(Today.DUTCH_TIME);
            outbox.write(tx, new Outbox.Message(citizen.id(), Topic.BERICHTEN, "afspraak/" + publicId + "/" + version + "/verzet",
                    "notification.appointment.moved", arguments.of(List.of(old.toLocalDate(), old.toLocalTime().toString(),
                    local.toLocalDate(), local.toLocalTime().toString())), link(publicId), plan.start()), now);
            audit.record(tx, consulent.id(), citizen.id(), "AFSPRAAK_VERZET", "Afspraak verzet van " + old.toLocalDateTime() + " naar " + local.toLocalDateTime());
        });
        return Map.of();
    }

    /** Calls an appointment off; the citizen is told. Cancelling again changes nothing. */
    public void cancel(CurrentUser consulent, long burgerId, String publicId) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        Instant now = clock.instant();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AfspraakRecord row = lock(tx, citizen.id(), publicId);
            if (Status.GEANNULEERD.name().equals(row.getStatus())) {
                return;
            }
            requireChangeable(row, now);
            tx.update(AFSPRAAK).set(AFSPRAAK.STATUS, Status.GEANNULEERD.name()).set(AFSPRAAK.AFGESLOTEN_OP, utc(now))
                    .where(AFSPRAAK.ID.eq(row.getId())).execute();
            step(tx, row.getId(), StepKind.GEANNULEERD, now, consulent.id(), null, null, null, null, null, null);
            var local = instant(row.getBegintOp()).atZone(Today.DUTCH_TIME);
            outbox.write(tx, new Outbox.Message(citizen.id(), Topic.BERICHTEN, "afspraak/" + publicId + "/geannuleerd",
                    "notification.appointment.cancelled", arguments.of(List.of(local.toLocalDate(), local.toLocalTime().toString())),
                    link(publicId)), now);
            audit.record(tx, consulent.id(), citizen.id(), "AFSPRAAK_GEANNULEERD", "Afspraak van " + local.toLocalDateTime() + " gaat niet door");
        });
    }

    /**
     * After the start: the citizen came (GEWEEST) or did not (NIET_GEKOMEN). A no-show is stored with whether a reminder
     * for this time had really gone out by push or e-mail before the start. The citizen is told. The same outcome again
     * changes nothing.
     */
    public void record(CurrentUser consulent, long burgerId, String publicId, String outcome) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        Status to = OUTCOMES.stream().filter(s -> s.name().equals(outcome)).findFirst()
                .orElseThrow(() -> new NotPossibleException(Text.of("consulent.appointment.error.outcome")));
        Instant now = clock.instant();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AfspraakRecord row = lock(tx, citizen.id(), publicId);
            if (to.name().equals(row.getStatus())) {
                return;
            }
            Instant start = instant(row.getBegintOp());
            if (!Status.GEPLAND.name().equals(row.getStatus()) || now.isBefore(start)) {
                throw new NotPossibleException(Text.of("consulent.appointment.error.notYet"));
            }
            Boolean reminded = to == Status.NIET_GEKOMEN ? reminderWentOut(tx, citizen.id(), publicId, row.getVersie(), start) : null;
            tx.update(AFSPRAAK).set(AFSPRAAK.STATUS, to.name()).set(AFSPRAAK.AFGESLOTEN_OP, utc(now)).set(AFSPRAAK.HERINNERD, reminded)
                    .where(AFSPRAAK.ID.eq(row.getId())).execute();
            step(tx, row.getId(), StepKind.valueOf(to.name()), now, consulent.id(), null, null, null, null, null, reminded);
            var local = start.atZone(Today.DUTCH_TIME);
            String slug = to == Status.GEWEEST ? "geweest" : "niet-gekomen";
            outbox.write(tx, new Outbox.Message(citizen.id(), to == Status.GEWEEST ? Topic.STATUS : Topic.BERICHTEN, "afspraak/" + publicId + "/" + slug,
                    to == Status.GEWEEST ? "notification.appointment.attended" : "notification.appointment.missed",
                    arguments.of(List.of(local.toLocalDate(), local.toLocalTime().toString())), link(publicId)), now);
            audit.record(tx, consulent.id(), citizen.id(), "AFSPRAAK_" + to.name(), "Afspraak van " + local.toLocalDateTime() + ": "
                    + (to == Status.GEWEEST ? "geweest" : "niet gekomen, herinnerd: " + (Boolean.TRUE.equals(reminded) ? "ja" : "nee")));
        });
    }

    /** A reminder of this appointment's current time that a phone or mailbox really got (push or e-mail sent) before it started. */
    private static boolean reminderWentOut(DSLContext tx, long burgerId, String publicId, int version, Instant start) {
        List<String> keys = List.of(AppointmentReminders.key(publicId, version, AppointmentReminders.Stage.DAY_BEFORE),
                AppointmentReminders.key(publicId, version, AppointmentReminders.Stage.HOURS_BEFORE));
        return tx.fetchExists(DSL.selectOne().from(BEZORGING).join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .where(MELDING.BURGER_ID.eq(burgerId)).and(MELDING.SLEUTEL.in(keys))
                .and(BEZORGING.STATUS.eq(Outbox.Delivery.SENT)).and(BEZORGING.VERSTUURD_OP.le(utc(start))));
    }

    public List<Appointment> forConsulent(CurrentUser consulent, long burgerId) {
        List<Appointment> all = appointments(AFSPRAAK.BURGER_ID.eq(accounts.citizenFor(consulent, burgerId).id()));
        all.sort(Comparator.comparing(Appointment::start).reversed());
        return all;
    }

    public Appointment forConsulent(CurrentUser consulent, long burgerId, String publicId) {
        long citizen = accounts.citizenFor(consulent, burgerId).id();
        return appointments(AFSPRAAK.BURGER_ID.eq(citizen).and(AFSPRAAK.PUBLIC_ID.eq(publicId))).stream().findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** The citizen's requests for a conversation, open ones first, newest first. */
    public List<ConversationRequest> requestsForConsulent(CurrentUser consulent, long burgerId) {
        return requests(accounts.citizenFor(consulent, burgerId).id());
    }

    public ConversationRequest requestForConsulent(CurrentUser consulent, long burgerId, String publicId) {
        return requests(accounts.citizenFor(consulent, burgerId).id()).stream().filter(r -> r.publicId().equals(publicId)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    // --- the citizen ---

    /** Coming appointments first (soonest first), then the others (newest first). */
    public List<Appointment> forCitizen(long burgerId) {
        List<Appointment> all = appointments(AFSPRAAK.BURGER_ID.eq(burgerId));
        all.sort(Comparator.comparing((Appointment a) -> !a.canAnswer())
                .thenComparing((a, b) -> a.canAnswer() ? a.start().compareTo(b.start()) : b.start().compareTo(a.start())));
        return all;
    }

    public Appointment forCitizen(long burgerId, String publicId) {
        return appointments(AFSPRAAK.BURGER_ID.eq(burgerId).and(AFSPRAAK.PUBLIC_ID.eq(publicId))).stream().findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** The citizen will come. Confirming again changes nothing. */
    public Appointment confirm(long burgerId, String publicId) {
        return answer(burgerId, publicId, Answer.BEVESTIGD, null);
    }

    /** The citizen asks for another time, with an optional note (which days and times suit them). */
    public Appointment askOtherTime(long burgerId, String publicId, String note) {
        return answer(burgerId, publicId, Answer.ANDERE_TIJD, note);
    }

    private Appointment answer(long burgerId, String publicId, Answer answer, String note) {
        Instant now = clock.instant();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AfspraakRecord row = lock(tx, burgerId, publicId);
            if (!Status.GEPLAND.name().equals(row.getStatus()) || !now.isBefore(instant(row.getBegintOp()))) {
                throw new NotPossibleException(Text.of("appointment.error.closed"));
            }
            if (answer.name().equals(row.getAntwoord()) && java.util.Objects.equals(note, row.getAntwoordNotitie())) {
                return;
            }
            tx.update(AFSPRAAK).set(AFSPRAAK.ANTWOORD, answer.name()).set(AFSPRAAK.ANTWOORD_NOTITIE, note).set(AFSPRAAK.ANTWOORD_OP, utc(now))
                    .where(AFSPRAAK.ID.eq(row.getId())).execute();
            step(tx, row.getId(), StepKind.valueOf(answer.name()), now, null, null, null, null, null, note, null);
        });
        return forCitizen(burgerId, publicId);
    }

    /** Throws NotFoundException when this is not one of the citizen's appointments. */
    public void requireOwn(long burgerId, String publicId) {
        if (!db.fetchExists(AFSPRAAK, AFSPRAAK.BURGER_ID.eq(burgerId).and(AFSPRAAK.PUBLIC_ID.eq(publicId)))) {
            throw new NotFoundException();
        }
    }

    /** The citizen asks for a conversation, in the caller's transaction; it shows on their consulent's file at once. */
    public ConversationRequest askConversation(DSLContext tx, long burgerId, AppointmentForm.Request request) {
        String publicId = UUID.randomUUID().toString();
        // Whole seconds, as the database keeps them: the columns are DATETIME(6), but MySQL Connector/J sends no fractions to
        // MariaDB 10.11 (it announces itself as 5.5.5-10.11, older than fractions). What is answered now must equal what is
        // read back later (ADR 0030).
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        tx.insertInto(GESPREKSVERZOEK).set(GESPREKSVERZOEK.PUBLIC_ID, publicId).set(GESPREKSVERZOEK.BURGER_ID, burgerId)
                .set(GESPREKSVERZOEK.ONDERWERP, request.about()).set(GESPREKSVERZOEK.VORM, request.how().name())
                .set(GESPREKSVERZOEK.VOORKEUR, request.preferred()).set(GESPREKSVERZOEK.STATUS, "OPEN")
                .set(GESPREKSVERZOEK.GEVRAAGD_OP, utc(now)).execute();
        return new ConversationRequest(0, publicId, request.about(), request.how(), request.preferred(), "OPEN", now);
    }

    public ConversationRequest askConversation(long burgerId, AppointmentForm.Request request) {
        return db.transactionResult(cfg -> askConversation(cfg.dsl(), burgerId, request));
    }

    public List<ConversationRequest> requestsForCitizen(long burgerId) {
        return requests(burgerId);
    }

    /** The calendar file of one of the citizen's appointments, with texts in their language. */
    public CalendarFile.Event calendarEvent(Appointment a, String summary, String location, String description, String url) {
        return new CalendarFile.Event(a.publicId() + "@bijstandsportaal", a.version() - 1, a.start(), a.end(), clock.instant(),
                summary, location, description, url, a.status() == Status.GEANNULEERD);
    }

    // --- the thread ---

    /** Appointments by their row ids (for the conversations about them). */
    public Map<Long, Appointment> byIds(List<Long> ids) {
        Map<Long, Appointment> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            appointments(AFSPRAAK.ID.in(ids)).forEach(a -> found.put(a.id(), a));
        }
        return found;
    }

    /** The steps of these appointments, oldest first, by appointment row id. */
    public Map<Long, List<Step>> stepsOf(List<Long> ids) {
        Map<Long, List<Step>> steps = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return steps;
        }
        db.select(AFSPRAAK_STAP.asterisk(), MEDEWERKER.NAAM).from(AFSPRAAK_STAP)
                .leftJoin(MEDEWERKER).on(MEDEWERKER.ID.eq(AFSPRAAK_STAP.MEDEWERKER_ID))
                .where(AFSPRAAK_STAP.AFSPRAAK_ID.in(ids)).orderBy(AFSPRAAK_STAP.OP, AFSPRAAK_STAP.ID)
                .forEach(r -> steps.computeIfAbsent(r.get(AFSPRAAK_STAP.AFSPRAAK_ID), k -> new ArrayList<>()).add(new Step(
                        StepKind.valueOf(r.get(AFSPRAAK_STAP.SOORT)), instant(r.get(AFSPRAAK_STAP.OP)), r.get(MEDEWERKER.NAAM),
                        instant(r.get(AFSPRAAK_STAP.BEGINT_OP)), instant(r.get(AFSPRAAK_STAP.VORIGE_BEGINT_OP)),
                        r.get(AFSPRAAK_STAP.VORM) == null ? null : How.valueOf(r.get(AFSPRAAK_STAP.VORM)), r.get(AFSPRAAK_STAP.LOCATIE),
                        r.get(AFSPRAAK_STAP.TEKST), r.get(AFSPRAAK_STAP.HERINNERD))));
        return steps;
    }

    /** Records a step and moves the appointment's conversation up, in the caller's transaction. */
    private static void step(DSLContext tx, long afspraakId, StepKind kind, Instant now, Long medewerkerId, Instant start, Instant previous,
                             How how, String place, String text, Boolean reminded) {
        tx.insertInto(AFSPRAAK_STAP).set(AFSPRAAK_STAP.AFSPRAAK_ID, afspraakId).set(AFSPRAAK_STAP.SOORT, kind.name())
                .set(AFSPRAAK_STAP.OP, utc(now)).set(AFSPRAAK_STAP.MEDEWERKER_ID, medewerkerId)
                .set(AFSPRAAK_STAP.BEGINT_OP, start == null ? null : utc(start)).set(AFSPRAAK_STAP.VORIGE_BEGINT_OP, previous == null ? null : utc(previous))
                .set(AFSPRAAK_STAP.VORM, how == null ? null : how.name()).set(AFSPRAAK_STAP.LOCATIE, place)
                .set(AFSPRAAK_STAP.TEKST, text).set(AFSPRAAK_STAP.HERINNERD, reminded).execute();
        AppointmentThreads.moved(tx, afspraakId, now);
    }

    // --- reading ---

    private List<Appointment> appointments(Condition which) {
        Instant now = clock.instant();
        List<Appointment> all = new ArrayList<>();
        for (var r : db.select(AFSPRAAK.asterisk(), MEDEWERKER.NAAM, GESPREK.PUBLIC_ID).from(AFSPRAAK)
                .join(MEDEWERKER).on(MEDEWERKER.ID.eq(AFSPRAAK.MEDEWERKER_ID))
                .leftJoin(GESPREK).on(GESPREK.AFSPRAAK_ID.eq(AFSPRAAK.ID))
                .where(which).fetch()) {
            Instant start = instant(r.get(AFSPRAAK.BEGINT_OP));
            all.add(new Appointment(r.get(AFSPRAAK.ID), r.get(AFSPRAAK.PUBLIC_ID), r.get(AFSPRAAK.BURGER_ID), start, r.get(AFSPRAAK.DUUR_MINUTEN),
                    How.valueOf(r.get(AFSPRAAK.VORM)), r.get(AFSPRAAK.LOCATIE), r.get(AFSPRAAK.ONDERWERP), r.get(AFSPRAAK.MEENEMEN),
                    Status.valueOf(r.get(AFSPRAAK.STATUS)), Answer.valueOf(r.get(AFSPRAAK.ANTWOORD)), r.get(AFSPRAAK.ANTWOORD_NOTITIE),
                    instant(r.get(AFSPRAAK.ANTWOORD_OP)), r.get(AFSPRAAK.VERSIE), instant(r.get(AFSPRAAK.GEPLAND_OP)), r.get(MEDEWERKER.NAAM),
                    instant(r.get(AFSPRAAK.HERINNERING_DAG_OP)), instant(r.get(AFSPRAAK.HERINNERING_UUR_OP)), r.get(AFSPRAAK.HERINNERD),
                    !now.isBefore(start), r.get(GESPREK.PUBLIC_ID)));
        }
        return all;
    }

    private List<ConversationRequest> requests(long burgerId) {
        List<ConversationRequest> all = db.selectFrom(GESPREKSVERZOEK).where(GESPREKSVERZOEK.BURGER_ID.eq(burgerId)).fetch(r ->
                new ConversationRequest(r.getId(), r.getPublicId(), r.getOnderwerp(), Wish.valueOf(r.getVorm()), r.getVoorkeur(), r.getStatus(),
                        instant(r.getGevraagdOp())));
        List<ConversationRequest> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((ConversationRequest r) -> !r.open()).thenComparing(ConversationRequest::askedAt, Comparator.reverseOrder()));
        return sorted;
    }

    private static AfspraakRecord lock(DSLContext tx, long burgerId, String publicId) {
        return tx.selectFrom(AFSPRAAK).where(AFSPRAAK.BURGER_ID.eq(burgerId)).and(AFSPRAAK.PUBLIC_ID.eq(publicId))
                .forUpdate().fetchOptional().orElseThrow(NotFoundException::new);
    }

    private static void requireChangeable(AfspraakRecord row, Instant now) {
        if (!Status.GEPLAND.name().equals(row.getStatus()) || !now.isBefore(instant(row.getBegintOp()))) {
            throw new NotPossibleException(Text.of("consulent.appointment.error.closed"));
        }
    }

    static String link(String publicId) {
        return "/afspraken/" + publicId;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static ZonedDateTime dutch(Instant instant) {
        return instant.atZone(Today.DUTCH_TIME);
    }
}

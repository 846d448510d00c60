package nl.bijstandsportaal.documents;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.notifications.MessageArguments;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.platform.web.Download;
import nl.bijstandsportaal.platform.web.NotFoundException;
import nl.bijstandsportaal.platform.db.generated.tables.records.DocumentverzoekRecord;
import nl.bijstandsportaal.platform.uploads.Upload;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.platform.security.CurrentUser;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AANVRAAG;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_STAP;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;

/**
 * Documents a consulent asks a citizen for (what, why, by when), and the files the citizen sends for them. Asking
 * and closing a request put a message in the citizen's inbox (with push and e-mail) in the same transaction, and
 * are audited; so is every file the consulent opens. Reminders before and after the deadline are written by the
 * ReminderScheduler while a request is open. A citizen only ever reaches their own requests, a consulent only
 * those of citizens of their municipality; anything else is the same 404 as what does not exist.
 */
@Singleton
public class DocumentRequests {

    /** More files than this for one request is not a document any more; the citizen is asked to call. */
    public static final int MAX_FILES = 10;

    public enum Status {
        OPEN, GESTUURD, AFGEROND, INGETROKKEN;

        /** Files can still be added. */
        public boolean canSend() {
            return this == OPEN || this == GESTUURD;
        }
    }

    /**
     * Why the request exists. LOS: the consulent asked on its own; BEWIJS: on the proof list of an application (asked by
     * the portal when it was sent); HERSTEL: the consulent asks to complete an application, which stops its decision
     * clock until the first file arrives or the last day passes (Awb 4:5, 4:15).
     */
    public enum Soort { LOS, BEWIJS, HERSTEL }

    /** The steps a consulent can take on a request that is not closed yet. */
    public static final List<Status> CLOSING = List.of(Status.AFGEROND, Status.INGETROKKEN);

    /**
     * A request, with the files sent for it. {@code late}: the last day has passed and nothing was sent; {@code askedBy}:
     * the consulent (null when the portal asked, for an application's proof); {@code aanvraag}/{@code kenmerk}: the
     * application it belongs to (null for a request on its own).
     */
    public record DocumentRequest(long id, String publicId, String what, String why, LocalDate deadline, Status status,
                                  Instant askedAt, Instant sentAt, Instant closedAt, String askedBy, List<SentFile> files,
                                  boolean late, Soort soort, String aanvraag, String kenmerk, List<Step> steps) {

        /**
         * What the consulent's page saw of the files: how many there are plus how many the citizen deleted (ADR 0055), so
         * a file deleted and another sent between her page and her click is noticed too. Sent back as "bestanden".
         */
        public int filesSeen() {
            return files.size() + (int) steps.stream().filter(s -> s.kind() == StepKind.FILE_DELETED).count();
        }

        /** The consulent's words of the last "not good enough", while the citizen still has to send again; else null. */
        public Step sendAgain() {
            if (status != Status.OPEN || steps.isEmpty()) {
                return null;
            }
            Step last = steps.stream().filter(s -> s.kind() == StepKind.NOT_GOOD_ENOUGH || s.kind() == StepKind.ASKED)
                    .reduce((a, b) -> b).orElse(null);
            return last != null && last.kind() == StepKind.NOT_GOOD_ENOUGH ? last : null;
        }
    }

    /**
     * A file the citizen sent (without its content). {@code notGoodEnoughAt}: when the consulent found it not good enough
     * and asked again (null: not so). {@code deletable}: the citizen may still delete it (ADR 0055, {@link #deleteFile}).
     */
    public record SentFile(long id, String publicId, String name, String contentType, int size, Instant addedAt, Instant notGoodEnoughAt,
                           boolean deletable) {
        public boolean notGoodEnough() {
            return notGoodEnoughAt != null;
        }
    }

    /**
     * Whether a file the citizen sent is still hers to take back (ADR 0055): the consulent has not handled it. Handled
     * is: the request is closed (AFGEROND, INGETROKKEN), the file was found not good enough, the request is one to complete
     * an application (its first file restarted the legal decision term, Awb 4:15, which taking it back cannot undo), or
     * the application it is proof for has been decided.
     */
    static boolean deletable(Status status, Soort soort, boolean applicationDecided, boolean notGoodEnough) {
        return status.canSend() && soort != Soort.HERSTEL && !applicationDecided && !notGoodEnough;
    }

    /** What deleting a file did: DELETED, or HANDLED (the consulent has handled it; nothing changed). */
    public enum Deleted { DELETED, HANDLED }

    /** What happened to a request, in the order it happened (documentverzoek_stap). */
    public enum StepKind {
        ASKED("GEVRAAGD"), FILE_SENT("BESTAND_GESTUURD"), EXTENDED("VERLENGD"), NOT_GOOD_ENOUGH("NIET_GOED_GENOEG"), DONE("AFGEROND"),
        WITHDRAWN("INGETROKKEN"), FILE_DELETED("BESTAND_VERWIJDERD");

        private final String api;

        StepKind(String api) {
            this.api = api;
        }

        /** The step's name in the app's API, in Dutch as the rest of it (ADR 0048); {@link #name()} stays as stored. */
        public String api() {
            return api;
        }
    }

    /**
     * One step of a request. {@code requestId}/{@code what}: the request's public id and what was asked; {@code by}: the
     * employee who took it (null: the citizen sent a file, or the portal took it); {@code text}: the words for the
     * citizen (the reason for more time, what was wrong; null: none); {@code oldDeadline}/{@code newDeadline}: the last
     * day before and after it (ASKED: only the new one); {@code fileName}: the file sent (FILE_SENT) or deleted by the
     * citizen (FILE_DELETED).
     */
    public record Step(long id, String requestId, String what, StepKind kind, Instant at, String by, String text,
                       LocalDate oldDeadline, LocalDate newDeadline, String fileName) {
    }

    /** What a step on an open request did: DONE, or the messages per field (then nothing is stored). */
    public record StepResult(Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The form's starting values for a citizen: today's default deadline, and the earliest one allowed. */
    public record Defaults(LocalDate deadline, LocalDate earliest, int minimumDays) {
    }

    /** A file cannot be added: the request is closed, or it has {@link #MAX_FILES} already. */
    public static class CannotSendException extends RuntimeException {
        private final Text reason;

        CannotSendException(Text reason) {
            super(reason.key(), null, false, false);
            this.reason = reason;
        }

        public Text reason() {
            return reason;
        }
    }

    private final AccountRepository accounts;
    private final RulesService rules;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final AuditLog audit;
    private final DSLContext db;
    private final nl.bijstandsportaal.platform.atrest.DataKeys keys;
    private final Clock clock;

    DocumentRequests(AccountRepository accounts, RulesService rules, Outbox outbox, MessageArguments arguments, AuditLog audit,
                     DSLContext db, Clock clock, nl.bijstandsportaal.platform.atrest.DataKeys keys) {
        this.keys = keys;
        this.accounts = accounts;
        this.rules = rules;
        this.outbox = outbox;
        this.arguments = arguments;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    // --- the consulent ---

    public Defaults defaults(CurrentUser consulent, long burgerId) {
        return defaults(accounts.citizenFor(consulent, burgerId));
    }

    private Defaults defaults(CitizenProfile citizen) {
        LocalDate today = Today.in(clock);
        var book = rules.book();
        String gemeente = citizen.gemeente().code();
        int days = book.value(RuleKey.DOCUMENTVERZOEK_TERMIJN_DAGEN, gemeente, today).intValueExact();
        int minimum = book.value(RuleKey.DOCUMENTVERZOEK_MINIMUM_TERMIJN_DAGEN, gemeente, today).intValueExact();
        return new Defaults(today.plusDays(Math.max(days, minimum)), today.plusDays(minimum), minimum);
    }

    /** Asks the citizen for a document; messages per field (wat, waarom, uiterlijk), and then nothing is stored. */
    public Map<String, Text> ask(CurrentUser consulent, long burgerId, Map<String, String> typed) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        DocumentRequestForm.Checked checked = DocumentRequestForm.check(typed, Today.in(clock), defaults(citizen).minimumDays());
        if (!checked.ok()) {
            return checked.errors();
        }
        db.transaction(tx -> insert(tx.dsl(), citizen.id(), consulent.id(), checked.request(), null, Soort.LOS));
        return Map.of();
    }

    /** The messages per field a request would get, without storing it (the consulent first checks how readable it is). */
    public Map<String, Text> checkRequest(CurrentUser consulent, long burgerId, Map<String, String> typed) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        return DocumentRequestForm.check(typed, Today.in(clock), defaults(citizen).minimumDays()).errors();
    }

    /**
     * Asks the citizen to complete an application (hersteltermijn), in the caller's transaction: the same form, message
     * and reminders as any request, linked to the application. Messages per field, and then nothing is stored.
     */
    public Map<String, Text> askToComplete(DSLContext tx, CurrentUser consulent, long burgerId, long aanvraagId, Map<String, String> typed) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        DocumentRequestForm.Checked checked = DocumentRequestForm.check(typed, Today.in(clock), defaults(citizen).minimumDays());
        if (!checked.ok()) {
            return checked.errors();
        }
        insert(tx, citizen.id(), consulent.id(), checked.request(), aanvraagId, Soort.HERSTEL);
        return Map.of();
    }

    /**
     * The proof list of an application just sent, in the caller's transaction: one request per item (asked by the
     * portal), due by the municipality's usual document term, so the citizen can send each now or later and is
     * reminded while one is missing. One inbox message says what to send.
     */
    public void askProof(DSLContext tx, long burgerId, String gemeente, long aanvraagId, List<String> items, String why) {
        if (items.isEmpty()) {
            return;
        }
        LocalDate today = Today.in(clock);
        var book = rules.book();
        int days = Math.max(book.value(RuleKey.DOCUMENTVERZOEK_TERMIJN_DAGEN, gemeente, today).intValueExact(),
                book.value(RuleKey.DOCUMENTVERZOEK_MINIMUM_TERMIJN_DAGEN, gemeente, today).intValueExact());
        for (String item : items) {
            String publicId = UUID.randomUUID().toString();
            tx.insertInto(DOCUMENTVERZOEK)
                    .set(DOCUMENTVERZOEK.PUBLIC_ID, publicId).set(DOCUMENTVERZOEK.BURGER_ID, burgerId)
                    .set(DOCUMENTVERZOEK.WAT, item).set(DOCUMENTVERZOEK.WAAROM, why).set(DOCUMENTVERZOEK.UITERLIJK, today.plusDays(days))
                    .set(DOCUMENTVERZOEK.STATUS, Status.OPEN.name()).set(DOCUMENTVERZOEK.GEVRAAGD_OP, utc(clock.instant()))
                    .set(DOCUMENTVERZOEK.AANVRAAG_ID, aanvraagId).set(DOCUMENTVERZOEK.SOORT, Soort.BEWIJS.name())
                    .execute();
            long requestId = idOf(tx, publicId);
            RequestThreads.open(tx, burgerId, requestId, clock.instant());
            step(tx, requestId, StepKind.ASKED, clock.instant(), null, null, null, today.plusDays(days), null);
        }
    }

    /**
     * An application is decided: what it still waited for is not needed any more. Open requests of it are withdrawn in
     * the caller's transaction (the reminders stop); files already sent stay as they are. The decision's own message
     * tells the citizen.
     */
    public void withdrawForApplication(DSLContext tx, long aanvraagId) {
        Instant now = clock.instant();
        tx.insertInto(DOCUMENTVERZOEK_STAP, DOCUMENTVERZOEK_STAP.VERZOEK_ID, DOCUMENTVERZOEK_STAP.SOORT, DOCUMENTVERZOEK_STAP.OP)
                .select(tx.select(DOCUMENTVERZOEK.ID, org.jooq.impl.DSL.val(StepKind.WITHDRAWN.name()), org.jooq.impl.DSL.val(utc(now)))
                        .from(DOCUMENTVERZOEK)
                        .where(DOCUMENTVERZOEK.AANVRAAG_ID.eq(aanvraagId).and(DOCUMENTVERZOEK.STATUS.eq(Status.OPEN.name()))))
                .execute();
        tx.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.STATUS, Status.INGETROKKEN.name()).set(DOCUMENTVERZOEK.AFGEROND_OP, utc(now))
                .where(DOCUMENTVERZOEK.AANVRAAG_ID.eq(aanvraagId).and(DOCUMENTVERZOEK.STATUS.eq(Status.OPEN.name()))).execute();
    }

    private void insert(DSLContext t, long burgerId, long medewerkerId, DocumentRequestForm.Request request, Long aanvraagId, Soort soort) {
        Instant now = clock.instant();
        String publicId = UUID.randomUUID().toString();
        t.insertInto(DOCUMENTVERZOEK)
                .set(DOCUMENTVERZOEK.PUBLIC_ID, publicId).set(DOCUMENTVERZOEK.BURGER_ID, burgerId)
                .set(DOCUMENTVERZOEK.MEDEWERKER_ID, medewerkerId).set(DOCUMENTVERZOEK.WAT, request.what())
                .set(DOCUMENTVERZOEK.WAAROM, request.why()).set(DOCUMENTVERZOEK.UITERLIJK, request.deadline())
                .set(DOCUMENTVERZOEK.STATUS, Status.OPEN.name()).set(DOCUMENTVERZOEK.GEVRAAGD_OP, utc(now))
                .set(DOCUMENTVERZOEK.AANVRAAG_ID, aanvraagId).set(DOCUMENTVERZOEK.SOORT, soort.name())
                .execute();
        long requestId = idOf(t, publicId);
        RequestThreads.open(t, burgerId, requestId, now);
        step(t, requestId, StepKind.ASKED, now, medewerkerId, null, null, request.deadline(), null);
        String text = soort == Soort.HERSTEL ? "notification.document.herstel" : "notification.document.asked";
        outbox.write(t, new Outbox.Message(burgerId, Topic.DOCUMENTEN, "document/" + publicId + "/gevraagd",
                text, arguments.of(List.of(request.what(), request.deadline())), link(publicId)), now);
        audit.record(t, medewerkerId, burgerId, soort == Soort.HERSTEL ? "AANVRAAG_HERSTEL" : "DOCUMENT_GEVRAAGD",
                (soort == Soort.HERSTEL ? "Aanvulling op aanvraag gevraagd" : "Document gevraagd") + ", uiterlijk " + request.deadline());
    }

    /** This citizen's requests as their consulent sees them, newest first. */
    public List<DocumentRequest> forConsulent(CurrentUser consulent, long burgerId) {
        List<DocumentRequest> requests = requests(DOCUMENTVERZOEK.BURGER_ID.eq(accounts.citizenFor(consulent, burgerId).id()));
        requests.sort(Comparator.comparing(DocumentRequest::askedAt).reversed());
        return requests;
    }

    /** What closing a request did. NEW_FILES: the citizen sent a file the consulent's page did not show yet. */
    public enum Closed { DONE, NOT_POSSIBLE, NEW_FILES }

    /**
     * The consulent closes a request: AFGEROND (they have what they need) or INGETROKKEN (no longer needed). The
     * citizen is told. Closing it again with the same step changes nothing. {@code filesSeen}: how many files the
     * consulent's page showed (null: not known); when the citizen has sent more since, nothing is closed.
     */
    public Closed close(CurrentUser consulent, long burgerId, String publicId, String step, Integer filesSeen) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        Status to = CLOSING.stream().filter(s -> s.name().equals(step)).findFirst().orElse(null);
        if (to == null) {
            return Closed.NOT_POSSIBLE;
        }
        Instant now = clock.instant();
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            DocumentverzoekRecord request = t.selectFrom(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.BURGER_ID.eq(citizen.id()))
                    .and(DOCUMENTVERZOEK.PUBLIC_ID.eq(publicId)).forUpdate().fetchOptional().orElseThrow(NotFoundException::new);
            Status from = Status.valueOf(request.getStatus());
            if (from == to) {
                return Closed.DONE;
            }
            if (!from.canSend()) {
                return Closed.NOT_POSSIBLE;
            }
            if (filesSeen != null && filesNow(t, request.getId()) != filesSeen) {
                return Closed.NEW_FILES;
            }
            t.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.STATUS, to.name()).set(DOCUMENTVERZOEK.AFGEROND_OP, utc(now))
                    .where(DOCUMENTVERZOEK.ID.eq(request.getId())).execute();
            step(t, request.getId(), to == Status.AFGEROND ? StepKind.DONE : StepKind.WITHDRAWN, now, consulent.id(), null,
                    null, null, null);
            // Done is news about what the citizen sent; withdrawn is about a document they no longer need to find.
            String text = "notification.document." + to.name() + (request.getGestuurdOp() == null ? ".nothingSent" : "");
            outbox.write(t, new Outbox.Message(citizen.id(), to == Status.AFGEROND ? Topic.STATUS : Topic.DOCUMENTEN,
                    "document/" + publicId + "/" + to.name().toLowerCase(java.util.Locale.ROOT), text,
                    arguments.of(List.of(request.getWat())), link(publicId)), now);
            audit.record(t, consulent.id(), citizen.id(), "DOCUMENTVERZOEK_" + to.name(), "Documentverzoek " + to.name().toLowerCase(java.util.Locale.ROOT));
            return Closed.DONE;
        });
    }

    /**
     * One request with what the consulent can do next: the earliest later last day, and the last day offered when asking
     * again (the municipality's usual term). Opening it is audited, like the file it is part of.
     */
    public record ConsulentView(CitizenProfile citizen, DocumentRequest request, LocalDate earliestExtension, LocalDate againDefault,
                                int minimumDays) {
    }

    public ConsulentView forConsulent(CurrentUser consulent, long burgerId, String publicId) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        DocumentRequest request = requests(DOCUMENTVERZOEK.BURGER_ID.eq(citizen.id()).and(DOCUMENTVERZOEK.PUBLIC_ID.eq(publicId))).stream()
                .findFirst().orElseThrow(NotFoundException::new);
        Defaults defaults = defaults(citizen);
        audit.record(consulent.id(), citizen.id(), "DOCUMENTVERZOEK_BEKEKEN", "Documentverzoek geopend");
        return new ConsulentView(citizen, request,
                DocumentStepForm.earliestExtension(request.deadline(), Today.in(clock), defaults.minimumDays()), defaults.deadline(),
                defaults.minimumDays());
    }

    /**
     * "Meer tijd geven": a later last day for a request that is still open (nothing sent in this round), with an optional
     * reason for the citizen. The reminders follow the new day (a new round, so a reminder already sent for the old day
     * does not stop the one for the new day). For a request to complete an application the clock stays still until the
     * new day or the first file (Termijnen.herstel). The citizen is told; audited. Messages per field, then nothing is stored.
     */
    public StepResult extend(CurrentUser consulent, long burgerId, String publicId, Map<String, String> typed, boolean onlyCheck) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        LocalDate today = Today.in(clock);
        int minimum = defaults(citizen).minimumDays();
        Instant now = clock.instant();
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            DocumentverzoekRecord request = lock(t, citizen.id(), publicId);
            if (Status.valueOf(request.getStatus()) != Status.OPEN) {
                return new StepResult(Map.of(DocumentStepForm.EXTEND_DATE, Text.of("consulent.document.extend.error.notOpen")));
            }
            DocumentStepForm.Checked checked = DocumentStepForm.extension(typed, request.getUiterlijk(), today, minimum);
            if (!checked.ok() || onlyCheck) {
                return new StepResult(checked.errors());
            }
            t.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.UITERLIJK, checked.deadline())
                    .set(DOCUMENTVERZOEK.RONDE, DOCUMENTVERZOEK.RONDE.plus(1)).set(DOCUMENTVERZOEK.RONDE_SINDS, utc(now))
                    .where(DOCUMENTVERZOEK.ID.eq(request.getId())).execute();
            long stepId = step(t, request.getId(), StepKind.EXTENDED, now, consulent.id(), checked.text(), request.getUiterlijk(),
                    checked.deadline(), null);
            outbox.write(t, new Outbox.Message(citizen.id(), Topic.DOCUMENTEN, stepKey(publicId, stepId),
                    checked.text() == null ? "notification.document.extended" : "notification.document.extended.reason",
                    arguments.of(List.of(request.getWat(), checked.deadline())), link(publicId)), now);
            audit.record(t, consulent.id(), citizen.id(), "DOCUMENTVERZOEK_VERLENGD",
                    "Termijn documentverzoek verlengd van " + request.getUiterlijk() + " tot " + checked.deadline());
            return new StepResult(Map.of());
        });
    }

    /**
     * "Niet goed genoeg": what the citizen sent does not do; they are told what is wrong and what to send instead, by a
     * new last day. The request is open again (reminders start again for the new day); the files sent stay, marked as
     * not good enough. For a request to complete an application this is a new request to complete: a new pause of the
     * clock from the day after it (Termijnen.herstel). {@code filesSeen}: how many files the consulent's page showed
     * (null: not known); when the citizen has sent more since, nothing changes. Audited; messages per field.
     */
    public StepResult askAgain(CurrentUser consulent, long burgerId, String publicId, Map<String, String> typed, Integer filesSeen,
                               boolean onlyCheck) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        LocalDate today = Today.in(clock);
        int minimum = defaults(citizen).minimumDays();
        Instant now = clock.instant();
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            DocumentverzoekRecord request = lock(t, citizen.id(), publicId);
            if (Status.valueOf(request.getStatus()) != Status.GESTUURD) {
                return new StepResult(Map.of(DocumentStepForm.AGAIN_TEXT, Text.of("consulent.document.again.error.notSent")));
            }
            if (filesSeen != null && filesNow(t, request.getId()) != filesSeen) {
                return new StepResult(Map.of(DocumentStepForm.AGAIN_TEXT, Text.of("consulent.document.again.error.newFiles")));
            }
            DocumentStepForm.Checked checked = DocumentStepForm.again(typed, today, minimum);
            if (!checked.ok() || onlyCheck) {
                return new StepResult(checked.errors());
            }
            t.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.STATUS, Status.OPEN.name()).setNull(DOCUMENTVERZOEK.GESTUURD_OP)
                    .set(DOCUMENTVERZOEK.UITERLIJK, checked.deadline())
                    .set(DOCUMENTVERZOEK.RONDE, DOCUMENTVERZOEK.RONDE.plus(1)).set(DOCUMENTVERZOEK.RONDE_SINDS, utc(now))
                    .where(DOCUMENTVERZOEK.ID.eq(request.getId())).execute();
            t.update(DOCUMENTVERZOEK_BIJLAGE).set(DOCUMENTVERZOEK_BIJLAGE.AFGEKEURD_OP, utc(now))
                    .where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request.getId())).and(DOCUMENTVERZOEK_BIJLAGE.AFGEKEURD_OP.isNull()).execute();
            long stepId = step(t, request.getId(), StepKind.NOT_GOOD_ENOUGH, now, consulent.id(), checked.text(), request.getUiterlijk(),
                    checked.deadline(), null);
            outbox.write(t, new Outbox.Message(citizen.id(), Topic.DOCUMENTEN, stepKey(publicId, stepId), "notification.document.notGoodEnough",
                    arguments.of(List.of(request.getWat(), checked.deadline())), link(publicId)), now);
            audit.record(t, consulent.id(), citizen.id(), "DOCUMENTVERZOEK_NIET_GOED_GENOEG",
                    "Documentverzoek opnieuw gevraagd, uiterlijk " + checked.deadline());
            return new StepResult(Map.of());
        });
    }

    /** The files of a request now plus the ones the citizen deleted: what {@link DocumentRequest#filesSeen()} counted. */
    private static int filesNow(DSLContext t, long requestId) {
        return t.fetchCount(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(requestId))
                + t.fetchCount(DOCUMENTVERZOEK_STAP, DOCUMENTVERZOEK_STAP.VERZOEK_ID.eq(requestId)
                        .and(DOCUMENTVERZOEK_STAP.SOORT.eq(StepKind.FILE_DELETED.name())));
    }

    private static DocumentverzoekRecord lock(DSLContext t, long burgerId, String publicId) {
        return t.selectFrom(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.BURGER_ID.eq(burgerId))
                .and(DOCUMENTVERZOEK.PUBLIC_ID.eq(publicId)).forUpdate().fetchOptional().orElseThrow(NotFoundException::new);
    }

    /** The event of a step the citizen hears about: one message per step. */
    static String stepKey(String publicId, long stepId) {
        return "document/" + publicId + "/stap/" + stepId;
    }

    /**
     * All steps of all requests of a citizen, newest first, each with its request's public id and what was asked: for a
     * timeline of the citizen's file. The caller has checked that the citizen is the one asking, or in the consulent's
     * municipality.
     */
    public List<Step> stepsOf(long burgerId) {
        List<Step> all = new ArrayList<>();
        steps(DOCUMENTVERZOEK.BURGER_ID.eq(burgerId)).values().forEach(all::addAll);
        all.sort(Comparator.comparing(Step::at).thenComparing(Step::id).reversed());
        return all;
    }

    /** The id of the conversation about one of the citizen's requests (null: none). */
    public String threadOf(long burgerId, String requestPublicId) {
        return RequestThreads.of(db, burgerId, requestPublicId);
    }

    /** The steps of these requests (internal ids), oldest first per request: for the conversation about each. */
    public Map<Long, List<Step>> stepsOfRequests(java.util.Collection<Long> requestIds) {
        return steps(DOCUMENTVERZOEK.ID.in(requestIds));
    }

    /** A file the citizen sent, for the citizen herself (the app, by its public id); another citizen's: not found. */
    public Download ownFile(long burgerId, String requestPublicId, String filePublicId) {
        return db.select(DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM, DOCUMENTVERZOEK_BIJLAGE.CONTENT_TYPE, DOCUMENTVERZOEK_BIJLAGE.INHOUD)
                .from(DOCUMENTVERZOEK_BIJLAGE).join(DOCUMENTVERZOEK).on(DOCUMENTVERZOEK.ID.eq(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID))
                .where(DOCUMENTVERZOEK_BIJLAGE.PUBLIC_ID.eq(filePublicId)).and(DOCUMENTVERZOEK.PUBLIC_ID.eq(requestPublicId))
                .and(DOCUMENTVERZOEK.BURGER_ID.eq(burgerId))
                .fetchOptional(r -> new Download(r.value1(), r.value2(), nl.bijstandsportaal.platform.atrest.AtRestColumns.REQUESTED_DOCUMENT.open(keys, r.value3())))
                .orElseThrow(NotFoundException::new);
    }

    /**
     * The citizen deletes a file she sent (web and app alike, ADR 0055), while the consulent has not handled it
     * ({@link #deletable}): the row and its (encrypted) bytes go, a step FILE_DELETED with the file's name shows on both
     * sides' timelines. When no file is left that still counts, the request is not sent any more: OPEN again, so the
     * citizen's status, the reminders and the consulent's work list say so; otherwise "sent on" is the first file left.
     * Not the citizen's request or file: NotFoundException.
     */
    public Deleted deleteFile(long burgerId, String requestPublicId, String filePublicId) {
        Instant now = clock.instant();
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            DocumentverzoekRecord request = lock(t, burgerId, requestPublicId);
            var file = t.select(DOCUMENTVERZOEK_BIJLAGE.ID, DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM, DOCUMENTVERZOEK_BIJLAGE.AFGEKEURD_OP)
                    .from(DOCUMENTVERZOEK_BIJLAGE).where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request.getId()))
                    .and(DOCUMENTVERZOEK_BIJLAGE.PUBLIC_ID.eq(filePublicId)).forUpdate().fetchOptional().orElseThrow(NotFoundException::new);
            boolean decided = request.getAanvraagId() != null && t.fetchExists(AANVRAAG,
                    AANVRAAG.ID.eq(request.getAanvraagId()).and(AANVRAAG.BESLOTEN_OP.isNotNull()));
            if (!deletable(Status.valueOf(request.getStatus()), Soort.valueOf(request.getSoort()), decided, file.value3() != null)) {
                return Deleted.HANDLED;
            }
            t.deleteFrom(DOCUMENTVERZOEK_BIJLAGE).where(DOCUMENTVERZOEK_BIJLAGE.ID.eq(file.value1())).execute();
            step(t, request.getId(), StepKind.FILE_DELETED, now, null, null, null, null, null, file.value2());
            LocalDateTime firstLeft = t.select(org.jooq.impl.DSL.min(DOCUMENTVERZOEK_BIJLAGE.TOEGEVOEGD_OP)).from(DOCUMENTVERZOEK_BIJLAGE)
                    .where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request.getId())).and(DOCUMENTVERZOEK_BIJLAGE.AFGEKEURD_OP.isNull())
                    .fetchOne().value1();
            if (Status.valueOf(request.getStatus()) == Status.GESTUURD) {
                if (firstLeft == null) {
                    t.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.STATUS, Status.OPEN.name()).setNull(DOCUMENTVERZOEK.GESTUURD_OP)
                            .where(DOCUMENTVERZOEK.ID.eq(request.getId())).execute();
                } else {
                    t.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.GESTUURD_OP, firstLeft)
                            .where(DOCUMENTVERZOEK.ID.eq(request.getId())).execute();
                }
            }
            return Deleted.DELETED;
        });
    }

    /** A file the citizen sent, for the consulent to open. Audited. */
    public Download file(CurrentUser consulent, long burgerId, long fileId) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        Download file = db.select(DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM, DOCUMENTVERZOEK_BIJLAGE.CONTENT_TYPE, DOCUMENTVERZOEK_BIJLAGE.INHOUD)
                .from(DOCUMENTVERZOEK_BIJLAGE).join(DOCUMENTVERZOEK).on(DOCUMENTVERZOEK.ID.eq(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID))
                .where(DOCUMENTVERZOEK_BIJLAGE.ID.eq(fileId)).and(DOCUMENTVERZOEK.BURGER_ID.eq(citizen.id()))
                .fetchOptional(r -> new Download(r.value1(), r.value2(), nl.bijstandsportaal.platform.atrest.AtRestColumns.REQUESTED_DOCUMENT.open(keys, r.value3())))
                .orElseThrow(NotFoundException::new);
        audit.record(consulent.id(), citizen.id(), "DOCUMENT_BEKEKEN", "Gestuurd document geopend");
        return file;
    }

    // --- the citizen ---

    /** The citizen's requests: open ones first (nearest deadline first), then the others, newest first. */
    public List<DocumentRequest> forCitizen(long burgerId) {
        List<DocumentRequest> requests = requests(DOCUMENTVERZOEK.BURGER_ID.eq(burgerId));
        requests.sort(Comparator.comparing((DocumentRequest r) -> !r.status().canSend())
                .thenComparing((a, b) -> a.status().canSend() ? a.deadline().compareTo(b.deadline()) : b.askedAt().compareTo(a.askedAt())));
        return requests;
    }

    public DocumentRequest forCitizen(long burgerId, String publicId) {
        return requests(DOCUMENTVERZOEK.BURGER_ID.eq(burgerId).and(DOCUMENTVERZOEK.PUBLIC_ID.eq(publicId))).stream().findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /**
     * The requests of one application, in the order they were asked. The caller has checked that the application is
     * the citizen's own, or in the consulent's municipality.
     */
    public List<DocumentRequest> forApplication(long aanvraagId) {
        List<DocumentRequest> requests = requests(DOCUMENTVERZOEK.AANVRAAG_ID.eq(aanvraagId));
        requests.sort(Comparator.comparing(DocumentRequest::askedAt).thenComparing(DocumentRequest::id));
        return requests;
    }

    /** Throws NotFoundException when this is not one of the citizen's requests. */
    public void requireOwn(long burgerId, String publicId) {
        if (!db.fetchExists(DOCUMENTVERZOEK, DOCUMENTVERZOEK.BURGER_ID.eq(burgerId).and(DOCUMENTVERZOEK.PUBLIC_ID.eq(publicId)))) {
            throw new NotFoundException();
        }
    }

    /**
     * Adds a checked file to one of the citizen's requests, in the caller's transaction. The same file again is
     * stored once. The first file makes the request GESTUURD; the reminders stop.
     *
     * @return false when this file was there already
     * @throws CannotSendException when the request is closed or full
     */
    public boolean addFile(DSLContext tx, long burgerId, String publicId, Upload upload) {
        DocumentverzoekRecord request = tx.selectFrom(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.BURGER_ID.eq(burgerId))
                .and(DOCUMENTVERZOEK.PUBLIC_ID.eq(publicId)).forUpdate().fetchOptional().orElseThrow(NotFoundException::new);
        String checksum = upload.sha256();
        // The same file again (a retry, also after the request was closed) is what was sent before: nothing to do.
        if (tx.fetchExists(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request.getId())
                .and(DOCUMENTVERZOEK_BIJLAGE.SHA256.eq(checksum)))) {
            return false;
        }
        if (!Status.valueOf(request.getStatus()).canSend()) {
            throw new CannotSendException(Text.of("document.error.closed"));
        }
        if (tx.fetchCount(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request.getId())) >= MAX_FILES) {
            throw new CannotSendException(Text.of("document.error.tooMany", MAX_FILES));
        }
        LocalDateTime now = utc(clock.instant());
        tx.insertInto(DOCUMENTVERZOEK_BIJLAGE)
                .set(DOCUMENTVERZOEK_BIJLAGE.PUBLIC_ID, UUID.randomUUID().toString())
                .set(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID, request.getId()).set(DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM, upload.safeName())
                .set(DOCUMENTVERZOEK_BIJLAGE.CONTENT_TYPE, upload.type().mediaType()).set(DOCUMENTVERZOEK_BIJLAGE.GROOTTE, upload.bytes().length)
                .set(DOCUMENTVERZOEK_BIJLAGE.SHA256, checksum).set(nl.bijstandsportaal.platform.atrest.AtRestColumns.REQUESTED_DOCUMENT.sealed(keys, upload.bytes()))
                .set(DOCUMENTVERZOEK_BIJLAGE.TOEGEVOEGD_OP, now)
                .execute();
        long fileId = tx.select(DOCUMENTVERZOEK_BIJLAGE.ID).from(DOCUMENTVERZOEK_BIJLAGE)
                .where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request.getId())).and(DOCUMENTVERZOEK_BIJLAGE.SHA256.eq(checksum))
                .fetchSingle(DOCUMENTVERZOEK_BIJLAGE.ID);
        step(tx, request.getId(), StepKind.FILE_SENT, now.toInstant(ZoneOffset.UTC), null, null, null, null, fileId);
        if (request.getGestuurdOp() == null) {
            tx.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.STATUS, Status.GESTUURD.name()).set(DOCUMENTVERZOEK.GESTUURD_OP, now)
                    .where(DOCUMENTVERZOEK.ID.eq(request.getId())).execute();
        }
        return true;
    }

    public void addFile(long burgerId, String publicId, Upload upload) {
        db.transaction(tx -> addFile(tx.dsl(), burgerId, publicId, upload));
    }

    private List<DocumentRequest> requests(org.jooq.Condition which) {
        LocalDate today = Today.in(clock);
        var rows = db.select(DOCUMENTVERZOEK.asterisk(), MEDEWERKER.NAAM, AANVRAAG.PUBLIC_ID, AANVRAAG.KENMERK, AANVRAAG.BESLOTEN_OP).from(DOCUMENTVERZOEK)
                .leftJoin(MEDEWERKER).on(MEDEWERKER.ID.eq(DOCUMENTVERZOEK.MEDEWERKER_ID))
                .leftJoin(AANVRAAG).on(AANVRAAG.ID.eq(DOCUMENTVERZOEK.AANVRAAG_ID))
                .where(which)
                .fetch();
        Map<Long, List<SentFile>> files = new LinkedHashMap<>();
        Map<Long, Boolean> open = new java.util.HashMap<>(); // per request: its files can still be deleted (ADR 0055)
        rows.forEach(r -> open.put(r.get(DOCUMENTVERZOEK.ID), deletable(Status.valueOf(r.get(DOCUMENTVERZOEK.STATUS)),
                Soort.valueOf(r.get(DOCUMENTVERZOEK.SOORT)), r.get(AANVRAAG.BESLOTEN_OP) != null, false)));
        if (!rows.isEmpty()) {
            db.select(DOCUMENTVERZOEK_BIJLAGE.ID, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID, DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM,
                            DOCUMENTVERZOEK_BIJLAGE.CONTENT_TYPE, DOCUMENTVERZOEK_BIJLAGE.GROOTTE, DOCUMENTVERZOEK_BIJLAGE.TOEGEVOEGD_OP,
                            DOCUMENTVERZOEK_BIJLAGE.AFGEKEURD_OP, DOCUMENTVERZOEK_BIJLAGE.PUBLIC_ID)
                    .from(DOCUMENTVERZOEK_BIJLAGE)
                    .where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.in(rows.getValues(DOCUMENTVERZOEK.ID)))
                    .orderBy(DOCUMENTVERZOEK_BIJLAGE.ID)
                    .forEach(f -> files.computeIfAbsent(f.value2(), k -> new ArrayList<>()).add(
                            new SentFile(f.value1(), f.value8(), f.value3(), f.value4(), f.value5(), instant(f.value6()), instant(f.value7()),
                                    open.get(f.value2()) && f.value7() == null)));
        }
        Map<Long, List<Step>> steps = rows.isEmpty() ? Map.of() : steps(DOCUMENTVERZOEK.ID.in(rows.getValues(DOCUMENTVERZOEK.ID)));
        List<DocumentRequest> requests = new ArrayList<>();
        for (var r : rows) {
            Status status = Status.valueOf(r.get(DOCUMENTVERZOEK.STATUS));
            LocalDate deadline = r.get(DOCUMENTVERZOEK.UITERLIJK);
            requests.add(new DocumentRequest(r.get(DOCUMENTVERZOEK.ID), r.get(DOCUMENTVERZOEK.PUBLIC_ID), r.get(DOCUMENTVERZOEK.WAT),
                    r.get(DOCUMENTVERZOEK.WAAROM), deadline, status, instant(r.get(DOCUMENTVERZOEK.GEVRAAGD_OP)),
                    instant(r.get(DOCUMENTVERZOEK.GESTUURD_OP)), instant(r.get(DOCUMENTVERZOEK.AFGEROND_OP)), r.get(MEDEWERKER.NAAM),
                    List.copyOf(files.getOrDefault(r.get(DOCUMENTVERZOEK.ID), List.of())),
                    status == Status.OPEN && today.isAfter(deadline), Soort.valueOf(r.get(DOCUMENTVERZOEK.SOORT)),
                    r.get(AANVRAAG.PUBLIC_ID), r.get(AANVRAAG.KENMERK), steps.getOrDefault(r.get(DOCUMENTVERZOEK.ID), List.of())));
        }
        return requests;
    }

    /** Records a step in the caller's transaction; returns its id. */
    private static long step(DSLContext t, long requestId, StepKind kind, Instant at, Long medewerkerId, String text,
                             LocalDate oldDeadline, LocalDate newDeadline, Long fileId) {
        String fileName = fileId == null ? null : t.select(DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM).from(DOCUMENTVERZOEK_BIJLAGE)
                .where(DOCUMENTVERZOEK_BIJLAGE.ID.eq(fileId)).fetchOne(DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM);
        return step(t, requestId, kind, at, medewerkerId, text, oldDeadline, newDeadline, fileId, fileName);
    }

    /** Records a step with the name of its file (kept when the file itself is deleted); returns its id. */
    private static long step(DSLContext t, long requestId, StepKind kind, Instant at, Long medewerkerId, String text,
                             LocalDate oldDeadline, LocalDate newDeadline, Long fileId, String fileName) {
        RequestThreads.moved(t, requestId, at);
        return t.insertInto(DOCUMENTVERZOEK_STAP)
                .set(DOCUMENTVERZOEK_STAP.VERZOEK_ID, requestId).set(DOCUMENTVERZOEK_STAP.SOORT, kind.name())
                .set(DOCUMENTVERZOEK_STAP.OP, utc(at)).set(DOCUMENTVERZOEK_STAP.MEDEWERKER_ID, medewerkerId)
                .set(DOCUMENTVERZOEK_STAP.TEKST, text).set(DOCUMENTVERZOEK_STAP.OUDE_UITERLIJK, oldDeadline)
                .set(DOCUMENTVERZOEK_STAP.NIEUWE_UITERLIJK, newDeadline).set(DOCUMENTVERZOEK_STAP.BIJLAGE_ID, fileId)
                .set(DOCUMENTVERZOEK_STAP.BESTANDSNAAM, fileName)
                .returning(DOCUMENTVERZOEK_STAP.ID).fetchOne(DOCUMENTVERZOEK_STAP.ID);
    }

    private static long idOf(DSLContext t, String publicId) {
        return t.select(DOCUMENTVERZOEK.ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(publicId)).fetchSingle().value1();
    }

    /**
     * The steps of the requests {@code which} selects, oldest first per request. A request stored without its steps (before
     * they were recorded by the code that stores it, e.g. in demo data) gets its ASKED step from the request itself.
     */
    private Map<Long, List<Step>> steps(org.jooq.Condition which) {
        var asker = MEDEWERKER.as("vrager");
        var requests = db.select(DOCUMENTVERZOEK.ID, DOCUMENTVERZOEK.PUBLIC_ID, DOCUMENTVERZOEK.WAT, DOCUMENTVERZOEK.GEVRAAGD_OP,
                        DOCUMENTVERZOEK.UITERLIJK, asker.NAAM)
                .from(DOCUMENTVERZOEK).leftJoin(asker).on(asker.ID.eq(DOCUMENTVERZOEK.MEDEWERKER_ID))
                .where(which).fetchMap(DOCUMENTVERZOEK.ID);
        Map<Long, List<Step>> byRequest = new LinkedHashMap<>();
        if (requests.isEmpty()) {
            return byRequest;
        }
        db.select(DOCUMENTVERZOEK_STAP.ID, DOCUMENTVERZOEK_STAP.VERZOEK_ID, DOCUMENTVERZOEK_STAP.SOORT, DOCUMENTVERZOEK_STAP.OP,
                        MEDEWERKER.NAAM, DOCUMENTVERZOEK_STAP.TEKST, DOCUMENTVERZOEK_STAP.OUDE_UITERLIJK, DOCUMENTVERZOEK_STAP.NIEUWE_UITERLIJK,
                        org.jooq.impl.DSL.coalesce(DOCUMENTVERZOEK_STAP.BESTANDSNAAM, DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM))
                .from(DOCUMENTVERZOEK_STAP)
                .leftJoin(MEDEWERKER).on(MEDEWERKER.ID.eq(DOCUMENTVERZOEK_STAP.MEDEWERKER_ID))
                .leftJoin(DOCUMENTVERZOEK_BIJLAGE).on(DOCUMENTVERZOEK_BIJLAGE.ID.eq(DOCUMENTVERZOEK_STAP.BIJLAGE_ID))
                .where(DOCUMENTVERZOEK_STAP.VERZOEK_ID.in(requests.keySet()))
                .orderBy(DOCUMENTVERZOEK_STAP.OP, DOCUMENTVERZOEK_STAP.ID)
                .forEach(r -> {
                    var request = requests.get(r.value2());
                    byRequest.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Step(r.value1(), request.value2(), request.value3(),
                            StepKind.valueOf(r.value3()), instant(r.value4()), r.value5(), r.value6(), r.value7(), r.value8(), r.value9()));
                });
        requests.forEach((id, request) -> {
            List<Step> steps = byRequest.computeIfAbsent(id, k -> new ArrayList<>());
            if (steps.stream().noneMatch(s -> s.kind() == StepKind.ASKED)) {
                LocalDate first = steps.stream().map(Step::oldDeadline).filter(java.util.Objects::nonNull).findFirst().orElse(request.value5());
                steps.add(0, new Step(0, request.value2(), request.value3(), StepKind.ASKED, instant(request.value4()), request.value6(),
                        null, null, first, null));
            }
        });
        return byRequest;
    }

    /**
     * The upload check's message in the words of this page: "Bestand: ..." and what to do, instead of the change form's
     * "Bewijs: ..." (the same checks, one key per outcome: document.error.fileEmpty, fileTooBig, ...).
     */
    public static Text fileError(Text uploadError) {
        return new Text(uploadError.key().replace("change.error.", "document.error."), uploadError.args());
    }

    static String link(String publicId) {
        return "/documenten/" + publicId;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}

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
                                  boolean late, Soort soort, String aanvraag, String kenmerk) {
    }

    /** A file the citizen sent (without its content). */
    public record SentFile(long id, String name, String contentType, int size, Instant addedAt) {
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
    private final Clock clock;

    DocumentRequests(AccountRepository accounts, RulesService rules, Outbox outbox, MessageArguments arguments, AuditLog audit,
                     DSLContext db, Clock clock) {
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
        }
    }

    /**
     * An application is decided: what it still waited for is not needed any more. Open requests of it are withdrawn in
     * the caller's transaction (the reminders stop); files already sent stay as they are. The decision's own message
     * tells the citizen.
     */
    public void withdrawForApplication(DSLContext tx, long aanvraagId) {
        tx.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.STATUS, Status.INGETROKKEN.name()).set(DOCUMENTVERZOEK.AFGEROND_OP, utc(clock.instant()))
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
            if (filesSeen != null && t.fetchCount(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request.getId())) != filesSeen) {
                return Closed.NEW_FILES;
            }
            t.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.STATUS, to.name()).set(DOCUMENTVERZOEK.AFGEROND_OP, utc(now))
                    .where(DOCUMENTVERZOEK.ID.eq(request.getId())).execute();
            // Done is news about what the citizen sent; withdrawn is about a document they no longer need to find.
            String text = "notification.document." + to.name() + (request.getGestuurdOp() == null ? ".nothingSent" : "");
            outbox.write(t, new Outbox.Message(citizen.id(), to == Status.AFGEROND ? Topic.STATUS : Topic.DOCUMENTEN,
                    "document/" + publicId + "/" + to.name().toLowerCase(java.util.Locale.ROOT), text,
                    arguments.of(List.of(request.getWat())), link(publicId)), now);
            audit.record(t, consulent.id(), citizen.id(), "DOCUMENTVERZOEK_" + to.name(), "Documentverzoek " + to.name().toLowerCase(java.util.Locale.ROOT));
            return Closed.DONE;
        });
    }

    /** A file the citizen sent, for the consulent to open. Audited. */
    public Download file(CurrentUser consulent, long burgerId, long fileId) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        Download file = db.select(DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM, DOCUMENTVERZOEK_BIJLAGE.CONTENT_TYPE, DOCUMENTVERZOEK_BIJLAGE.INHOUD)
                .from(DOCUMENTVERZOEK_BIJLAGE).join(DOCUMENTVERZOEK).on(DOCUMENTVERZOEK.ID.eq(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID))
                .where(DOCUMENTVERZOEK_BIJLAGE.ID.eq(fileId)).and(DOCUMENTVERZOEK.BURGER_ID.eq(citizen.id()))
                .fetchOptional(r -> new Download(r.value1(), r.value2(), r.value3()))
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
                .set(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID, request.getId()).set(DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM, upload.safeName())
                .set(DOCUMENTVERZOEK_BIJLAGE.CONTENT_TYPE, upload.type().mediaType()).set(DOCUMENTVERZOEK_BIJLAGE.GROOTTE, upload.bytes().length)
                .set(DOCUMENTVERZOEK_BIJLAGE.SHA256, checksum).set(DOCUMENTVERZOEK_BIJLAGE.INHOUD, upload.bytes())
                .set(DOCUMENTVERZOEK_BIJLAGE.TOEGEVOEGD_OP, now)
                .execute();
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
        var rows = db.select(DOCUMENTVERZOEK.asterisk(), MEDEWERKER.NAAM, AANVRAAG.PUBLIC_ID, AANVRAAG.KENMERK).from(DOCUMENTVERZOEK)
                .leftJoin(MEDEWERKER).on(MEDEWERKER.ID.eq(DOCUMENTVERZOEK.MEDEWERKER_ID))
                .leftJoin(AANVRAAG).on(AANVRAAG.ID.eq(DOCUMENTVERZOEK.AANVRAAG_ID))
                .where(which)
                .fetch();
        Map<Long, List<SentFile>> files = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            db.select(DOCUMENTVERZOEK_BIJLAGE.ID, DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID, DOCUMENTVERZOEK_BIJLAGE.BESTANDSNAAM,
                            DOCUMENTVERZOEK_BIJLAGE.CONTENT_TYPE, DOCUMENTVERZOEK_BIJLAGE.GROOTTE, DOCUMENTVERZOEK_BIJLAGE.TOEGEVOEGD_OP)
                    .from(DOCUMENTVERZOEK_BIJLAGE)
                    .where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.in(rows.getValues(DOCUMENTVERZOEK.ID)))
                    .orderBy(DOCUMENTVERZOEK_BIJLAGE.ID)
                    .forEach(f -> files.computeIfAbsent(f.value2(), k -> new ArrayList<>()).add(
                            new SentFile(f.value1(), f.value3(), f.value4(), f.value5(), instant(f.value6()))));
        }
        List<DocumentRequest> requests = new ArrayList<>();
        for (var r : rows) {
            Status status = Status.valueOf(r.get(DOCUMENTVERZOEK.STATUS));
            LocalDate deadline = r.get(DOCUMENTVERZOEK.UITERLIJK);
            requests.add(new DocumentRequest(r.get(DOCUMENTVERZOEK.ID), r.get(DOCUMENTVERZOEK.PUBLIC_ID), r.get(DOCUMENTVERZOEK.WAT),
                    r.get(DOCUMENTVERZOEK.WAAROM), deadline, status, instant(r.get(DOCUMENTVERZOEK.GEVRAAGD_OP)),
                    instant(r.get(DOCUMENTVERZOEK.GESTUURD_OP)), instant(r.get(DOCUMENTVERZOEK.AFGEROND_OP)), r.get(MEDEWERKER.NAAM),
                    List.copyOf(files.getOrDefault(r.get(DOCUMENTVERZOEK.ID), List.of())),
                    status == Status.OPEN && today.isAfter(deadline), Soort.valueOf(r.get(DOCUMENTVERZOEK.SOORT)),
                    r.get(AANVRAAG.PUBLIC_ID), r.get(AANVRAAG.KENMERK)));
        }
        return requests;
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

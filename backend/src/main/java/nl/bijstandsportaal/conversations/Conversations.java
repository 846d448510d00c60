package nl.bijstandsportaal.conversations;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.appointments.Appointments;
import nl.bijstandsportaal.documents.DocumentRequests;
import nl.bijstandsportaal.notifications.InboxService;
import nl.bijstandsportaal.notifications.MessageArguments;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.platform.uploads.Upload;
import nl.bijstandsportaal.platform.web.Download;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import nl.bijstandsportaal.platform.db.generated.tables.records.GesprekRecord;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BERICHT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BERICHT_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREK;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;

/**
 * Conversations between a citizen and the municipality: one thread per subject that both sides see whole. The citizen
 * starts one or replies (on the web and in the app), with photos or PDFs; a consulent answers from the thread or starts
 * one. A citizen's message that no employee answered yet waits in the work list (ConversationWork); an employee's
 * message reaches the citizen's inbox with push and e-mail (generic, written in the same transaction) and is audited.
 * A citizen only ever reaches their own conversations, a consulent those of their municipality's citizens; anything
 * else is the same 404 as what does not exist.
 */
@Singleton
public class Conversations {

    public static final int MAX_LENGTH = 2000;
    public static final int MAX_SUBJECT = 120;
    public static final int MAX_FILES = 3;
    static final String CITIZEN = "BURGER";
    static final String EMPLOYEE = "MEDEWERKER";

    private final AccountRepository accounts;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final InboxService inbox;
    private final AuditLog audit;
    private final RulesService rules;
    private final DSLContext db;
    private final Clock clock;
    private final DocumentRequests documents;
    private final Appointments appointments;

    Conversations(AccountRepository accounts, Outbox outbox, MessageArguments arguments, InboxService inbox, AuditLog audit,
                  RulesService rules, DSLContext db, Clock clock, DocumentRequests documents, Appointments appointments,
                  nl.bijstandsportaal.platform.atrest.DataKeys keys) {
        this.keys = keys;
        this.documents = documents;
        this.appointments = appointments;
        this.rules = rules;
        this.accounts = accounts;
        this.outbox = outbox;
        this.arguments = arguments;
        this.inbox = inbox;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    /** A file sent with a message; {@code publicId}: its id for the app (ADR 0055). */
    public record Attachment(long id, String publicId, String name, int size) {
    }

    /**
     * One message. {@code author}: the employee's name (null: the citizen wrote it); {@code readAt}: when the citizen
     * read an employee's message (null: not yet, or written by the citizen).
     */
    public record Message(String id, boolean fromCitizen, String author, String text, Instant sentAt, Instant readAt,
                          List<Attachment> attachments) {
    }

    /**
     * What a conversation about a task is about: a document request ({@code requestId}: its public id), what was asked and
     * why, whether it is still open and until when, and its steps oldest first (asked, files sent, more time, send
     * again, done, withdrawn).
     */
    public record Task(String requestId, String what, String why, boolean open, LocalDate deadline, List<DocumentRequests.Step> steps) {
    }

    /**
     * What a conversation about an appointment is about (ADR 0032): the appointment as it stands now, and its steps oldest
     * first (planned, moved, confirmed, asks for another time, reminded, called off, came or did not come).
     */
    public record Meeting(Appointments.Appointment appointment, List<Appointments.Step> steps) {
    }

    /**
     * One line of a conversation, in time order: a message, a step of its task, or a step of its appointment (exactly
     * one of the three is set).
     */
    public record Entry(Instant at, Message message, DocumentRequests.Step step, Appointments.Step meetingStep) {
    }

    /**
     * A conversation with all its messages, oldest first. {@code subject} null: a message of the consulent from before
     * conversations had subjects, or a conversation about a task or an appointment (then {@code task} or
     * {@code meeting} says what). {@code waitingSince}: the citizen's first message still without an answer.
     */
    public record Thread(String id, String subject, boolean startedByCitizen, Instant startedAt, Instant lastAt,
                         Instant waitingSince, List<Message> messages, Task task, Meeting meeting) {

        /** The messages and the steps of its task or appointment together, oldest first. */
        public List<Entry> entries() {
            List<Entry> entries = new ArrayList<>();
            messages.forEach(m -> entries.add(new Entry(m.sentAt(), m, null, null)));
            if (task != null) {
                task.steps().forEach(step -> entries.add(new Entry(step.at(), null, step, null)));
            }
            if (meeting != null) {
                meeting.steps().forEach(step -> entries.add(new Entry(step.at(), null, null, step)));
            }
            entries.sort(java.util.Comparator.comparing(Entry::at));
            return entries;
        }

        /** The last message (null: a conversation about a task or an appointment in which nobody wrote yet). */
        public Message last() {
            return messages.isEmpty() ? null : messages.get(messages.size() - 1);
        }
    }

    /** What a message form brought: the text, a subject (a new conversation only) and files already checked. */
    public record Typed(String subject, String text, List<Upload> files) {
        public Typed {
            subject = subject == null ? "" : subject.strip();
            text = text == null ? "" : text.strip();
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** Errors per field ({@code onderwerp}, {@code bericht}, {@code bestand}); empty when it may be sent. */
    public static Map<String, Text> check(Typed typed, boolean newConversation) {
        Map<String, Text> errors = new LinkedHashMap<>();
        if (newConversation && typed.subject().isEmpty()) {
            errors.put("onderwerp", Text.of("conversation.error.subjectEmpty"));
        } else if (typed.subject().length() > MAX_SUBJECT) {
            errors.put("onderwerp", Text.of("conversation.error.subjectTooLong", MAX_SUBJECT, typed.subject().length()));
        }
        if (typed.text().isEmpty()) {
            errors.put("bericht", Text.of("conversation.error.empty"));
        } else if (typed.text().length() > MAX_LENGTH) {
            errors.put("bericht", Text.of("conversation.error.tooLong", MAX_LENGTH, typed.text().length()));
        }
        if (typed.files().size() > MAX_FILES) {
            errors.put("bestand", Text.of("conversation.error.tooManyFiles", MAX_FILES));
        }
        return errors;
    }

    /** The last day the municipality promised to answer a conversation that waits for it (null: nothing waits). */
    public LocalDate answerBy(Thread thread, long gemeenteId) {
        if (thread.waitingSince() == null) {
            return null;
        }
        String gemeente = db.select(GEMEENTE.CODE).from(GEMEENTE).where(GEMEENTE.ID.eq(gemeenteId)).fetchOne(GEMEENTE.CODE);
        LocalDate day = thread.waitingSince().atZone(Today.DUTCH_TIME).toLocalDate();
        return ConversationWork.replyBy(day, rules.book().value(RuleKey.GESPREK_ANTWOORD_WERKDAGEN, gemeente, day).intValueExact());
    }

    // ---- the citizen ------------------------------------------------------------------------------------------

    /** The citizen's conversations, the latest first. */
    public List<Thread> forCitizen(long burgerId) {
        return threads(burgerId, null);
    }

    /** One of the citizen's own conversations; opening it marks the employee's messages in it read. */
    public Thread open(long burgerId, String id) {
        Thread thread = threads(burgerId, id).stream().findFirst().orElseThrow(NotFoundException::new);
        inbox.markReadByKeys(burgerId, thread.messages().stream().filter(m -> !m.fromCitizen()).map(m -> "bericht/" + m.id()).toList());
        return thread;
    }

    /** Starts a conversation in {@code tx} (checked before); returns its id. */
    public String start(DSLContext tx, long burgerId, Typed typed) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        tx.insertInto(GESPREK).set(GESPREK.PUBLIC_ID, id).set(GESPREK.BURGER_ID, burgerId).set(GESPREK.ONDERWERP, typed.subject())
                .set(GESPREK.GESTART_DOOR, CITIZEN).set(GESPREK.GESTART_OP, utc(now)).set(GESPREK.LAATSTE_BERICHT_OP, utc(now))
                .set(GESPREK.WACHT_OP_ANTWOORD_SINDS, utc(now)).execute();
        long gesprekId = tx.select(GESPREK.ID).from(GESPREK).where(GESPREK.PUBLIC_ID.eq(id)).fetchSingle(GESPREK.ID);
        insertMessage(tx, gesprekId, burgerId, null, typed, now);
        return id;
    }

    /** The citizen answers in one of their own conversations, in {@code tx} (checked before). */
    public void reply(DSLContext tx, long burgerId, String id, Typed typed) {
        Instant now = clock.instant();
        long gesprekId = tx.select(GESPREK.ID).from(GESPREK).where(GESPREK.PUBLIC_ID.eq(id)).and(GESPREK.BURGER_ID.eq(burgerId))
                .forUpdate().fetchOptional(GESPREK.ID).orElseThrow(NotFoundException::new);
        tx.update(GESPREK).set(GESPREK.LAATSTE_BERICHT_OP, utc(now))
                .set(GESPREK.WACHT_OP_ANTWOORD_SINDS, DSL.coalesce(GESPREK.WACHT_OP_ANTWOORD_SINDS, DSL.val(utc(now))))
                .where(GESPREK.ID.eq(gesprekId)).execute();
        insertMessage(tx, gesprekId, burgerId, null, typed, now);
    }

    /** Whether this conversation is the citizen's (before reading a file of a request: 404 otherwise). */
    public void requireOwn(long burgerId, String id) {
        if (!db.fetchExists(GESPREK, GESPREK.PUBLIC_ID.eq(id).and(GESPREK.BURGER_ID.eq(burgerId)))) {
            throw new NotFoundException();
        }
    }

    /** A file in one of the citizen's own conversations. */
    public Download attachmentForCitizen(long burgerId, String id, long attachmentId) {
        return attachment(burgerId, id, BERICHT_BIJLAGE.ID.eq(attachmentId)).orElseThrow(NotFoundException::new);
    }

    /**
     * A file sent with a message in one of the citizen's conversations (by her or to her), by its public id: for the
     * app (ADR 0055). Not hers, or unknown: NotFoundException.
     */
    public Download attachmentForCitizen(long burgerId, String id, String attachmentPublicId) {
        return attachment(burgerId, id, BERICHT_BIJLAGE.PUBLIC_ID.eq(attachmentPublicId)).orElseThrow(NotFoundException::new);
    }

    // ---- the consulent ----------------------------------------------------------------------------------------

    /** The conversations with a citizen of the consulent's municipality, the latest first. */
    public List<Thread> forConsulent(CurrentUser consulent, long burgerId) {
        return threads(accounts.citizenFor(consulent, burgerId).id(), null);
    }

    /**
     * The consulent writes: an answer in a conversation ({@code id}), or a new one. Errors per field, and then nothing
     * is stored. The citizen gets a notification; the conversation no longer waits for an answer.
     */
    public Map<String, Text> write(CurrentUser consulent, long burgerId, String id, Typed typed) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        boolean isNew = id == null || id.isBlank();
        Map<String, Text> errors = check(typed, false);
        if (!errors.isEmpty()) {
            return errors;
        }
        Instant now = clock.instant();
        String messageId = UUID.randomUUID().toString();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            String threadId = isNew ? UUID.randomUUID().toString() : id;
            long gesprekId;
            if (isNew) {
                t.insertInto(GESPREK).set(GESPREK.PUBLIC_ID, threadId).set(GESPREK.BURGER_ID, citizen.id())
                        .set(GESPREK.ONDERWERP, typed.subject().isEmpty() ? null : typed.subject())
                        .set(GESPREK.GESTART_DOOR, EMPLOYEE).set(GESPREK.GESTART_OP, utc(now)).set(GESPREK.LAATSTE_BERICHT_OP, utc(now)).execute();
                gesprekId = t.select(GESPREK.ID).from(GESPREK).where(GESPREK.PUBLIC_ID.eq(threadId)).fetchSingle(GESPREK.ID);
            } else {
                gesprekId = t.select(GESPREK.ID).from(GESPREK).where(GESPREK.PUBLIC_ID.eq(id)).and(GESPREK.BURGER_ID.eq(citizen.id()))
                        .forUpdate().fetchOptional(GESPREK.ID).orElseThrow(NotFoundException::new);
                t.update(GESPREK).set(GESPREK.LAATSTE_BERICHT_OP, utc(now)).setNull(GESPREK.WACHT_OP_ANTWOORD_SINDS)
                        .where(GESPREK.ID.eq(gesprekId)).execute();
            }
            t.insertInto(BERICHT).set(BERICHT.PUBLIC_ID, messageId).set(BERICHT.GESPREK_ID, gesprekId).set(BERICHT.BURGER_ID, citizen.id())
                    .set(BERICHT.MEDEWERKER_ID, consulent.id()).set(BERICHT.TEKST, typed.text()).set(BERICHT.VERSTUURD_OP, utc(now)).execute();
            outbox.write(t, new Outbox.Message(citizen.id(), Topic.BERICHTEN, "bericht/" + messageId, "notification.message.new",
                    arguments.of(List.of(typed.text())), "/gesprekken/" + threadId), now);
            audit.record(t, consulent.id(), citizen.id(), "BERICHT_VERSTUURD",
                    (isNew ? "Nieuw gesprek met burger" : "Antwoord aan burger") + " (" + typed.text().length() + " tekens)");
        });
        return Map.of();
    }

    /** A file the citizen sent, for the consulent: a download, audited. */
    public Download attachmentForConsulent(CurrentUser consulent, long burgerId, String id, long attachmentId) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        Download download = attachment(citizen.id(), id, BERICHT_BIJLAGE.ID.eq(attachmentId)).orElseThrow(NotFoundException::new);
        audit.record(consulent.id(), citizen.id(), "BIJLAGE_BEKEKEN", "Bijlage bij een bericht geopend");
        return download;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    private List<Thread> threads(long burgerId, String onlyId) {
        var conversations = db.selectFrom(GESPREK).where(GESPREK.BURGER_ID.eq(burgerId))
                .and(onlyId == null ? DSL.noCondition() : GESPREK.PUBLIC_ID.eq(onlyId))
                .orderBy(GESPREK.LAATSTE_BERICHT_OP.desc(), GESPREK.ID.desc()).fetch();
        if (conversations.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Message>> messages = new HashMap<>();
        Map<Long, List<Attachment>> files = new HashMap<>();
        db.select(BERICHT_BIJLAGE.ID, BERICHT_BIJLAGE.BERICHT_ID, BERICHT_BIJLAGE.BESTANDSNAAM, BERICHT_BIJLAGE.GROOTTE, BERICHT_BIJLAGE.PUBLIC_ID)
                .from(BERICHT_BIJLAGE).join(BERICHT).on(BERICHT.ID.eq(BERICHT_BIJLAGE.BERICHT_ID))
                .where(BERICHT.BURGER_ID.eq(burgerId)).orderBy(BERICHT_BIJLAGE.ID)
                .forEach(r -> files.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Attachment(r.value1(), r.value5(), r.value3(), r.value4())));
        db.select(BERICHT.ID, BERICHT.GESPREK_ID, BERICHT.PUBLIC_ID, BERICHT.MEDEWERKER_ID, MEDEWERKER.NAAM, BERICHT.TEKST,
                        BERICHT.VERSTUURD_OP, MELDING.GELEZEN_OP)
                .from(BERICHT)
                .leftJoin(MEDEWERKER).on(MEDEWERKER.ID.eq(BERICHT.MEDEWERKER_ID))
                .leftJoin(MELDING).on(MELDING.BURGER_ID.eq(BERICHT.BURGER_ID)).and(MELDING.SLEUTEL.eq(DSL.concat(DSL.inline("bericht/"), BERICHT.PUBLIC_ID)))
                .where(BERICHT.BURGER_ID.eq(burgerId)).and(BERICHT.GESPREK_ID.isNotNull())
                .orderBy(BERICHT.VERSTUURD_OP, BERICHT.ID)
                .forEach(r -> messages.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Message(r.value3(), r.value4() == null,
                        r.value5(), r.value6(), instant(r.value7()), r.value4() == null ? null : instant(r.value8()),
                        List.copyOf(files.getOrDefault(r.value1(), List.of())))));
        Map<Long, Task> tasks = tasks(conversations.stream().map(GesprekRecord::getDocumentverzoekId).filter(java.util.Objects::nonNull).toList());
        Map<Long, Meeting> meetings = meetings(conversations.stream().map(GesprekRecord::getAfspraakId).filter(java.util.Objects::nonNull).toList());
        return conversations.stream()
                .filter(g -> messages.containsKey(g.getId()) || (g.getDocumentverzoekId() != null && tasks.containsKey(g.getDocumentverzoekId()))
                        || (g.getAfspraakId() != null && meetings.containsKey(g.getAfspraakId())))
                .map(g -> new Thread(g.getPublicId(), g.getOnderwerp(), CITIZEN.equals(g.getGestartDoor()), instant(g.getGestartOp()),
                        instant(g.getLaatsteBerichtOp()), instant(g.getWachtOpAntwoordSinds()),
                        List.copyOf(messages.getOrDefault(g.getId(), List.of())),
                        g.getDocumentverzoekId() == null ? null : tasks.get(g.getDocumentverzoekId()),
                        g.getAfspraakId() == null ? null : meetings.get(g.getAfspraakId())))
                .toList();
    }

    private Map<Long, Meeting> meetings(List<Long> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Appointments.Step>> steps = appointments.stepsOf(appointmentIds);
        Map<Long, Meeting> meetings = new HashMap<>();
        appointments.byIds(appointmentIds).forEach((id, a) -> meetings.put(id, new Meeting(a, List.copyOf(steps.getOrDefault(id, List.of())))));
        return meetings;
    }

    private Map<Long, Task> tasks(List<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<DocumentRequests.Step>> steps = documents.stepsOfRequests(requestIds);
        Map<Long, Task> tasks = new HashMap<>();
        db.select(DOCUMENTVERZOEK.ID, DOCUMENTVERZOEK.PUBLIC_ID, DOCUMENTVERZOEK.WAT, DOCUMENTVERZOEK.WAAROM, DOCUMENTVERZOEK.STATUS,
                        DOCUMENTVERZOEK.UITERLIJK)
                .from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.ID.in(requestIds))
                .forEach(r -> tasks.put(r.value1(), new Task(r.value2(), r.value3(), r.value4(),
                        DocumentRequests.Status.valueOf(r.value5()).canSend(),
                        r.value6(), List.copyOf(steps.getOrDefault(r.value1(), List.of())))));
        return tasks;
    }

    private Optional<Download> attachment(long burgerId, String id, org.jooq.Condition which) {
        return db.select(BERICHT_BIJLAGE.BESTANDSNAAM, BERICHT_BIJLAGE.CONTENT_TYPE, BERICHT_BIJLAGE.INHOUD)
                .from(BERICHT_BIJLAGE).join(BERICHT).on(BERICHT.ID.eq(BERICHT_BIJLAGE.BERICHT_ID))
                .join(GESPREK).on(GESPREK.ID.eq(BERICHT.GESPREK_ID))
                .where(which).and(GESPREK.PUBLIC_ID.eq(id)).and(GESPREK.BURGER_ID.eq(burgerId))
                .fetchOptional(r -> new Download(r.value1(), r.value2(), nl.bijstandsportaal.platform.atrest.AtRestColumns.MESSAGE_ATTACHMENT.open(keys, r.value3())));
    }

    private final nl.bijstandsportaal.platform.atrest.DataKeys keys;

    private void insertMessage(DSLContext tx, long gesprekId, long burgerId, Long medewerkerId, Typed typed, Instant now) {
        String messageId = UUID.randomUUID().toString();
        tx.insertInto(BERICHT).set(BERICHT.PUBLIC_ID, messageId).set(BERICHT.GESPREK_ID, gesprekId).set(BERICHT.BURGER_ID, burgerId)
                .set(BERICHT.MEDEWERKER_ID, medewerkerId).set(BERICHT.TEKST, typed.text()).set(BERICHT.VERSTUURD_OP, utc(now)).execute();
        long berichtId = tx.select(BERICHT.ID).from(BERICHT).where(BERICHT.PUBLIC_ID.eq(messageId)).fetchSingle(BERICHT.ID);
        for (Upload file : typed.files()) {
            tx.insertInto(BERICHT_BIJLAGE).set(BERICHT_BIJLAGE.PUBLIC_ID, java.util.UUID.randomUUID().toString()).set(BERICHT_BIJLAGE.BERICHT_ID, berichtId).set(BERICHT_BIJLAGE.BESTANDSNAAM, file.safeName())
                    .set(BERICHT_BIJLAGE.CONTENT_TYPE, file.type().mediaType()).set(BERICHT_BIJLAGE.GROOTTE, file.bytes().length)
                    .set(nl.bijstandsportaal.platform.atrest.AtRestColumns.MESSAGE_ATTACHMENT.sealed(keys, file.bytes())).execute();
        }
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}

package nl.bijstandsportaal.conversations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import nl.bijstandsportaal.api.v1.ConversationsApi;
import nl.bijstandsportaal.api.v1.DevicesApi;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.idempotency.IdempotencyService;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.uploads.Upload;
import nl.bijstandsportaal.platform.uploads.Uploads;
import nl.bijstandsportaal.platform.web.Problems;
import nl.bijstandsportaal.api.v1.Conversations.Conversation;
import nl.bijstandsportaal.api.v1.Conversations.NewFile;
import nl.bijstandsportaal.api.v1.Conversations.NewMessage;

import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The app's conversations: the same threads the citizen sees on the web ({@link Conversations}). */
@Controller
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class ConversationApiController implements ConversationsApi {

    private final SecurityService security;
    private final Conversations conversations;
    private final Uploads uploads;
    private final IdempotencyService idempotency;
    private final Problems problems;

    ConversationApiController(SecurityService security, Conversations conversations, Uploads uploads, IdempotencyService idempotency,
                              Problems problems) {
        this.security = security;
        this.conversations = conversations;
        this.uploads = uploads;
        this.idempotency = idempotency;
        this.problems = problems;
    }

    @Override
    public List<Conversation> conversations() {
        CurrentUser citizen = citizen();
        return conversations.forCitizen(citizen.id()).stream().map(t -> dto(t, citizen)).toList();
    }

    @Override
    public Conversation conversation(String id) {
        CurrentUser citizen = citizen();
        return dto(conversations.open(citizen.id(), id), citizen);
    }

    @Override
    public HttpResponse<byte[]> attachment(String id, String bestandId) {
        return conversations.attachmentForCitizen(citizen().id(), id, bestandId).response();
    }

    @Override
    public HttpResponse<Conversation> start(@Nullable String idempotencyKey, NewMessage message) {
        CurrentUser citizen = citizen();
        Conversations.Typed typed = typed(message, true);
        // The answer is the conversation as read after the commit; it is stored with the key before it is sent.
        return idempotency.respondAfterCommit("burger:" + citizen.id(), idempotencyKey, Map.of("gesprek", "nieuw", "bericht", message),
                Argument.of(String.class), tx -> new IdempotencyService.Outcome<>(HttpStatus.CREATED, conversations.start(tx, citizen.id(), typed)),
                id -> IdempotencyService.Reply.at("/api/v1/gesprekken/" + id, dto(conversations.open(citizen.id(), id), citizen)));
    }

    @Override
    public HttpResponse<Conversation> reply(String id, @Nullable String idempotencyKey, NewMessage message) {
        CurrentUser citizen = citizen();
        conversations.requireOwn(citizen.id(), id); // another citizen's conversation: 404 before we look at the message
        return replied(citizen, id, idempotencyKey, message, typed(message, false));
    }

    private HttpResponse<Conversation> replied(CurrentUser citizen, String id, @Nullable String idempotencyKey, Object sent,
                                               Conversations.Typed typed) {
        return idempotency.respondAfterCommit("burger:" + citizen.id(), idempotencyKey, Map.of("gesprek", id, "bericht", sent),
                Argument.of(String.class), tx -> {
                    conversations.reply(tx, citizen.id(), id, typed);
                    return new IdempotencyService.Outcome<>(HttpStatus.CREATED, id);
                }, replied -> IdempotencyService.Reply.of(dto(conversations.open(citizen.id(), replied), citizen)));
    }

    /**
     * Starts a conversation with the files as binary parts ({@code multipart/form-data}: {@code onderwerp}, {@code tekst},
     * up to three {@code bestanden}), the way a generated client or a phone's upload library sends files; the same
     * checks and answer as the JSON form (ADR 0057).
     */
    @Post(value = "/api/v1/gesprekken", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Conversation> startWithFiles(@Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                                     @Body MultipartBody body) {
        CurrentUser citizen = citizen();
        Parts parts = parts(body);
        Conversations.Typed typed = typed(parts.onderwerp(), parts.tekst(), parts.files(), parts.errors(), true);
        return idempotency.respondAfterCommit("burger:" + citizen.id(), idempotencyKey, Map.of("gesprek", "nieuw", "bericht", parts.fingerprint()),
                Argument.of(String.class), tx -> new IdempotencyService.Outcome<>(HttpStatus.CREATED, conversations.start(tx, citizen.id(), typed)),
                id -> IdempotencyService.Reply.at("/api/v1/gesprekken/" + id, dto(conversations.open(citizen.id(), id), citizen)));
    }

    /** Answers in a conversation with the files as binary parts, as {@link #startWithFiles}. */
    @Post(value = "/api/v1/gesprekken/{id}/berichten", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Conversation> replyWithFiles(@PathVariable String id, @Header(DevicesApi.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                                                     @Body MultipartBody body) {
        CurrentUser citizen = citizen();
        conversations.requireOwn(citizen.id(), id);
        Parts parts = parts(body);
        Conversations.Typed typed = typed(null, parts.tekst(), parts.files(), parts.errors(), false);
        return replied(citizen, id, idempotencyKey, parts.fingerprint(), typed);
    }

    /** A multipart message as read: its texts, its files (named and read whole), what was wrong with the parts. */
    private record Parts(String onderwerp, String tekst, List<NamedBytes> files, Map<String, Text> errors) {
        /** What makes two sendings the same message (for the Idempotency-Key): the texts and each file's name and hash. */
        Map<String, Object> fingerprint() {
            return Map.of("onderwerp", onderwerp == null ? "" : onderwerp, "tekst", tekst == null ? "" : tekst,
                    "bestanden", files.stream().map(f -> f.name() + ":" + Upload.sha256(f.bytes())).toList());
        }
    }

    private record NamedBytes(String name, byte[] bytes) {
    }

    private Parts parts(MultipartBody body) {
        List<CompletedPart> received = Flux.from(body).collectList().blockOptional().orElse(List.of());
        String onderwerp = null;
        String tekst = null;
        List<NamedBytes> files = new ArrayList<>();
        Map<String, Text> errors = new LinkedHashMap<>();
        try {
            for (CompletedPart part : received) {
                switch (part.getName()) {
                    case "onderwerp" -> onderwerp = new String(part.getBytes(), StandardCharsets.UTF_8);
                    case "tekst" -> tekst = new String(part.getBytes(), StandardCharsets.UTF_8);
                    case "bestanden" -> files.add(new NamedBytes(part instanceof CompletedFileUpload file ? file.getFilename() : null, part.getBytes()));
                    default -> errors.putIfAbsent(part.getName(), Text.of("api.input.unknownField"));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Parts(onderwerp, tekst, files, errors);
    }

    /** The JSON message: the same, with each file's content in base64. */
    private Conversations.Typed typed(NewMessage message, boolean isNew) {
        Map<String, Text> errors = new LinkedHashMap<>();
        List<NamedBytes> files = new ArrayList<>();
        for (NewFile file : message.bestanden() == null ? List.<NewFile>of() : message.bestanden()) {
            try {
                files.add(new NamedBytes(file.naam(), Base64.getDecoder().decode(file.inhoud() == null ? "" : file.inhoud())));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("bestand", Text.of("conversation.error.fileNotBase64"));
            }
        }
        return typed(message.onderwerp(), message.tekst(), files, errors, isNew);
    }

    /** The message as the web form would have it, every file checked; 422 naming the field when something is wrong. */
    private Conversations.Typed typed(String onderwerp, String tekst, List<NamedBytes> sent, Map<String, Text> errors, boolean isNew) {
        List<Upload> files = new ArrayList<>();
        if (sent.size() > Conversations.MAX_FILES) {
            errors.put("bestand", Text.of("conversation.error.tooManyFiles", Conversations.MAX_FILES));
            sent = List.of();
        }
        for (NamedBytes file : sent) {
            Upload.Checked checked = uploads.check(file.name(), file.bytes());
            if (checked.error() != null) {
                errors.putIfAbsent("bestand", checked.error());
            } else {
                files.add(checked.upload());
            }
        }
        Conversations.Typed typed = new Conversations.Typed(isNew ? onderwerp : "", tekst, files);
        Map<String, Text> checked = Conversations.check(typed, isNew);
        checked.forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw problems.invalid(errors, field -> API_FIELDS.getOrDefault(field, field));
        }
        return typed;
    }

    /** The form's field names as the app sends them. */
    private static final Map<String, String> API_FIELDS = Map.of("onderwerp", "onderwerp", "bericht", "tekst", "bestand", "bestanden");

    private Conversation dto(Conversations.Thread t, CurrentUser citizen) {
        return new Conversation(t.id(), t.subject(), t.startedByCitizen(), t.startedAt(), t.lastAt(), t.waitingSince() != null,
                conversations.answerBy(t, citizen.gemeenteId()),
                t.messages().stream().map(m -> new nl.bijstandsportaal.api.v1.Conversations.Message(m.id(), m.fromCitizen(), m.author(), m.text(),
                        m.sentAt(), m.attachments().stream().map(a -> new nl.bijstandsportaal.api.v1.Conversations.Attachment(a.id(), a.publicId(), a.name(), a.size()))
                        .toList())).toList(),
                t.task() == null ? null : task(t.task()), t.meeting() == null ? null : meeting(t.meeting()));
    }

    private static nl.bijstandsportaal.api.v1.Conversations.Afspraak meeting(Conversations.Meeting meeting) {
        var a = meeting.appointment();
        return new nl.bijstandsportaal.api.v1.Conversations.Afspraak(a.publicId(), a.about(), a.start(), a.status().name(), a.answer().name(),
                a.canAnswer(), meeting.steps().stream().map(s -> new nl.bijstandsportaal.api.v1.Conversations.AfspraakStap(s.kind().name(), s.at(),
                        s.by(), s.start(), s.previousStart(), s.how() == null ? null : s.how().name(), s.text(), s.reminded())).toList());
    }

    private static nl.bijstandsportaal.api.v1.Conversations.Verzoek task(Conversations.Task task) {
        return new nl.bijstandsportaal.api.v1.Conversations.Verzoek(task.requestId(), task.what(), task.why(), task.open(), task.deadline(),
                task.steps().stream().map(s -> new nl.bijstandsportaal.api.v1.Conversations.Stap(s.kind().api(), s.at(), s.by(), s.text(),
                        s.newDeadline(), s.fileName())).toList());
    }

    private CurrentUser citizen() {
        return CurrentUser.requireCitizen(security.getAuthentication());
    }
}

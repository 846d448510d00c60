package nl.bijstandsportaal.conversations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import nl.bijstandsportaal.api.v1.ConversationsApi;
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
        Conversations.Typed typed = typed(message, false);
        return idempotency.respondAfterCommit("burger:" + citizen.id(), idempotencyKey, Map.of("gesprek", id, "bericht", message),
                Argument.of(String.class), tx -> {
                    conversations.reply(tx, citizen.id(), id, typed);
                    return new IdempotencyService.Outcome<>(HttpStatus.CREATED, id);
                }, replied -> IdempotencyService.Reply.of(dto(conversations.open(citizen.id(), replied), citizen)));
    }

    /** The message as the web form would have it, every file checked; 422 naming the field when something is wrong. */
    private Conversations.Typed typed(NewMessage message, boolean isNew) {
        Map<String, Text> errors = new LinkedHashMap<>();
        List<Upload> files = new ArrayList<>();
        List<NewFile> sent = message.bestanden() == null ? List.of() : message.bestanden();
        if (sent.size() > Conversations.MAX_FILES) {
            errors.put("bestand", Text.of("conversation.error.tooManyFiles", Conversations.MAX_FILES));
            sent = List.of();
        }
        for (NewFile file : sent) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(file.inhoud() == null ? "" : file.inhoud());
            } catch (IllegalArgumentException e) {
                errors.put("bestand", Text.of("conversation.error.fileNotBase64"));
                continue;
            }
            Upload.Checked checked = uploads.check(file.naam(), bytes);
            if (checked.error() != null) {
                errors.putIfAbsent("bestand", checked.error());
            } else {
                files.add(checked.upload());
            }
        }
        Conversations.Typed typed = new Conversations.Typed(isNew ? message.onderwerp() : "", message.tekst(), files);
        Map<String, Text> checked = Conversations.check(typed, isNew);
        checked.forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw problems.invalid(errors, API_FIELDS::get);
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

package nl.bijstandsportaal.conversations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.uploads.Upload;
import nl.bijstandsportaal.platform.uploads.Uploads;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The citizen's conversations on the web: the list, a new one, a thread with the answer form. The forms are multipart
 * (a photo or PDF may go with a message), so the CSRF token travels in the address. A form with mistakes comes back
 * with what was typed.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class ConversationPages {

    private final Conversations conversations;
    private final Uploads uploads;
    private final DSLContext db;

    ConversationPages(Conversations conversations, Uploads uploads, DSLContext db) {
        this.conversations = conversations;
        this.uploads = uploads;
        this.db = db;
    }

    @Get("/gesprekken")
    @View("conversations/list")
    Map<String, Object> list(Authentication authentication) {
        CurrentUser citizen = CurrentUser.require(authentication);
        return Map.of("threads", conversations.forCitizen(citizen.id()));
    }

    @Get("/gesprekken/nieuw")
    @View("conversations/new")
    Map<String, Object> newForm() {
        return newModel(Map.of(), Map.of());
    }

    @Post(value = "/gesprekken/nieuw", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> start(Authentication authentication, @Part("onderwerp") @Nullable String onderwerp,
                          @Part("bericht") @Nullable String bericht, @Part("bestand") @Nullable CompletedFileUpload bestand) {
        CurrentUser citizen = CurrentUser.require(authentication);
        Map<String, Text> errors = new LinkedHashMap<>();
        Conversations.Typed typed = typed(onderwerp, bericht, bestand, errors, true);
        if (!errors.isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("conversations/new",
                    newModel(errors, Map.of("onderwerp", typed.subject(), "bericht", typed.text()))));
        }
        String id = db.transactionResult(tx -> conversations.start(tx.dsl(), citizen.id(), typed));
        return HttpResponse.seeOther(URI.create("/gesprekken/" + id + "?verstuurd=ja#verstuurd"));
    }

    @Get("/gesprekken/{id}")
    @View("conversations/thread")
    Map<String, Object> thread(Authentication authentication, @PathVariable String id, @QueryValue @Nullable String verstuurd) {
        CurrentUser citizen = CurrentUser.require(authentication);
        Map<String, Object> model = threadModel(citizen, id, Map.of(), Map.of());
        model.put("sent", verstuurd != null);
        return model;
    }

    @Post(value = "/gesprekken/{id}", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> reply(Authentication authentication, @PathVariable String id, @Part("bericht") @Nullable String bericht,
                          @Part("bestand") @Nullable CompletedFileUpload bestand) {
        CurrentUser citizen = CurrentUser.require(authentication);
        conversations.requireOwn(citizen.id(), id);
        Map<String, Text> errors = new LinkedHashMap<>();
        Conversations.Typed typed = typed(null, bericht, bestand, errors, false);
        if (!errors.isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("conversations/thread",
                    threadModel(citizen, id, errors, Map.of("bericht", typed.text()))));
        }
        db.transaction(tx -> conversations.reply(tx.dsl(), citizen.id(), id, typed));
        return HttpResponse.seeOther(URI.create("/gesprekken/" + id + "?verstuurd=ja#verstuurd"));
    }

    @Get(value = "/gesprekken/{id}/bijlagen/{bijlage}", produces = MediaType.ALL)
    HttpResponse<byte[]> attachment(Authentication authentication, @PathVariable String id, @PathVariable long bijlage) {
        return conversations.attachmentForCitizen(CurrentUser.require(authentication).id(), id, bijlage).response();
    }

    private Conversations.Typed typed(String subject, String text, CompletedFileUpload file, Map<String, Text> errors, boolean isNew) {
        List<Upload> files = List.of();
        if (file != null && file.getSize() > 0) {
            Upload.Checked checked = uploads.check(file);
            if (checked.error() != null) {
                errors.put("bestand", checked.error());
            } else {
                files = List.of(checked.upload());
            }
        }
        Conversations.Typed typed = new Conversations.Typed(subject, text, files);
        Conversations.check(typed, isNew).forEach(errors::putIfAbsent);
        return typed;
    }

    private Map<String, Object> threadModel(CurrentUser citizen, String id, Map<String, Text> errors, Map<String, String> typed) {
        Conversations.Thread thread = conversations.open(citizen.id(), id);
        Map<String, Object> model = new HashMap<>();
        model.put("thread", thread);
        model.put("answerBy", conversations.answerBy(thread, citizen.gemeenteId()));
        model.put("errors", errors);
        model.put("typed", typed);
        model.put("maxLength", Conversations.MAX_LENGTH);
        model.put("maxMegabytes", Upload.MAX_BYTES / 1024 / 1024);
        return model;
    }

    private static Map<String, Object> newModel(Map<String, Text> errors, Map<String, String> typed) {
        Map<String, Object> model = new HashMap<>();
        model.put("errors", errors);
        model.put("typed", typed);
        model.put("maxLength", Conversations.MAX_LENGTH);
        model.put("maxSubject", Conversations.MAX_SUBJECT);
        model.put("maxMegabytes", Upload.MAX_BYTES / 1024 / 1024);
        return model;
    }
}

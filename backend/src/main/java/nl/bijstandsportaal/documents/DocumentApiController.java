package nl.bijstandsportaal.documents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import nl.bijstandsportaal.api.v1.Documents;
import nl.bijstandsportaal.api.v1.DocumentsApi;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.idempotency.IdempotencyService;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.ProblemException;
import nl.bijstandsportaal.platform.web.Problems;
import nl.bijstandsportaal.platform.uploads.Upload;
import nl.bijstandsportaal.platform.uploads.Uploads;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The app's document requests: the same service and upload checks as the pages, mapped to the mobile-api contract. */
@Controller
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentApiController implements DocumentsApi {

    private final SecurityService security;
    private final DocumentRequests documents;
    private final Uploads uploads;
    private final IdempotencyService idempotency;
    private final Messages messages;
    private final Problems problems;

    DocumentApiController(SecurityService security, DocumentRequests documents, Uploads uploads, IdempotencyService idempotency,
                          Messages messages, Problems problems) {
        this.security = security;
        this.documents = documents;
        this.uploads = uploads;
        this.idempotency = idempotency;
        this.messages = messages;
        this.problems = problems;
    }

    @Override
    public List<Documents.Request> requests() {
        Locale locale = problems.locale();
        return documents.forCitizen(citizen().id()).stream().map(r -> dto(locale, r)).toList();
    }

    @Override
    public Documents.Request request(String id) {
        return dto(problems.locale(), documents.forCitizen(citizen().id(), id));
    }

    @Override
    public HttpResponse<byte[]> file(String id, String bestandId) {
        return documents.ownFile(citizen().id(), id, bestandId).response();
    }

    @Override
    public HttpResponse<Void> deleteFile(String id, String bestandId) {
        if (documents.deleteFile(citizen().id(), id, bestandId) == DocumentRequests.Deleted.HANDLED) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.FILE_HANDLED);
        }
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<Documents.Request> send(String id, @Nullable String fileName, @Nullable String idempotencyKey, byte[] file) {
        long burgerId = citizen().id();
        documents.requireOwn(burgerId, id); // another citizen's request: 404 before we look at the file
        Upload.Checked checked = uploads.check(fileName, file);
        if (checked.error() != null) {
            throw problems.invalid(Map.of("bestand", DocumentRequests.fileError(checked.error())));
        }
        // The key's request is the file as it arrived: the same key with another file is refused, a retry is answered
        // as the first time. Without a key, the same file again is still stored once (its checksum).
        try {
            return idempotency.respondAfterCommit("burger:" + burgerId, idempotencyKey, Map.of("verzoek", id, "sha256", checked.upload().sha256()),
                    Argument.of(String.class), tx -> {
                        documents.addFile(tx, burgerId, id, checked.upload());
                        return new IdempotencyService.Outcome<>(HttpStatus.CREATED, id);
                    }, sent -> IdempotencyService.Reply.of(request(sent)));
        } catch (DocumentRequests.CannotSendException e) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, messages.render(problems.locale(), e.reason()), null, List.of());
        }
    }

    private Documents.Request dto(Locale locale, DocumentRequests.DocumentRequest r) {
        return new Documents.Request(r.publicId(), r.what(), r.why(), r.deadline(), r.status().name(),
                messages.get(locale, "document.status." + r.status().name()), r.late(), r.status().canSend(), r.askedAt(), r.sentAt(),
                r.files().stream().map(f -> new Documents.File(f.publicId(), f.name(), f.size(), f.addedAt(), f.notGoodEnough(), f.deletable())).toList(),
                r.steps().stream().map(s -> new Documents.Step(s.kind().api(), messages.get(locale, "document.step." + s.kind().name()),
                        s.at(), s.by(), s.text(), s.oldDeadline(), s.newDeadline(), s.fileName())).toList());
    }

    private CurrentUser citizen() {
        return CurrentUser.requireCitizen(security.getAuthentication());
    }
}

package nl.bijstandsportaal.documents;

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

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** "Documenten": what the consulent asked the citizen to send, and sending a photo or PDF for it. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class DocumentPages {

    private final DocumentRequests documents;
    private final Uploads uploads;

    DocumentPages(DocumentRequests documents, Uploads uploads) {
        this.documents = documents;
        this.uploads = uploads;
    }

    @Get("/documenten")
    @View("documents/list")
    Map<String, Object> list(Authentication authentication) {
        return Map.of("requests", documents.forCitizen(CurrentUser.require(authentication).id()));
    }

    @Get("/documenten/{id}")
    @View("documents/request")
    Map<String, Object> request(Authentication authentication, @PathVariable String id, @QueryValue @Nullable String gestuurd,
                                @QueryValue @Nullable String verwijderd) {
        long burgerId = CurrentUser.require(authentication).id();
        Map<String, Object> model = model(burgerId, documents.forCitizen(burgerId, id), Map.of());
        model.put("sent", gestuurd != null);
        model.put("deleted", verwijderd != null);
        return model;
    }

    /** One file she sent for this request, as stored: always a download (ADR 0055). */
    @Get(value = "/documenten/{id}/bestanden/{bestandId}", produces = MediaType.ALL)
    HttpResponse<byte[]> download(Authentication authentication, @PathVariable String id, @PathVariable String bestandId) {
        return documents.ownFile(CurrentUser.require(authentication).id(), id, bestandId).response();
    }

    /**
     * Before a file is deleted: what will happen (the consulent no longer sees it; it cannot be undone), and one button.
     * A file the consulent has handled: why it cannot be deleted (ADR 0055).
     */
    @Get("/documenten/{id}/bestanden/{bestandId}/verwijderen")
    @View("documents/delete-file")
    Map<String, Object> confirmDelete(Authentication authentication, @PathVariable String id, @PathVariable String bestandId) {
        return deleteModel(CurrentUser.require(authentication).id(), id, bestandId);
    }

    @Post(value = "/documenten/{id}/bestanden/{bestandId}/verwijderen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(Authentication authentication, @PathVariable String id, @PathVariable String bestandId) {
        long burgerId = CurrentUser.require(authentication).id();
        if (documents.deleteFile(burgerId, id, bestandId) == DocumentRequests.Deleted.HANDLED) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("documents/delete-file", deleteModel(burgerId, id, bestandId)));
        }
        return HttpResponse.seeOther(URI.create("/documenten/" + id + "?verwijderd=ja#verwijderd"));
    }

    private Map<String, Object> deleteModel(long burgerId, String id, String bestandId) {
        DocumentRequests.DocumentRequest request = documents.forCitizen(burgerId, id);
        DocumentRequests.SentFile file = request.files().stream().filter(f -> f.publicId().equals(bestandId)).findFirst()
                .orElseThrow(nl.bijstandsportaal.platform.web.NotFoundException::new);
        return Map.of("request", request, "file", file);
    }

    /**
     * One file (multipart, so the CSRF token travels in the address). A file that is not accepted, or a request that
     * is closed, brings the page back with the message at the field.
     */
    @Post(value = "/documenten/{id}", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> send(Authentication authentication, @PathVariable String id, @Part("bestand") @Nullable CompletedFileUpload bestand) {
        long burgerId = CurrentUser.require(authentication).id();
        documents.requireOwn(burgerId, id);
        Upload.Checked checked = uploads.check(bestand);
        if (checked.error() != null) {
            return again(burgerId, id, HttpStatus.BAD_REQUEST, DocumentRequests.fileError(checked.error()));
        }
        try {
            documents.addFile(burgerId, id, checked.upload());
        } catch (DocumentRequests.CannotSendException e) {
            return again(burgerId, id, HttpStatus.CONFLICT, e.reason());
        }
        return HttpResponse.seeOther(URI.create("/documenten/" + id + "?gestuurd=ja#gestuurd"));
    }

    private HttpResponse<?> again(long burgerId, String id, HttpStatus status, Text error) {
        return HttpResponse.status(status).body(new ModelAndView<>("documents/request",
                model(burgerId, documents.forCitizen(burgerId, id), Map.of("bestand", error))));
    }

    private Map<String, Object> model(long burgerId, DocumentRequests.DocumentRequest request, Map<String, Text> errors) {
        Map<String, Object> model = new HashMap<>();
        String thread = documents.threadOf(burgerId, request.publicId());
        if (thread != null) {
            model.put("thread", thread);
        }
        model.put("request", request);
        model.put("errors", errors);
        model.put("maxMegabytes", Upload.MAX_BYTES / 1024 / 1024);
        model.put("maxFiles", DocumentRequests.MAX_FILES);
        return model;
    }
}

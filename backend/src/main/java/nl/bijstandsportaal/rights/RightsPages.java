package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.uploads.Upload;
import nl.bijstandsportaal.platform.uploads.Uploads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.NotFoundException;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The citizen's pages "Wat krijg ik en wat moet ik doen?", the quiz, and "Wijziging doorgeven". */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class RightsPages {

    /** The field of the proof, sent along with the change form. */
    private static final String PROOF = "bewijs";

    private final RightsService rights;
    private final Uploads uploads;
    private final ChangeProofFiles proofFiles;

    RightsPages(RightsService rights, Uploads uploads, ChangeProofFiles proofFiles) {
        this.rights = rights;
        this.uploads = uploads;
        this.proofFiles = proofFiles;
    }

    @Get("/rechten-en-plichten")
    @View("rights/overview")
    Map<String, Object> overview(Authentication authentication, @QueryValue @Nullable String gelezen) {
        RightsService.Page page = rights.overview(CurrentUser.require(authentication));
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("o", page.overview());
        model.put("justRead", gelezen != null);
        return model;
    }

    @Post(value = "/rechten-en-plichten/gelezen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> markRead(Authentication authentication) {
        rights.markRead(CurrentUser.require(authentication));
        return HttpResponse.seeOther(URI.create("/rechten-en-plichten?gelezen=ja#gelezen"));
    }

    @Get("/rechten-en-plichten/quiz")
    @View("rights/quiz")
    Map<String, Object> quiz(Authentication authentication) {
        return Map.of("o", rights.overview(CurrentUser.require(authentication)).overview());
    }

    @Post(value = "/rechten-en-plichten/quiz", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @View("rights/quiz-result")
    Map<String, Object> answerQuiz(Authentication authentication, @Body Map<String, String> form) {
        return Map.of("result", rights.quiz(CurrentUser.require(authentication), form));
    }

    // ---- Wijziging doorgeven --------------------------------------------------------------------------------

    @Get("/wijziging")
    @View("rights/changes")
    Map<String, Object> changes(Authentication authentication) {
        return Map.of("kinds", List.of(ChangeKind.values()), "changes", rights.changes(CurrentUser.require(authentication)));
    }

    @Get("/wijziging/{slug}")
    HttpResponse<?> form(Authentication authentication, @PathVariable String slug) {
        ChangeKind kind = ChangeKind.bySlug(slug).orElseThrow(NotFoundException::new);
        CurrentUser user = CurrentUser.require(authentication);
        return HttpResponse.ok(new ModelAndView<>("rights/change-form", Map.of("form", formPage(user, kind, Map.of(), Map.of(), false))));
    }

    /**
     * A form with an optional file, so multipart (the CSRF token travels in the query string). On a mistake the
     * page comes back with every value as typed and each problem next to its field; the file must be chosen again.
     */
    @Post(value = "/wijziging/{slug}", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> send(Authentication authentication, @PathVariable String slug,
                         @Part("datum") @Nullable String datum, @Part("datumTot") @Nullable String datumTot,
                         @Part("naam") @Nullable String naam, @Part("geboortedatum") @Nullable String geboortedatum,
                         @Part("huishoudstatus") @Nullable String huishoudstatus, @Part("lid") @Nullable String lid,
                         @Part("bedrag") @Nullable String bedrag, @Part("land") @Nullable String land,
                         @Part("straat") @Nullable String straat, @Part("postcode") @Nullable String postcode,
                         @Part("woonplaats") @Nullable String woonplaats, @Part("toelichting") @Nullable String toelichting,
                         @Part("bewijs") @Nullable CompletedFileUpload bewijs) {
        ChangeKind kind = ChangeKind.bySlug(slug).orElseThrow(NotFoundException::new);
        CurrentUser user = CurrentUser.require(authentication);
        ChangeForm form = new ChangeForm(kind, datum, datumTot, naam, geboortedatum, huishoudstatus, lid, bedrag, land,
                straat, postcode, woonplaats, toelichting);
        RightsService.Checked checked = rights.check(user, form);
        Map<String, Text> errors = new LinkedHashMap<>(checked.errors());
        Upload proof = null;
        boolean fileChosen = bewijs != null && bewijs.getFilename() != null && !bewijs.getFilename().isBlank();
        if (fileChosen) {
            Upload.Checked file = uploads.check(bewijs);
            if (file.error() != null) {
                errors.put(PROOF, file.error());
            }
            proof = file.upload();
        }
        if (!errors.isEmpty()) {
            ChangeFormPage page = formPage(user, kind, form.typed(), errors, fileChosen && !errors.containsKey(PROOF));
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("rights/change-form", Map.of("form", page)));
        }
        RightsService.Receipt receipt = rights.report(user, checked.request(), proof);
        return HttpResponse.seeOther(URI.create("/wijziging/verstuurd/" + receipt.publicId()));
    }

    @Get("/wijziging/verstuurd/{publicId}")
    @View("rights/change-sent")
    Map<String, Object> sent(Authentication authentication, @PathVariable String publicId, @QueryValue @Nullable String verwijderd) {
        CurrentUser user = CurrentUser.require(authentication);
        return Map.of("receipt", rights.receipt(user, publicId), "proofFiles", proofFiles.byChange(user.id()).getOrDefault(publicId, List.of()),
                "deleted", verwijderd != null);
    }

    /** One proof file she sent with her change, as stored: always a download (ADR 0055). */
    @Get(value = "/wijziging/verstuurd/{publicId}/bewijs/{bestandId}", produces = MediaType.ALL)
    HttpResponse<byte[]> downloadProof(Authentication authentication, @PathVariable String publicId, @PathVariable String bestandId) {
        return proofFiles.download(CurrentUser.require(authentication).id(), publicId, bestandId).response();
    }

    /**
     * Before a proof file is deleted: what will happen, and one button; once the consulent has started on the change,
     * why it cannot be deleted (ADR 0055).
     */
    @Get("/wijziging/verstuurd/{publicId}/bewijs/{bestandId}/verwijderen")
    @View("rights/delete-proof")
    Map<String, Object> confirmDeleteProof(Authentication authentication, @PathVariable String publicId, @PathVariable String bestandId) {
        return deleteModel(CurrentUser.require(authentication), publicId, bestandId);
    }

    /** Deletes through the same rule as the app ({@link ChangeProofFiles#delete}); too late: 409 with the page that says why. */
    @Post(value = "/wijziging/verstuurd/{publicId}/bewijs/{bestandId}/verwijderen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deleteProof(Authentication authentication, @PathVariable String publicId, @PathVariable String bestandId) {
        CurrentUser user = CurrentUser.require(authentication);
        if (!proofFiles.delete(user.id(), publicId, bestandId)) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("rights/delete-proof", deleteModel(user, publicId, bestandId)));
        }
        return HttpResponse.seeOther(URI.create("/wijziging/verstuurd/" + publicId + "?verwijderd=ja#verwijderd"));
    }

    private Map<String, Object> deleteModel(CurrentUser user, String publicId, String bestandId) {
        RightsService.Receipt receipt = rights.receipt(user, publicId);
        nl.bijstandsportaal.platform.uploads.ProofFile file = proofFiles.byChange(user.id()).getOrDefault(publicId, List.of()).stream()
                .filter(f -> f.publicId().equals(bestandId)).findFirst().orElseThrow(NotFoundException::new);
        return Map.of("receipt", receipt, "file", file);
    }

    /**
     * The change form's page: the kind's screen (questions with what was typed and their errors), every error in the
     * order of the form with the proof last, whether a chosen file was dropped, and the largest file taken.
     */
    public record ChangeFormPage(String kind, String slug, FormFlow.ScreenView screen, Map<String, Text> errors, boolean fileDropped,
                          long maxMegabytes) {
    }

    private ChangeFormPage formPage(CurrentUser user, ChangeKind kind, Map<String, String> typed, Map<String, Text> errors,
                                    boolean fileDropped) {
        FormFlow.ScreenView screen = rights.changeScreen(user, kind, typed, errors);
        List<String> order = new ArrayList<>(screen.questions().stream().map(FormFlow.QuestionView::id).toList());
        order.add(PROOF);
        Map<String, Text> ordered = new LinkedHashMap<>();
        order.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
        return new ChangeFormPage(kind.name(), kind.slug(), screen, ordered, fileDropped, Upload.MAX_BYTES / 1024 / 1024);
    }
}

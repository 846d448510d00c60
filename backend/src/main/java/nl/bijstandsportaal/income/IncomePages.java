package nl.bijstandsportaal.income;

import nl.bijstandsportaal.rules.ReportPeriods;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import nl.bijstandsportaal.platform.uploads.Uploads;
import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.FormBody;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Inkomsten doorgeven": the periods, "geen inkomsten" in two taps, the sources, the check page with the estimate
 * before sending, and the receipt with its timeline. The sources travel as form fields between the steps, so
 * nothing typed is lost and nothing is stored before the citizen sends it.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CITIZEN)
class IncomePages {

    private final IncomeService income;
    private final Uploads uploads;
    private final IncomeProofFiles proofFiles;

    IncomePages(IncomeService income, Uploads uploads, IncomeProofFiles proofFiles) {
        this.income = income;
        this.uploads = uploads;
        this.proofFiles = proofFiles;
    }

    @Get("/inkomsten")
    @View("income/periods")
    Map<String, Object> periods(Authentication authentication) {
        return Map.of("periods", income.periods(CurrentUser.require(authentication)));
    }

    @Get("/inkomsten/{code}")
    @View("income/period")
    Map<String, Object> period(Authentication authentication, @PathVariable String code) {
        CurrentUser user = CurrentUser.require(authentication);
        ReportPeriod period = income.period(user, code);
        Map<String, Object> model = new HashMap<>();
        model.put("period", period);
        income.receiptIfSent(user, code).ifPresent(r -> model.put("receipt", r));
        return model;
    }

    @Post(value = "/inkomsten/{code}/geen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> noIncome(Authentication authentication, @PathVariable String code) {
        return sendOrRefuse(income.reporting(CurrentUser.require(authentication), code), List.of());
    }

    @Get("/inkomsten/{code}/bronnen")
    HttpResponse<?> sources(Authentication authentication, @PathVariable String code) {
        CurrentUser user = CurrentUser.require(authentication);
        ReportPeriod period = income.period(user, code);
        return HttpResponse.ok(new ModelAndView<>("income/sources", sourcesModel(period, income.lastSentAsTyped(user, code), Map.of())));
    }

    /** "Aanpassen" on the check page: back to the form with what was typed. */
    @Post(value = "/inkomsten/{code}/bronnen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> editSources(Authentication authentication, @PathVariable String code, @Body Map<String, Object> body) {
        CurrentUser user = CurrentUser.require(authentication);
        ReportPeriod period = income.period(user, code);
        return HttpResponse.ok(new ModelAndView<>("income/sources", sourcesModel(period, FormBody.strings(body), Map.of())));
    }

    @Post(value = "/inkomsten/{code}/controleren", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> check(Authentication authentication, @PathVariable String code, @Body Map<String, Object> body) {
        IncomeService.Reporting reporting = income.reporting(CurrentUser.require(authentication), code);
        ReportPeriod period = reporting.period();
        Map<String, String> typed = FormBody.strings(body);
        return checkedOrForm(period, typed, checked -> {
            Map<String, Object> model = new HashMap<>();
            model.put("period", period);
            model.put("sources", checked.sources());
            model.put("warnings", checked.warnings());
            income.estimateIfKnown(reporting, checked.sources()).ifPresent(estimate -> model.put("estimate", estimate));
            model.put("typed", typed);
            return HttpResponse.ok(new ModelAndView<>("income/check", model));
        });
    }

    @Post(value = "/inkomsten/{code}/versturen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> send(Authentication authentication, @PathVariable String code, @Body Map<String, Object> body) {
        IncomeService.Reporting reporting = income.reporting(CurrentUser.require(authentication), code);
        return checkedOrForm(reporting.period(), FormBody.strings(body), checked -> sendOrRefuse(reporting, checked.sources()));
    }

    /** The sources checked and handed on, or the form again (400) with each mistake and everything typed. */
    private HttpResponse<?> checkedOrForm(ReportPeriod period, Map<String, String> typed,
                                          java.util.function.Function<IncomeForm.Checked, HttpResponse<?>> next) {
        IncomeForm.Checked checked = IncomeForm.check(inputs(typed), period);
        if (!checked.ok()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("income/sources", sourcesModel(period, typed, checked.errors())));
        }
        return next.apply(checked);
    }

    @Get("/inkomsten/{code}/verstuurd")
    @View("income/receipt")
    Map<String, Object> receipt(Authentication authentication, @PathVariable String code,
                                @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable String verwijderd) {
        CurrentUser user = CurrentUser.require(authentication);
        Map<String, Object> model = receiptModel(user, income.period(user, code), income.receipt(user, code));
        model.put("deleted", verwijderd != null);
        return model;
    }

    /** One proof file she sent, as stored: always a download (ADR 0055). */
    @Get(value = "/inkomsten/{code}/bewijs/{bestandId}", produces = MediaType.ALL)
    HttpResponse<byte[]> downloadProof(Authentication authentication, @PathVariable String code, @PathVariable String bestandId) {
        return proofFiles.download(CurrentUser.require(authentication).id(), code, bestandId).response();
    }

    /**
     * Before a proof file is deleted: what will happen, and one button; once the consulent has taken the report in
     * hand, why it cannot be deleted (ADR 0055).
     */
    @Get("/inkomsten/{code}/bewijs/{bestandId}/verwijderen")
    @View("income/delete-proof")
    Map<String, Object> confirmDeleteProof(Authentication authentication, @PathVariable String code, @PathVariable String bestandId) {
        return deleteModel(CurrentUser.require(authentication), code, bestandId);
    }

    /** Deletes through the same rule as the app ({@link IncomeProofFiles#delete}); too late: 409 with the page that says why. */
    @Post(value = "/inkomsten/{code}/bewijs/{bestandId}/verwijderen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deleteProof(Authentication authentication, @PathVariable String code, @PathVariable String bestandId) {
        CurrentUser user = CurrentUser.require(authentication);
        if (!proofFiles.delete(user.id(), code, bestandId)) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("income/delete-proof", deleteModel(user, code, bestandId)));
        }
        return HttpResponse.seeOther(URI.create("/inkomsten/" + code + "/verstuurd?verwijderd=ja#verwijderd"));
    }

    private Map<String, Object> deleteModel(CurrentUser user, String code, String bestandId) {
        ReportPeriod period = income.period(user, code);
        nl.bijstandsportaal.platform.uploads.ProofFile file = proofFiles.of(user.id(), code).stream().filter(f -> f.publicId().equals(bestandId))
                .findFirst().orElseThrow(nl.bijstandsportaal.platform.web.NotFoundException::new);
        return Map.of("period", period, "file", file);
    }

    /** A payslip added after sending (multipart, so the CSRF token travels in the address). */
    @Post(value = "/inkomsten/{code}/bewijs", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> addProof(Authentication authentication, @PathVariable String code,
                             @io.micronaut.http.annotation.Part("bewijs") @io.micronaut.core.annotation.Nullable
                             io.micronaut.http.multipart.CompletedFileUpload bewijs) {
        CurrentUser user = CurrentUser.require(authentication);
        ReportPeriod period = income.period(user, code);
        IncomeService.Receipt receipt = income.receipt(user, code);
        nl.bijstandsportaal.platform.uploads.Upload.Checked checked = uploads.check(bewijs);
        if (checked.error() != null) {
            Map<String, Object> model = receiptModel(user, period, receipt);
            model.put("errors", Map.of("bewijs", checked.error()));
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("income/receipt", model));
        }
        income.addProof(user, code, checked.upload());
        return HttpResponse.seeOther(URI.create("/inkomsten/" + code + "/verstuurd"));
    }

    private Map<String, Object> receiptModel(CurrentUser user, ReportPeriod period, IncomeService.Receipt receipt) {
        Map<String, Object> model = new HashMap<>();
        model.put("receipt", receipt);
        model.put("proofFiles", proofFiles.of(user.id(), period.code()));
        model.put("period", period);
        model.put("errors", Map.of());
        model.put("maxMegabytes", nl.bijstandsportaal.platform.uploads.Upload.MAX_BYTES / 1024 / 1024);
        return model;
    }

    private HttpResponse<?> sendOrRefuse(IncomeService.Reporting reporting, List<IncomeForm.Source> sources) {
        CurrentUser user = reporting.citizen();
        ReportPeriod period = reporting.period();
        try {
            income.send(reporting, sources);
        } catch (IncomeService.AlreadyProcessedException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("income/period",
                    Map.of("period", period, "receipt", income.receipt(user, period.code()), "processed", true)));
        }
        return HttpResponse.seeOther(URI.create("/inkomsten/" + period.code() + "/verstuurd"));
    }

    /** The sources as typed: bron.0.soort, bron.0.naam, ... */
    static List<IncomeForm.SourceInput> inputs(Map<String, String> typed) {
        List<IncomeForm.SourceInput> inputs = new ArrayList<>();
        for (int i = 0; i < IncomeForm.MAX_SOURCES; i++) {
            String p = "bron." + i + ".";
            inputs.add(new IncomeForm.SourceInput(typed.get(p + "soort"), typed.get(p + "naam"), typed.get(p + "netto"),
                    typed.get(p + "bruto"), typed.get(p + "uren"), typed.get(p + "betaaldatum"), typed.get(p + "loonstrookVolgt")));
        }
        return inputs;
    }

    private static Map<String, Object> sourcesModel(ReportPeriod period, Map<String, String> typed, Map<String, Text> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("period", period);
        model.put("typed", typed);
        model.put("errors", errors);
        model.put("blocks", List.of(0, 1, 2));
        model.put("kinds", List.of("WERK", "UITKERING", "ONDERNEMING", "GIFT", "ALIMENTATIE", "ANDERS"));
        return model;
    }
}

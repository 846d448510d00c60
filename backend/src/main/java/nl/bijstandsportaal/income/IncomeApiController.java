package nl.bijstandsportaal.income;

import nl.bijstandsportaal.rules.ReportPeriods;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.validation.Validated;
import nl.bijstandsportaal.platform.uploads.Uploads;
import nl.bijstandsportaal.api.v1.Income;
import nl.bijstandsportaal.api.v1.IncomeApi;
import nl.bijstandsportaal.api.v1.Money;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.idempotency.IdempotencyService;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.ProblemException;
import nl.bijstandsportaal.platform.web.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The app's income reports: the same service and checks as the pages, mapped to the mobile-api contract. */
@Controller
@Validated
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class IncomeApiController implements IncomeApi {

    private final SecurityService security;
    private final IncomeService income;
    private final IdempotencyService idempotency;
    private final Messages messages;
    private final Problems problems;
    private final Uploads uploads;

    private final IncomeProofFiles proofFiles;

    IncomeApiController(SecurityService security, IncomeService income, IdempotencyService idempotency, Messages messages,
                        Problems problems, Uploads uploads, IncomeProofFiles proofFiles) {
        this.proofFiles = proofFiles;
        this.security = security;
        this.income = income;
        this.idempotency = idempotency;
        this.messages = messages;
        this.problems = problems;
        this.uploads = uploads;
    }

    @Override
    public List<Income.Period> periods() {
        Locale locale = locale();
        return income.periods(citizen()).stream().map(p -> new Income.Period(p.period().code(), p.period().from().toString(),
                p.period().to().toString(), p.period().deadline().toString(), p.state(),
                messages.get(locale, "income.state." + p.state()), p.report() == null ? null : p.report().kenmerk())).toList();
    }

    @Override
    public Income.Estimate estimate(String code, Income.Report report) {
        IncomeService.Reporting reporting = income.reporting(citizen(), code);
        IncomeForm.Checked checked = checked(report, reporting.period());
        Offsetting.Result r = income.estimate(reporting, checked.sources());
        Locale locale = locale();
        return new Income.Estimate(Money.euro(r.paid()), Money.euro(r.normalPaid()), Money.euro(r.income()), Money.euro(r.kept()),
                Money.euro(r.counted()), texts(locale, r.summary()), texts(locale, r.explanation()), texts(locale, checked.warnings()),
                r.provisional());
    }

    @Override
    public HttpResponse<Income.Receipt> send(String code, @Nullable String idempotencyKey, Income.Report report) {
        CurrentUser user = citizen();
        IncomeService.Reporting reporting = income.reporting(user, code);
        IncomeForm.Checked checked = checked(report, reporting.period());
        Offsetting.Result estimate = income.estimateIfKnown(reporting, checked.sources()).orElse(null);
        // The key is stored in the same transaction as the report, with the receipt as answered, in the same round trip
        // as the report's last writes. A retry gets that answer byte for byte, also after a later correction. (A key
        // stored before answers were, version 15, has only the report's id: its retry answers the receipt as it is now.)
        Locale locale = locale();
        IncomeService.Receipt[] sent = new IncomeService.Receipt[1];
        try {
            return idempotency.respond("burger:" + user.id(), idempotencyKey, report, Argument.of(String.class), tx -> {
                IncomeService.Sending sending = income.send(tx, user, reporting.period(), checked.sources(), estimate);
                sent[0] = sending.receipt();
                return new IdempotencyService.Outcome<>(HttpStatus.CREATED, sending.receipt().report().publicId(), sending.writes());
            }, id -> IdempotencyService.Reply.at("/api/v1/inkomsten/" + code,
                    receipt(locale, sent[0] != null ? sent[0] : income.receipt(user, code))));
        } catch (IncomeService.AlreadyProcessedException e) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
        }
    }

    @Override
    public Income.Receipt receipt(String code) {
        return receipt(locale(), income.receipt(citizen(), code));
    }

    @Override
    public HttpResponse<byte[]> proofFile(String code, String bestandId) {
        return proofFiles.download(citizen().id(), code, bestandId).response();
    }

    @Override
    public HttpResponse<Void> deleteProofFile(String code, String bestandId) {
        if (!proofFiles.delete(citizen().id(), code, bestandId)) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.FILE_HANDLED);
        }
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<Income.Receipt> addProof(String code, @Nullable String fileName, @Nullable String idempotencyKey, byte[] file) {
        CurrentUser user = citizen();
        income.receipt(user, code); // a period without a report of one's own: 404 before we look at the file
        nl.bijstandsportaal.platform.uploads.Upload.Checked checked = uploads.check(fileName, file);
        if (checked.error() != null) {
            throw problem(Map.of("bewijs", checked.error()));
        }
        // The key's request is the file as it arrived (its checksum): a retry is stored once and answered as the first time.
        Locale locale = locale();
        return idempotency.respondAfterCommit("burger:" + user.id(), idempotencyKey, Map.of("bewijs", code, "sha256", checked.upload().sha256()),
                Argument.of(String.class), tx -> {
                    income.addProof(user, code, checked.upload());
                    return new IdempotencyService.Outcome<>(HttpStatus.CREATED, code);
                }, sent -> IdempotencyService.Reply.of(receipt(locale, income.receipt(user, sent))));
    }

    /** No income, or the sources checked as on the page; 422 naming each field as the app sent it (bronnen[0].netto). */
    private IncomeForm.Checked checked(Income.Report report, ReportPeriod period) {
        if (report.geenInkomsten()) {
            if (report.bronnen() != null && !report.bronnen().isEmpty()) {
                throw problem(Map.of("bronnen", Text.of("income.error.noneAndSources")));
            }
            return new IncomeForm.Checked(List.of(), Map.of(), List.of());
        }
        List<IncomeForm.SourceInput> inputs = new ArrayList<>();
        for (Income.Source s : report.bronnen() == null ? List.<Income.Source>of() : report.bronnen()) {
            inputs.add(new IncomeForm.SourceInput(s.soort(), s.naam(), s.netto(), s.bruto(), s.uren(), s.betaaldatum(),
                    s.loonstrookVolgt() ? "ja" : null));
        }
        IncomeForm.Checked checked = IncomeForm.check(inputs, period);
        if (!checked.ok()) {
            throw problem(checked.errors());
        }
        return checked;
    }

    private ProblemException problem(Map<String, Text> errors) {
        return problems.invalid(errors, field -> field.replaceFirst("^bron\\.(\\d+)\\.", "bronnen[$1]."));
    }

    private Income.Receipt receipt(Locale locale, IncomeService.Receipt r) {
        var report = r.report();
        return new Income.Receipt(report.publicId(), report.kenmerk(), report.periodCode(), report.status(),
                messages.get(locale, "income.state." + report.status()), report.version(), report.noIncome(), report.late(),
                Money.euro(report.expectedPaid()), Money.euro(r.countedPaid()), report.sentAt().toString(),
                r.sources().stream().map(s -> new Income.ReceiptSource(s.kind(), s.name(), Money.euro(s.net()), s.payslipFollows(),
                        Money.euro(s.countedNet()), s.countedReason())).toList(),
                r.timeline().stream().map(e -> new Income.Event(e.at().toString(), e.kind(),
                        messages.get(locale, "income.event." + e.kind()), e.note())).toList(),
                r.proof(), proofFiles.of(citizen().id(), report.periodCode()).stream()
                        .map(f -> new nl.bijstandsportaal.api.v1.ProofFile(f.publicId(), f.name(), f.size(), f.addedAt(), f.deletable())).toList());
    }

    private CurrentUser citizen() {
        return CurrentUser.requireCitizen(security.getAuthentication());
    }

    private Locale locale() {
        return problems.locale();
    }

    private List<String> texts(Locale locale, List<Text> texts) {
        return texts.stream().map(t -> messages.render(locale, t)).toList();
    }
}

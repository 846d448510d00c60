package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.uploads.Upload;
import nl.bijstandsportaal.platform.uploads.Uploads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import nl.bijstandsportaal.platform.web.ApiPaging;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.validation.Validated;
import nl.bijstandsportaal.api.v1.ChangeReceipt;
import nl.bijstandsportaal.api.v1.ChangeReport;
import nl.bijstandsportaal.api.v1.Money;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.api.v1.Quiz;
import nl.bijstandsportaal.api.v1.RightsApi;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.idempotency.IdempotencyService;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.web.ProblemException;
import nl.bijstandsportaal.platform.web.Problems;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.rules.MonthlyNorm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The app's rights overview and change reports: the same service as the pages, mapped to the mobile-api contract. */
@Controller
@Validated
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class RightsApiController implements RightsApi {

    private final SecurityService security;
    private final RightsService rights;
    private final IdempotencyService idempotency;
    private final Messages messages;
    private final Problems problems;
    private final Uploads uploads;

    private final ChangeProofFiles proofFiles;

    RightsApiController(SecurityService security, RightsService rights, IdempotencyService idempotency, Messages messages,
                        Problems problems, Uploads uploads, ChangeProofFiles proofFiles) {
        this.proofFiles = proofFiles;
        this.security = security;
        this.rights = rights;
        this.idempotency = idempotency;
        this.messages = messages;
        this.problems = problems;
        this.uploads = uploads;
    }

    @Override
    public nl.bijstandsportaal.api.v1.RightsOverview overview() {
        RightsService.Page page = rights.overview(citizen());
        RightsOverview o = page.overview();
        Locale locale = locale();
        MonthlyNorm n = o.norm();
        var norm = n == null ? null : new nl.bijstandsportaal.api.v1.RightsOverview.Norm(Money.euro(n.inclVt()),
                Money.euro(n.vakantietoeslag()), Money.euro(n.exclVt()), String.format("%02d", n.vtPayMonth()),
                n.parts().stream().map(p -> new nl.bijstandsportaal.api.v1.RightsOverview.Part(p.from().toString(), p.to().toString(),
                        p.days(), p.category().code(), Money.euro(p.categoryRule().value()),
                        p.isKostendelersnorm() ? p.kostendelers() : null,
                        p.isKostendelersnorm() ? p.kostendelerPercent().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : null,
                        Money.euro(p.monthlyAmount()), Money.euro(p.share()))).toList());
        var ack = page.acknowledged();
        return new nl.bijstandsportaal.api.v1.RightsOverview(
                o.today().toString(), o.month().toString(), norm,
                o.normMissing() == null ? null : text(locale, o.normMissing()),
                texts(locale, o.normSummary()), texts(locale, o.normDetails()),
                o.checklist().stream().map(i -> new nl.bijstandsportaal.api.v1.RightsOverview.ChecklistItem(i.id(),
                        text(locale, i.title()), texts(locale, i.examples()), i.report() == null ? null : i.report().name())).toList(),
                o.duties().stream().map(d -> new nl.bijstandsportaal.api.v1.RightsOverview.Duty(d.code(), text(locale, d.name()),
                        text(locale, d.what()), d.ontheffing(), d.reason(), d.until() == null ? null : d.until().toString())).toList(),
                texts(locale, o.consequences()),
                o.upcoming().stream().map(u -> new nl.bijstandsportaal.api.v1.RightsOverview.Upcoming(u.date().toString(), u.kind(),
                        text(locale, u.text()), Money.euro(u.newNorm()))).toList(),
                o.quiz().stream().map(q -> new nl.bijstandsportaal.api.v1.RightsOverview.QuizQuestion(q.id(), text(locale, q.question()),
                        q.options().stream().map(opt -> new nl.bijstandsportaal.api.v1.RightsOverview.QuizQuestion.Option(opt.id(),
                                text(locale, opt.text()))).toList())).toList(),
                o.rulesUsed().stream().map(r -> new nl.bijstandsportaal.api.v1.RightsOverview.Rule(r.key().code(),
                        messages.get(locale, "rule." + r.key().code()), r.gemeente(), r.from().toString(),
                        r.to() == null ? null : r.to().toString(), r.value().stripTrailingZeros().toPlainString(), r.source())).toList(),
                o.rulesVersion(),
                new nl.bijstandsportaal.api.v1.RightsOverview.Acknowledged(ack.readAt() == null ? null : ack.readAt().toString(),
                        ack.readCurrent(), ack.quizAt() == null ? null : ack.quizAt().toString(), ack.quizRight(), ack.quizCurrent()));
    }

    @Override
    public HttpResponse<Void> markRead() {
        rights.markRead(citizen());
        return HttpResponse.noContent();
    }

    @Override
    public Quiz.Result answerQuiz(Quiz.Answers answers) {
        Locale locale = locale();
        RightsService.QuizResult result = rights.quiz(citizen(), answers.antwoorden());
        return new Quiz.Result(result.right(), result.answers().size(), result.answers().stream().map(a -> new Quiz.Answer(
                a.question().id(), text(locale, a.question().question()), a.given(), a.question().correct(),
                a.question().options().stream().filter(o -> o.id().equals(a.question().correct())).findFirst()
                        .map(o -> text(locale, o.text())).orElse(""),
                a.right(), text(locale, a.question().explanation()))).toList());
    }

    @Override
    public Map<String, String> housemates() {
        Map<String, String> byId = new LinkedHashMap<>();
        rights.members(citizen()).forEach((id, name) -> byId.put(String.valueOf(id), name));
        return byId;
    }

    @Override
    public HttpResponse<ChangeReceipt> report(@Nullable String idempotencyKey, ChangeReport report) {
        CurrentUser user = citizen();
        Locale locale = locale();
        ChangeForm form = new ChangeForm(ChangeKind.valueOf(report.soort().name()), report.datum(), report.datumTot(), report.naam(),
                report.geboortedatum(), report.huishoudstatus(), report.lid(), report.bedrag(), report.land(), report.straat(),
                report.postcode(), report.woonplaats(), report.toelichting());
        RightsService.Checked checked = rights.check(user, form);
        if (!checked.errors().isEmpty()) {
            throw problems.invalid(checked.errors());
        }
        return idempotency.respond("burger:" + user.id(), idempotencyKey, report, Argument.of(ChangeReceipt.class),
                tx -> new IdempotencyService.Outcome<>(HttpStatus.CREATED, receipt(locale, rights.store(tx, user, checked.request(), null))),
                receipt -> IdempotencyService.Reply.at("/api/v1/wijzigingen/" + receipt.id(), receipt));
    }

    @Override
    public HttpResponse<List<ChangeReceipt>> changes(HttpRequest<?> request, @Nullable String aantal, @Nullable String na,
                                                     @Nullable String gewijzigdSinds) {
        ApiPaging.Page page = ApiPaging.page(problems, aantal, na, gewijzigdSinds);
        Locale locale = locale();
        CurrentUser user = citizen();
        ApiPaging.Slice<RightsService.Receipt> slice = rights.changes(user, page);
        Map<String, List<nl.bijstandsportaal.platform.uploads.ProofFile>> files = proofFiles.byChange(user.id());
        return ApiPaging.withNext(HttpResponse.ok(slice.items().stream().map(r -> receipt(locale, r, files)).toList()), request, page, slice);
    }

    @Override
    public ChangeReceipt change(String id) {
        return receipt(locale(), rights.receipt(citizen(), id));
    }

    @Override
    public HttpResponse<byte[]> proofFile(String id, String bestandId) {
        return proofFiles.download(citizen().id(), id, bestandId).response();
    }

    @Override
    public HttpResponse<Void> deleteProofFile(String id, String bestandId) {
        if (!proofFiles.delete(citizen().id(), id, bestandId)) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.FILE_HANDLED);
        }
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<ChangeReceipt> addProof(String id, @Nullable String fileName, @Nullable String idempotencyKey, byte[] file) {
        Locale locale = locale();
        CurrentUser user = citizen();
        rights.receipt(user, id); // another citizen's change: 404 before we look at the file
        Upload.Checked checked = uploads.check(fileName, file);
        if (checked.error() != null) {
            throw problems.invalid(Map.of("bewijs", checked.error()));
        }
        // The key's request is the file as it arrived (its checksum): a retry is stored once and answered as the first time.
        return idempotency.respondAfterCommit("burger:" + user.id(), idempotencyKey, Map.of("bewijs", id, "sha256", checked.upload().sha256()),
                Argument.of(String.class), tx -> {
                    rights.addProof(user, id, checked.upload());
                    return new IdempotencyService.Outcome<>(HttpStatus.CREATED, id);
                }, sent -> IdempotencyService.Reply.of(receipt(locale, rights.receipt(user, sent))));
    }

    private ChangeReceipt receipt(Locale locale, RightsService.Receipt r) {
        return receipt(locale, r, proofFiles.byChange(citizen().id()));
    }

    private ChangeReceipt receipt(Locale locale, RightsService.Receipt r, Map<String, List<nl.bijstandsportaal.platform.uploads.ProofFile>> files) {
        return new ChangeReceipt(r.publicId(), r.kenmerk(), r.kind().name(), r.sentAt().toString(), r.datum().toString(),
                r.datumTot() == null ? null : r.datumTot().toString(), r.status(),
                messages.get(locale, "change.status." + r.status()), text(locale, r.effect().text()),
                Money.euro(r.effect().newNorm()), r.consulent(), r.attachments(),
                files.getOrDefault(r.publicId(), List.of()).stream()
                        .map(f -> new nl.bijstandsportaal.api.v1.ProofFile(f.publicId(), f.name(), f.size(), f.addedAt(), f.deletable())).toList());
    }

    private CurrentUser citizen() {
        return CurrentUser.requireCitizen(security.getAuthentication());
    }

    private Locale locale() {
        return problems.locale();
    }

    private String text(Locale locale, Text text) {
        return messages.render(locale, text);
    }

    private List<String> texts(Locale locale, List<Text> texts) {
        return texts.stream().map(t -> text(locale, t)).toList();
    }
}

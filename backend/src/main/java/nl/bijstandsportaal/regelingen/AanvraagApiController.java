package nl.bijstandsportaal.regelingen;

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
import nl.bijstandsportaal.api.v1.Aanvragen;
import nl.bijstandsportaal.api.v1.AanvragenApi;
import nl.bijstandsportaal.api.v1.Money;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.documents.DocumentRequests;
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.idempotency.IdempotencyService;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.platform.web.NotFoundException;
import nl.bijstandsportaal.platform.web.ProblemException;
import nl.bijstandsportaal.platform.web.Problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applying for a regeling in the app: the same service, checks and texts as the pages /aanvragen, mapped to the
 * mobile-api contract. Starting and sending store their Idempotency-Key in the same transaction as the work.
 */
@Controller
@Validated
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class AanvraagApiController implements AanvragenApi {

    private static final String TOEGEKEND = "TOEGEKEND";

    private final SecurityService security;
    private final AanvraagService aanvragen;
    private final IdempotencyService idempotency;
    private final Messages messages;
    private final Problems problems;

    AanvraagApiController(SecurityService security, AanvraagService aanvragen, IdempotencyService idempotency, Messages messages,
                          Problems problems) {
        this.security = security;
        this.aanvragen = aanvragen;
        this.idempotency = idempotency;
        this.messages = messages;
        this.problems = problems;
    }

    @Override
    public List<Aanvragen.Samenvatting> applications() {
        Locale locale = problems.locale();
        return aanvragen.mine(citizen()).stream().map(a -> new Aanvragen.Samenvatting(a.id(), a.regeling().slug(),
                messages.render(locale, a.text("naam")), status(a), messages.render(locale, statusText(a)), a.kenmerk(),
                a.startedAt(), a.sentAt(), a.open() ? a.clock().deadline() : null)).toList();
    }

    @Override
    public HttpResponse<Aanvragen.Aanvraag> start(@Nullable String idempotencyKey, Aanvragen.Start start) {
        CurrentUser user = citizen();
        Regeling regeling = Regeling.bySlug(start.regeling()).orElseThrow(NotFoundException::new);
        return idempotency.respondAfterCommit(owner(user), idempotencyKey, start, Argument.of(String.class),
                tx -> new IdempotencyService.Outcome<>(HttpStatus.CREATED, aanvragen.start(tx, user, regeling)),
                id -> IdempotencyService.Reply.at("/api/v1/aanvragen/" + id, dto(aanvragen.view(user, id))));
    }

    @Override
    public Aanvragen.Aanvraag application(String id) {
        return dto(aanvragen.view(citizen(), id));
    }

    @Override
    public Aanvragen.Aanvraag screen(String id, String scherm) {
        return dto(concept(aanvragen.change(citizen(), id, scherm)));
    }

    @Override
    public Aanvragen.Aanvraag answer(String id, String scherm, Aanvragen.Antwoorden antwoorden) {
        Map<String, String> typed = antwoorden.antwoorden() == null ? Map.of() : antwoorden.antwoorden();
        AanvraagService.Aanvraag a = concept(aanvragen.answer(citizen(), id, scherm, typed, false));
        if (!a.errors().isEmpty()) {
            throw problems.invalid(a.errors());
        }
        return dto(a);
    }

    @Override
    public HttpResponse<Aanvragen.Aanvraag> send(String id, @Nullable String idempotencyKey) {
        CurrentUser user = citizen();
        // The key is stored in the transaction that sends; an application that cannot be sent yet stores nothing, so the
        // same key works once the questions are answered.
        try {
            return idempotency.respondAfterCommit(owner(user), idempotencyKey, Map.of("aanvraag", id), Argument.of(String.class), tx -> {
                if (aanvragen.send(tx, user, id) == AanvraagService.Sent.INCOMPLETE) {
                    throw new Incomplete();
                }
                return new IdempotencyService.Outcome<>(HttpStatus.OK, id);
            }, sent -> IdempotencyService.Reply.of(dto(aanvragen.view(user, sent))));
        } catch (Incomplete e) {
            throw unanswered(aanvragen.view(user, id));
        }
    }

    @Override
    public HttpResponse<Aanvragen.Aanvraag> object(String id, @Nullable String idempotencyKey, Aanvragen.BezwaarMaken bezwaar) {
        CurrentUser user = citizen();
        if (!aanvragen.view(user, id).decided()) {
            throw conflict("aanvraag.api.error.geenBesluit");
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("waarom", bezwaar.waarom());
        typed.put("telaat", bezwaar.teLaat());
        return idempotency.respondAfterCommit(owner(user), idempotencyKey, Map.of("bezwaar", id, "bericht", typed), Argument.of(String.class), tx -> {
            Map<String, Text> errors = aanvragen.object(user, id, typed);
            if (!errors.isEmpty()) {
                throw problems.invalid(errors, field -> "telaat".equals(field) ? "teLaat" : field);
            }
            return new IdempotencyService.Outcome<>(HttpStatus.CREATED, id);
        }, made -> IdempotencyService.Reply.of(dto(aanvragen.view(user, made))));
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    private Aanvragen.Aanvraag dto(AanvraagService.Aanvraag a) {
        Locale locale = problems.locale();
        List<Aanvragen.Papier> bewijs = a.concept()
                ? a.proof().stream().map(t -> new Aanvragen.Papier(messages.render(locale, t), null, null, null, null, false, null)).toList()
                : a.bewijs().stream().map(d -> paper(d, null)).toList();
        return new Aanvragen.Aanvraag(a.id(), a.regeling().slug(), messages.render(locale, a.text("naam")), status(a),
                messages.render(locale, statusText(a)), a.kenmerk(), a.startedAt(), a.sentAt(),
                a.concept() && a.screen() != null ? screen(locale, a.screen()) : null,
                a.summary().stream().map(x -> new Aanvragen.Antwoord(x.screen(), x.questionId(), messages.render(locale, x.question()),
                        x.answer() != null ? messages.render(locale, x.answer()) : x.value())).toList(),
                bewijs, a.herstel().stream().map(d -> paper(d, d.why())).toList(),
                a.open() ? clock(locale, a) : null,
                a.decided() ? decision(locale, a) : null,
                a.bezwaar() == null ? null : new Aanvragen.Bezwaar(a.bezwaar().kenmerk(), a.bezwaar().madeAt(), a.bezwaar().why()));
    }

    private Aanvragen.Scherm screen(Locale locale, FormFlow.ScreenView s) {
        return new Aanvragen.Scherm(s.id(), s.number(), s.total(), s.heading() == null ? null : messages.render(locale, s.heading()),
                s.questions().stream().map(q -> new Aanvragen.Vraag(q.id(), soort(q.kind()), messages.render(locale, q.label()),
                        orNull(messages.render(locale, q.hint())),
                        q.options().stream().map(o -> new Aanvragen.Optie(o.value(), messages.render(locale, o.label()))).toList(),
                        orNull(q.typed()))).toList());
    }

    /** The kind of question in the API's Dutch (ADR 0048). */
    private static String soort(nl.bijstandsportaal.platform.forms.Question.Kind kind) {
        return switch (kind) {
            case CHOICE -> "KEUZE";
            case WHOLE_NUMBER -> "HEEL_GETAL";
            case AMOUNT -> "BEDRAG";
            case TEXT -> "TEKST";
            default -> kind.name();
        };
    }

    private static Aanvragen.Papier paper(DocumentRequests.DocumentRequest d, @Nullable String why) {
        return new Aanvragen.Papier(d.what(), why, d.publicId(), d.status().name(), d.deadline(), d.late(), d.sentAt());
    }

    /** Where the legal clock stands, with the same words as the status page. */
    private Aanvragen.Termijn clock(Locale locale, AanvraagService.Aanvraag a) {
        Termijnen.Clock c = a.clock();
        Text text = c.paused() ? Text.of("aanvraag.status.paused")
                : c.overdue() ? Text.of("aanvraag.status.late", c.deadline())
                : c.daysLeft() == 0 ? Text.of("aanvraag.status.today")
                : Text.of("aanvraag.status.waiting", c.daysLeft());
        return new Aanvragen.Termijn(c.deadline(), c.paused(), c.daysLeft(), c.overdue(), a.verdaagdTot(), a.verdagingReden(),
                messages.render(locale, text));
    }

    private Aanvragen.Besluit decision(Locale locale, AanvraagService.Aanvraag a) {
        boolean granted = TOEGEKEND.equals(a.besluit());
        Text said = granted ? Text.of("aanvraag.besluit.TOEGEKEND", a.bedrag()) : Text.of("aanvraag.besluit." + a.besluit());
        Text means = !granted ? Text.of("aanvraag.besluit.means." + a.besluit())
                : a.paidBy() == null ? Text.of("aanvraag.besluit.TOEGEKEND.means")
                : Text.of("aanvraag.besluit.means.TOEGEKEND", a.bedrag(), a.paidBy());
        return new Aanvragen.Besluit(a.besluit(), messages.render(locale, said), messages.render(locale, means),
                granted ? Money.euro(a.bedrag()) : null, granted ? a.paidBy() : null, a.reden(), a.decidedOn(), a.bezwaarUntil(),
                a.bezwaarLate());
    }

    private static Aanvragen.Status status(AanvraagService.Aanvraag a) {
        return Aanvragen.Status.valueOf(a.citizenStatus());
    }

    /** The status in words, as the list of applications on the web says it. */
    private static Text statusText(AanvraagService.Aanvraag a) {
        if (a.concept()) {
            return Text.of("aanvraag.list.concept", day(a.startedAt()));
        }
        return a.decided() ? Text.of("aanvraag.list.decided", a.kenmerk())
                : Text.of("aanvraag.list.sent", day(a.sentAt()), a.clock().deadline());
    }

    // ---- errors -----------------------------------------------------------------------------------------------

    /** A sent application never changes: 409. */
    private AanvraagService.Aanvraag concept(AanvraagService.Aanvraag a) {
        if (!a.concept()) {
            throw conflict("aanvraag.api.error.verstuurd");
        }
        return a;
    }

    /** 422 naming each question of the screen that waits for an answer, with what to do. */
    private ProblemException unanswered(AanvraagService.Aanvraag a) {
        if (a.screen() == null) {
            return conflict("aanvraag.api.error.verstuurd"); // sent meanwhile
        }
        FormFlow flow = AanvraagFlows.of(a.regeling());
        return problems.invalid(flow.screen(a.screen().id()).map(s -> flow.check(s, Map.of()).errors()).orElseThrow());
    }

    private ProblemException conflict(String key) {
        return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, messages.get(problems.locale(), key), null, List.of());
    }

    private CurrentUser citizen() {
        return CurrentUser.requireCitizen(security.getAuthentication());
    }

    private static String owner(CurrentUser user) {
        return "burger:" + user.id();
    }

    private static LocalDate day(Instant at) {
        return at.atZone(Today.DUTCH_TIME).toLocalDate();
    }

    private static String orNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Sending found a question without an answer: nothing is stored, the key included. */
    private static final class Incomplete extends RuntimeException {
        Incomplete() {
            super(null, null, false, false);
        }
    }
}

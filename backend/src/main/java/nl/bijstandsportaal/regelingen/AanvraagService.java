package nl.bijstandsportaal.regelingen;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.notifications.MessageArguments;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.db.generated.tables.records.AanvraagRecord;
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.forms.Screen;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.platform.web.NotFoundException;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulePeriodRepository;
import nl.bijstandsportaal.rules.RulesService;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applying for a regeling: a concept saved after every screen (so it survives an ended session and can be finished
 * on another device), a check of the answers, sending once (a sent application never changes; sending again changes
 * nothing), and following it on the legal clock to the decision. The consulent sees sent applications with the days
 * left, and decides with a reason the citizen reads in the portal.
 */
@Singleton
public class AanvraagService {

    public static final String DECIDED = "AANVRAAG_BESLUIT";
    public static final String OPENED = "AANVRAAG_BEKEKEN";
    /** The decisions a consulent can take. */
    public static final List<String> BESLUITEN = List.of("TOEGEKEND", "AFGEWEZEN", "BUITEN_BEHANDELING");

    private final AanvraagRepository repository;
    private final RegelingenService regelingen;
    private final RegelingenRepository checkAnswers;
    private final RulesService rules;
    private final RulePeriodRepository municipalities;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final AuditLog audit;
    private final DSLContext db;
    private final Clock clock;

    AanvraagService(AanvraagRepository repository, RegelingenService regelingen, RegelingenRepository checkAnswers,
                    RulesService rules, RulePeriodRepository municipalities, Outbox outbox, MessageArguments arguments,
                    AuditLog audit, DSLContext db, Clock clock) {
        this.repository = repository;
        this.regelingen = regelingen;
        this.checkAnswers = checkAnswers;
        this.rules = rules;
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.arguments = arguments;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    /**
     * An application as its pages show it. {@code screen}: the question to answer now (null when all are answered);
     * {@code summary}: every answer with its question, for the check before sending; {@code proof}: what to send along;
     * {@code clock}: the legal clock once sent; {@code bezwaarUntil}: the last day for bezwaar once decided.
     */
    public record Aanvraag(String id, Regeling regeling, String status, String kenmerk, FormFlow.ScreenView screen, boolean first,
                           Map<String, Text> errors, List<Answer> summary, List<Text> proof, Instant startedAt, Instant sentAt,
                           Termijnen.Clock clock, String besluit, BigDecimal bedrag, String reden, LocalDate decidedOn,
                           LocalDate bezwaarUntil, String citizenName) {

        public Text text(String part) {
            return Text.of("regelingen." + regeling.code() + "." + part);
        }

        public boolean concept() {
            return AanvraagRepository.CONCEPT.equals(status);
        }
    }

    /** One answer for the check page: the question, the answer in words, and the screen to change it. */
    public record Answer(Text question, Text answer, String value, String screen) {
    }

    // ---- the citizen ----------------------------------------------------------------------------------------

    /** Starts an application, or continues the concept there is; the check's answers fill it in. */
    public String start(CurrentUser citizen, Regeling regeling) {
        String gemeente = regelingen.gemeenteOf(citizen);
        if (!Eligibility.offered(gemeente, rules.book(), today()).contains(regeling)) {
            throw new NotFoundException();
        }
        return repository.concept(citizen.id(), regeling.name()).map(AanvraagRecord::getPublicId).orElseGet(() -> {
            Map<String, String> prefill = new LinkedHashMap<>();
            Map<String, String> given = checkAnswers.answers(citizen.id());
            FormFlow flow = AanvraagFlows.of(regeling);
            flow.screens().forEach(s -> s.questions().forEach(q -> q.read(given.get(q.id())).ifPresent(v -> prefill.put(q.id(), v))));
            return repository.create(citizen.id(), gemeente, regeling.name(), RegelingenRepository.encode(prefill), clock.instant()).getPublicId();
        });
    }

    public Aanvraag view(CurrentUser citizen, String id) {
        AanvraagRecord r = own(citizen, id);
        return view(r, null, Map.of(), Map.of(), false, null);
    }

    /** The screen to change one answer (from the check page). */
    public Aanvraag change(CurrentUser citizen, String id, String screenId) {
        AanvraagRecord r = own(citizen, id);
        Screen screen = AanvraagFlows.of(regeling(r)).screen(screenId).orElseThrow(NotFoundException::new);
        return view(r, screen, Map.of(), Map.of(), false, null);
    }

    /** One screen answered: checked, and saved at once when right; {@code back}: to the screen before. */
    public Aanvraag answer(CurrentUser citizen, String id, String screenId, Map<String, String> typed, boolean back) {
        AanvraagRecord r = own(citizen, id);
        if (!r.getStatus().equals(AanvraagRepository.CONCEPT)) {
            return view(r, null, Map.of(), Map.of(), false, null);
        }
        FormFlow flow = AanvraagFlows.of(regeling(r));
        Screen screen = flow.screen(screenId).orElseThrow(NotFoundException::new);
        Map<String, String> answers = RegelingenRepository.decode(r.getAntwoorden());
        if (back) {
            return view(r, flow.before(screen, answers, Set.of()).orElse(screen), typed, Map.of(), false, null);
        }
        FormFlow.Checked checked = flow.check(screen, typed);
        if (!checked.ok()) {
            return view(r, screen, typed, checked.errors(), false, null);
        }
        answers.putAll(checked.answers());
        String encoded = RegelingenRepository.encode(flow.kept(answers));
        repository.saveAnswers(r.getId(), encoded, clock.instant());
        r.setAntwoorden(encoded);
        return view(r, null, Map.of(), Map.of(), false, null);
    }

    /** Sends the application when every question has an answer; sending again changes nothing. */
    public Aanvraag send(CurrentUser citizen, String id) {
        AanvraagRecord r = own(citizen, id);
        FormFlow flow = AanvraagFlows.of(regeling(r));
        if (r.getStatus().equals(AanvraagRepository.CONCEPT) && flow.next(RegelingenRepository.decode(r.getAntwoorden())).isEmpty()) {
            repository.send(r.getId(), clock.instant());
        }
        return view(own(citizen, id), null, Map.of(), Map.of(), false, null);
    }

    /** The citizen's applications, newest first. */
    public List<Aanvraag> mine(CurrentUser citizen) {
        return repository.ofCitizen(citizen.id()).stream().map(r -> view(r, null, Map.of(), Map.of(), true, null)).toList();
    }

    // ---- the consulent --------------------------------------------------------------------------------------

    /** A sent application in the work list: who, what, and the days left on the legal clock. */
    public record WorkItem(String id, Regeling regeling, String kenmerk, String name, Instant sentAt, String status,
                           Termijnen.Clock clock) {
        public Text text(String part) {
            return Text.of("regelingen." + regeling.code() + "." + part);
        }
    }

    /** The sent applications of the consulent's municipality: open ones first, by days left. */
    public List<WorkItem> workList(CurrentUser consulent) {
        String gemeente = gemeenteOf(consulent);
        LocalDate today = today();
        return repository.sent(gemeente).stream().map(row -> {
            Regeling regeling = Regeling.valueOf(row.regeling());
            return new WorkItem(row.publicId(), regeling, row.kenmerk(), row.name(), row.sentAt(), row.status(),
                    decisionClock(regeling, gemeente, row.sentAt(), today));
        }).sorted(java.util.Comparator.comparing((WorkItem w) -> !w.status().equals(AanvraagRepository.VERSTUURD))
                .thenComparing(w -> w.clock().daysLeft())).toList();
    }

    /** One application for the consulent; opening it is audited. */
    public Aanvraag forConsulent(CurrentUser consulent, String id) {
        AanvraagRecord r = repository.inGemeente(gemeenteOf(consulent), id).orElseThrow(NotFoundException::new);
        audit.record(db, consulent.id(), r.getBurgerId(), OPENED, "Aanvraag " + r.getKenmerk() + " bekeken");
        return view(r, null, Map.of(), Map.of(), true, name(r.getBurgerId()));
    }

    /** The consulent's decision form, as typed. */
    public record Decision(String besluit, String bedrag, String reden) {
    }

    /** Decides: a granted application needs an amount, every decision a reason the citizen can read. Errors per field. */
    public Map<String, Text> decide(CurrentUser consulent, String id, Decision d) {
        AanvraagRecord r = repository.inGemeente(gemeenteOf(consulent), id).orElseThrow(NotFoundException::new);
        Map<String, Text> errors = new LinkedHashMap<>();
        if (d.besluit() == null || !BESLUITEN.contains(d.besluit())) {
            errors.put("besluit", Text.of("aanvraag.decide.error.besluit"));
        }
        BigDecimal bedrag = null;
        if ("TOEGEKEND".equals(d.besluit())) {
            bedrag = TypedInput.amount(d.bedrag()).filter(b -> b.signum() > 0).orElse(null);
            if (bedrag == null) {
                errors.put("bedrag", Text.of("aanvraag.decide.error.bedrag"));
            }
        }
        String reden = d.reden() == null ? "" : d.reden().strip();
        if (reden.isEmpty() || reden.length() > 2000) {
            errors.put("reden", Text.of("aanvraag.decide.error.reden"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Instant now = clock.instant();
        BigDecimal amount = bedrag;
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            if (!repository.decide(t, r.getId(), d.besluit(), amount, reden, consulent.id(), now)) {
                return; // decided before: nothing changes
            }
            outbox.write(t, new Outbox.Message(r.getBurgerId(), Topic.STATUS, "aanvraag/" + r.getPublicId() + "/besluit",
                    "notification.aanvraag.besluit", arguments.of(List.of(r.getKenmerk())), "/aanvragen/" + r.getPublicId()), now);
            audit.record(t, consulent.id(), r.getBurgerId(), DECIDED, "Aanvraag " + r.getKenmerk() + ": " + d.besluit()
                    + (amount == null ? "" : " " + amount.toPlainString()));
        });
        return Map.of();
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private Aanvraag view(AanvraagRecord r, Screen screen, Map<String, String> typed, Map<String, Text> errors, boolean listOnly,
                          String citizenName) {
        Regeling regeling = regeling(r);
        FormFlow flow = AanvraagFlows.of(regeling);
        Map<String, String> answers = RegelingenRepository.decode(r.getAntwoorden());
        boolean concept = r.getStatus().equals(AanvraagRepository.CONCEPT);
        Screen current = screen != null ? screen : concept && !listOnly ? flow.next(answers).orElse(null) : null;
        FormFlow.ScreenView screenView = current == null ? null : flow.view(current, answers, typed, errors, Set.of());
        boolean first = current == null || flow.before(current, answers, Set.of()).isEmpty();
        List<Answer> summary = flow.shown(answers).stream().flatMap(s -> s.questions().stream().map(q -> new Answer(
                flow.words(q, "label"),
                q.kind() == nl.bijstandsportaal.platform.forms.Question.Kind.CHOICE && answers.containsKey(q.id())
                        ? flow.words(q, answers.get(q.id())) : null,
                q.kind() == nl.bijstandsportaal.platform.forms.Question.Kind.AMOUNT && answers.containsKey(q.id())
                        ? "€ " + q.display(answers.get(q.id())) : answers.getOrDefault(q.id(), ""),
                s.id()))).toList();
        List<Text> proof = AanvraagFlows.proof(regeling, answers).stream().map(Text::of).toList();
        Instant sentAt = r.getVerstuurdOp() == null ? null : r.getVerstuurdOp().toInstant(ZoneOffset.UTC);
        Termijnen.Clock legal = sentAt == null ? null : decisionClock(regeling, r.getGemeente(), sentAt, today());
        LocalDate decidedOn = r.getBeslotenOp() == null ? null : r.getBeslotenOp().toInstant(ZoneOffset.UTC).atZone(Today.DUTCH_TIME).toLocalDate();
        LocalDate bezwaar = decidedOn == null ? null : Termijnen.bezwaarUntil(decidedOn, bezwaarWeeks(r.getGemeente(), decidedOn));
        return new Aanvraag(r.getPublicId(), regeling, r.getStatus(), r.getKenmerk(), screenView, first, errors, summary, proof,
                r.getGestartOp().toInstant(ZoneOffset.UTC), sentAt, legal, r.getBesluit(), r.getBesluitBedrag(), r.getBesluitReden(),
                decidedOn, bezwaar, citizenName);
    }

    private Termijnen.Clock decisionClock(Regeling regeling, String gemeente, Instant sentAt, LocalDate today) {
        LocalDate received = sentAt.atZone(Today.DUTCH_TIME).toLocalDate();
        int weeks = rules.book().find(regeling.decisionWeeks(), gemeente, received).map(p -> p.value().intValue()).orElse(8);
        return Termijnen.decision(received, weeks, List.of(), null, today);
    }

    private int bezwaarWeeks(String gemeente, LocalDate day) {
        RuleBook book = rules.book();
        return book.find(RuleKey.AWB_BEZWAARTERMIJN_WEKEN, gemeente, day).map(p -> p.value().intValue()).orElse(6);
    }

    private AanvraagRecord own(CurrentUser citizen, String id) {
        return repository.own(citizen.id(), id).orElseThrow(NotFoundException::new);
    }

    private String gemeenteOf(CurrentUser employee) {
        return municipalities.gemeente(employee.gemeenteId()).map(RulePeriodRepository.Gemeente::code).orElseThrow(NotFoundException::new);
    }

    private String name(long burgerId) {
        return db.select(nl.bijstandsportaal.platform.db.generated.Tables.BURGER.VOORNAAM, nl.bijstandsportaal.platform.db.generated.Tables.BURGER.ACHTERNAAM)
                .from(nl.bijstandsportaal.platform.db.generated.Tables.BURGER)
                .where(nl.bijstandsportaal.platform.db.generated.Tables.BURGER.ID.eq(burgerId))
                .fetchOne(rec -> rec.value1() + " " + rec.value2());
    }

    private static Regeling regeling(AanvraagRecord r) {
        return Regeling.valueOf(r.getRegeling());
    }

    private LocalDate today() {
        return Today.in(clock);
    }
}

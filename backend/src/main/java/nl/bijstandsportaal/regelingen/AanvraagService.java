package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.account.AccountRepository;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.documents.DocumentRequests;
import nl.bijstandsportaal.notifications.MessageArguments;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.db.generated.tables.records.AanvraagRecord;
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.forms.Question;
import nl.bijstandsportaal.platform.forms.Screen;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.platform.web.NotFoundException;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulePeriod;
import nl.bijstandsportaal.rules.RulePeriodRepository;
import nl.bijstandsportaal.rules.RulesService;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;

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
    public static final String PROPOSED = "AANVRAAG_VOORSTEL";
    public static final String APPROVED = "AANVRAAG_AKKOORD";
    public static final String TURNED_DOWN = "AANVRAAG_NIET_AKKOORD";
    public static final String ADJOURNED = "AANVRAAG_VERDAAGD";
    /** The decisions a consulent can take. */
    public static final List<String> BESLUITEN = List.of("TOEGEKEND", "AFGEWEZEN", "BUITEN_BEHANDELING");
    public static final int MAX_REASON = 2000;
    public static final int MAX_OBJECTION = 4000;
    public static final int MAX_NOTE = 1000;

    private final AanvraagRepository repository;
    private final AccountRepository accounts;
    private final RegelingenService regelingen;
    private final RegelingenRepository checkAnswers;
    private final DocumentRequests documents;
    private final RulesService rules;
    private final RulePeriodRepository municipalities;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final Messages messages;
    private final AuditLog audit;
    private final DSLContext db;
    private final Clock clock;

    AanvraagService(AanvraagRepository repository, RegelingenService regelingen, RegelingenRepository checkAnswers,
                    DocumentRequests documents, RulesService rules, RulePeriodRepository municipalities, Outbox outbox,
                    MessageArguments arguments, Messages messages, AuditLog audit, DSLContext db, Clock clock,
                    AccountRepository accounts) {
        this.accounts = accounts;
        this.repository = repository;
        this.regelingen = regelingen;
        this.checkAnswers = checkAnswers;
        this.documents = documents;
        this.rules = rules;
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.arguments = arguments;
        this.messages = messages;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    /**
     * An application as its pages show it. {@code screen}: the question to answer now (null when all are answered);
     * {@code summary}: every answer with its question, for the check before sending; {@code proof}: what to send along
     * (before sending: the list; after: {@code bewijs}, one request per item with its files); {@code herstel}: the
     * requests to complete it; {@code clock}: the legal clock once sent; {@code bezwaarUntil}: the last day for bezwaar
     * once decided; {@code review}: for the consulent, the decision waiting for a second employee, or the note of one
     * who did not agree.
     */
    public record Aanvraag(String id, Regeling regeling, String status, String kenmerk, FormFlow.ScreenView screen, boolean first,
                           Map<String, Text> errors, List<Answer> summary, List<Text> proof, Instant startedAt, Instant sentAt,
                           Termijnen.Clock clock, String besluit, BigDecimal bedrag, String reden, LocalDate decidedOn,
                           LocalDate bezwaarUntil, String citizenName, List<DocumentRequests.DocumentRequest> bewijs,
                           List<DocumentRequests.DocumentRequest> herstel, LocalDate verdaagdTot, String verdagingReden,
                           Review review, Objection bezwaar, String gemeenteNaam, long burgerId, LocalDate paidBy,
                           boolean bezwaarLate) {

        public Text text(String part) {
            return Text.of("regelingen." + regeling.code() + "." + part);
        }

        public boolean concept() {
            return AanvraagRepository.CONCEPT.equals(status);
        }

        /** Sent and not decided yet (also while a proposed decision waits for a second employee). */
        public boolean open() {
            return AanvraagRepository.VERSTUURD.equals(status) || AanvraagRepository.VOORGESTELD.equals(status);
        }

        public boolean decided() {
            return AanvraagRepository.BESLOTEN.equals(status);
        }

        /**
         * The status as the citizen reads it: CONCEPT, VERSTUURD or BESLOTEN. A decision waiting for a second employee
         * (VOORGESTELD) is not a decision yet: the citizen sees VERSTUURD until it is taken.
         */
        public String citizenStatus() {
            return decided() ? AanvraagRepository.BESLOTEN : open() ? AanvraagRepository.VERSTUURD : AanvraagRepository.CONCEPT;
        }

        /** Proof the citizen still has to send. */
        public List<DocumentRequests.DocumentRequest> missing() {
            return bewijs.stream().filter(d -> d.status() == DocumentRequests.Status.OPEN).toList();
        }

        /** A request to complete the application still waits for the citizen. */
        public List<DocumentRequests.DocumentRequest> herstelOpen() {
            return herstel.stream().filter(d -> d.status() == DocumentRequests.Status.OPEN && !d.late()).toList();
        }
    }

    /**
     * One answer for the check page: the question, the answer in words, the screen to change it, and the question's id
     * (the key of its answer).
     */
    public record Answer(Text question, Text answer, String value, String screen, String questionId) {
    }

    /** What sending did: sent now; sent before (nothing changed); or not sent, a question still waits for an answer. */
    public enum Sent { NOW, BEFORE, INCOMPLETE }

    /**
     * Four eyes, as the consulent sees it. {@code proposedBy}: who proposed the grant (null when none waits);
     * {@code mayApprove}: the employee looking is not the one who proposed it; {@code note}: why a second employee did
     * not agree with an earlier proposal (null: none).
     */
    public record Review(String proposedBy, boolean mayApprove, String note, BigDecimal above, String besluit, BigDecimal bedrag,
                         LocalDate paidBy, String reden) {
        /** The proposed decision in words ("afwijzen", "buiten behandeling stellen"). */
        public Text besluitText() {
            return Text.of("consulent.aanvraag.review.besluit." + besluit);
        }
    }

    /** A bezwaar made in the portal. {@code late}: after the bezwaartermijn, with the citizen's reason. */
    public record Objection(String kenmerk, String why, String lateReason, LocalDate madeAt) {
        public boolean late() {
            return lateReason != null;
        }
    }

    // ---- the citizen ----------------------------------------------------------------------------------------

    /** Starts an application, or continues the concept there is; the check's answers fill it in. */
    public String start(CurrentUser citizen, Regeling regeling) {
        return start(db, citizen, regeling);
    }

    /**
     * As {@link #start(CurrentUser, Regeling)}, in the caller's transaction (the API stores an Idempotency-Key with it,
     * so a retry that clashes is rolled back whole).
     */
    public String start(DSLContext tx, CurrentUser citizen, Regeling regeling) {
        String gemeente = regelingen.gemeenteOf(citizen);
        if (!Eligibility.offered(gemeente, rules.book(), today()).contains(regeling)) {
            throw new NotFoundException();
        }
        return repository.concept(tx, citizen.id(), regeling.name()).map(AanvraagRecord::getPublicId).orElseGet(() -> {
            Map<String, String> prefill = new LinkedHashMap<>();
            Map<String, String> given = checkAnswers.answers(citizen.id());
            FormFlow flow = AanvraagFlows.of(regeling);
            flow.screens().forEach(s -> s.questions().forEach(q -> q.read(given.get(q.id())).ifPresent(v -> prefill.put(q.id(), v))));
            return repository.create(tx, citizen.id(), gemeente, regeling.name(), RegelingenRepository.encode(prefill), clock.instant()).getPublicId();
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

    /**
     * Sends the application when every question has an answer, in one transaction with its proof list (one document
     * request per item) and the receipt in the citizen's inbox. Sending again changes nothing.
     */
    public Aanvraag send(CurrentUser citizen, String id) {
        AanvraagRecord r = own(citizen, id);
        db.transaction(tx -> send(tx.dsl(), r));
        return view(own(citizen, id), null, Map.of(), Map.of(), false, null);
    }

    /**
     * As {@link #send(CurrentUser, String)}, in the caller's transaction (the API stores an Idempotency-Key with it);
     * says what it did.
     */
    public Sent send(DSLContext tx, CurrentUser citizen, String id) {
        return send(tx, own(citizen, id));
    }

    private Sent send(DSLContext t, AanvraagRecord r) {
        Regeling regeling = regeling(r);
        Map<String, String> answers = RegelingenRepository.decode(r.getAntwoorden());
        if (!r.getStatus().equals(AanvraagRepository.CONCEPT)) {
            return Sent.BEFORE;
        }
        if (AanvraagFlows.of(regeling).next(answers).isPresent()) {
            return Sent.INCOMPLETE;
        }
        Instant now = clock.instant();
        if (!repository.send(t, r.getId(), now)) {
            return Sent.BEFORE;
        }
        String kenmerk = String.format("A%07d", r.getId());
        String naam = messages.get(Messages.DUTCH, "regelingen." + regeling.code() + ".naam");
        List<String> proof = AanvraagFlows.proof(regeling, answers).stream().map(k -> messages.get(Messages.DUTCH, k)).toList();
        documents.askProof(t, r.getBurgerId(), r.getGemeente(), r.getId(), proof,
                messages.get(Messages.DUTCH, "aanvraag.proof.why", naam, kenmerk));
        outbox.write(t, new Outbox.Message(r.getBurgerId(), Topic.STATUS, "aanvraag/" + r.getPublicId() + "/verstuurd",
                proof.isEmpty() ? "notification.aanvraag.verstuurd" : "notification.aanvraag.verstuurd.bewijs",
                arguments.of(List.of(kenmerk, decisionClock(regeling, r.getGemeente(), now, List.of(), null, today()).deadline(),
                        proof.size())), "/aanvragen/" + r.getPublicId()), now);
        return Sent.NOW;
    }

    /** The citizen's applications, newest first. */
    public List<Aanvraag> mine(CurrentUser citizen) {
        return repository.ofCitizen(citizen.id()).stream().map(r -> view(r, null, Map.of(), Map.of(), true, null)).toList();
    }

    /**
     * A bezwaar against the decision, made in the portal: why (required), and after the bezwaartermijn also why it is
     * late (Awb 6:11). One per decision; it reaches the consulent's work list, the citizen gets a receipt.
     */
    public Map<String, Text> object(CurrentUser citizen, String id, Map<String, String> typed) {
        AanvraagRecord r = own(citizen, id);
        if (!r.getStatus().equals(AanvraagRepository.BESLOTEN) || repository.bezwaar(r.getId()).isPresent()) {
            return Map.of();
        }
        Map<String, Text> errors = new LinkedHashMap<>();
        String why = strip(typed.get("waarom"));
        if (why.isEmpty() || why.length() > MAX_OBJECTION) {
            errors.put("waarom", Text.of("aanvraag.bezwaar.error.waarom", MAX_OBJECTION));
        }
        LocalDate until = bezwaarUntil(r);
        String lateReason = null;
        if (today().isAfter(until)) {
            lateReason = strip(typed.get("telaat"));
            if (lateReason.isEmpty() || lateReason.length() > MAX_NOTE) {
                errors.put("telaat", Text.of("aanvraag.bezwaar.error.telaat", MAX_NOTE));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Instant now = clock.instant();
        String late = lateReason;
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            if (repository.objection(t, r.getId(), r.getBurgerId(), why, late, now)) {
                outbox.write(t, new Outbox.Message(r.getBurgerId(), Topic.STATUS, "aanvraag/" + r.getPublicId() + "/bezwaar",
                        "notification.aanvraag.bezwaar", arguments.of(List.of(r.getKenmerk())), "/aanvragen/" + r.getPublicId()), now);
            }
        });
        return Map.of();
    }

    // ---- the consulent --------------------------------------------------------------------------------------

    /**
     * A sent application in the work list: who, what, the days left on the legal clock, and what waits: a proposed
     * grant for a second employee ({@code proposal}), a new bezwaar ({@code bezwaar}).
     */
    public record WorkItem(String id, Regeling regeling, String kenmerk, String name, Instant sentAt, String status,
                           Termijnen.Clock clock, boolean proposal, boolean bezwaar) {
        public Text text(String part) {
            return Text.of("regelingen." + regeling.code() + "." + part);
        }

        public boolean open() {
            return !AanvraagRepository.BESLOTEN.equals(status);
        }
    }

    /** The sent applications of the consulent's municipality: a new bezwaar and open ones first, by days left. */
    public List<WorkItem> workList(CurrentUser consulent) {
        String gemeente = gemeenteOf(consulent);
        LocalDate today = today();
        List<AanvraagRepository.SentRow> rows = repository.sent(gemeente, accounts.teamOf(consulent));
        Map<Long, List<Termijnen.Herstel>> herstel = repository.herstel(rows.stream().map(AanvraagRepository.SentRow::id).toList());
        return rows.stream().map(row -> {
            Regeling regeling = Regeling.valueOf(row.regeling());
            return new WorkItem(row.publicId(), regeling, row.kenmerk(), row.name(), row.sentAt(), row.status(),
                    decisionClock(regeling, gemeente, row.sentAt(), herstel.getOrDefault(row.id(), List.of()),
                            row.verdaging(), today),
                    AanvraagRepository.VOORGESTELD.equals(row.status()), row.bezwaar() == AanvraagRepository.Bezwaar.NEW);
        }).sorted(Comparator.comparing((WorkItem w) -> !w.bezwaar()).thenComparing(w -> !w.open())
                .thenComparing(w -> w.clock().daysLeft())).toList();
    }

    /** One application for the consulent; opening it is audited, and a bezwaar on it is then seen. */
    public Aanvraag forConsulent(CurrentUser consulent, String id) {
        AanvraagRecord r = inGemeente(consulent, id);
        audit.record(db, consulent.id(), r.getBurgerId(), OPENED, "Aanvraag " + r.getKenmerk() + " bekeken");
        repository.bezwaarSeen(r.getId(), consulent.id(), clock.instant());
        return view(r, null, Map.of(), Map.of(), true, consulent);
    }

    /** The consulent's decision form, as typed. */
    public record Decision(String besluit, String bedrag, String betaaldatum, String reden) {
    }

    /** How far ahead a payment date may be: further is almost always a typing error. */
    static final int MAX_PAYMENT_DAYS = 92;

    /** What a decision did: taken (the citizen is told), or proposed for a second employee (four eyes). */
    public enum Decided { DECIDED, PROPOSED }

    /** A decision, or the messages per field (then nothing is stored). */
    public record DecisionResult(Decided decided, Map<String, Text> errors) {
    }

    /**
     * Decides: a granted application needs an amount, every decision a reason the citizen can read, and "buiten
     * behandeling" a request to complete it that the citizen let pass unused (Awb 4:5). A grant above the municipality's
     * four-eyes amount is only proposed; a second employee takes it ({@link #review}).
     */
    public DecisionResult decide(CurrentUser consulent, String id, Decision d) {
        AanvraagRecord r = inGemeente(consulent, id);
        CheckedDecision checked = check(r, d);
        if (!checked.errors().isEmpty()) {
            return new DecisionResult(null, checked.errors());
        }
        String reden = checked.reden();
        Instant now = clock.instant();
        BigDecimal amount = checked.bedrag();
        LocalDate paid = checked.paidBy();
        boolean fourEyes = amount != null ? fourEyesAbove(r.getGemeente()).map(limit -> amount.compareTo(limit) > 0).orElse(false)
                : rules.book().find(RuleKey.AANVRAAG_VIER_OGEN_AFWIJZING, r.getGemeente(), today()).map(p -> p.value().signum() > 0).orElse(false);
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            if (fourEyes) {
                if (repository.propose(t, r.getId(), d.besluit(), amount, paid, reden, consulent.id(), now)) {
                    audit.record(t, consulent.id(), r.getBurgerId(), PROPOSED, "Aanvraag " + r.getKenmerk() + ": "
                            + (amount != null ? "toekenning " + amount.toPlainString() : d.besluit().toLowerCase(java.util.Locale.ROOT))
                            + " voorgesteld, wacht op een tweede medewerker");
                }
            } else if (repository.decide(t, r.getId(), AanvraagRepository.VERSTUURD, d.besluit(), amount, paid, reden, consulent.id(), now)) {
                decided(t, r, consulent, d.besluit(), amount, now);
            }
        });
        return new DecisionResult(fourEyes ? Decided.PROPOSED : Decided.DECIDED, Map.of());
    }

    /** The messages per field a decision would get, without taking it: the consulent first sees how readable the reason is. */
    public Map<String, Text> checkDecision(CurrentUser consulent, String id, Decision d) {
        return check(inGemeente(consulent, id), d).errors();
    }

    private record CheckedDecision(Map<String, Text> errors, BigDecimal bedrag, LocalDate paidBy, String reden) {
    }

    private CheckedDecision check(AanvraagRecord r, Decision d) {
        Map<String, Text> errors = new LinkedHashMap<>();
        if (!r.getStatus().equals(AanvraagRepository.VERSTUURD)) {
            errors.put("besluit", Text.of(r.getStatus().equals(AanvraagRepository.VOORGESTELD)
                    ? "aanvraag.decide.error.proposed" : "aanvraag.decide.error.decided"));
            return new CheckedDecision(errors, null, null, null);
        }
        if (d.besluit() == null || !BESLUITEN.contains(d.besluit())) {
            errors.put("besluit", Text.of("aanvraag.decide.error.besluit"));
        } else if ("BUITEN_BEHANDELING".equals(d.besluit())
                && documents.forApplication(r.getId()).stream().noneMatch(q -> q.soort() == DocumentRequests.Soort.HERSTEL && q.late())) {
            errors.put("besluit", Text.of("aanvraag.decide.error.buitenBehandeling"));
        }
        BigDecimal bedrag = null;
        LocalDate paidBy = null;
        if ("TOEGEKEND".equals(d.besluit())) {
            bedrag = TypedInput.amount(d.bedrag()).filter(b -> b.signum() > 0).orElse(null);
            if (bedrag == null) {
                errors.put("bedrag", Text.of("aanvraag.decide.error.bedrag"));
            }
            paidBy = TypedInput.date(d.betaaldatum()).filter(p -> !p.isBefore(today()) && !p.isAfter(today().plusDays(MAX_PAYMENT_DAYS)))
                    .orElse(null);
            if (paidBy == null) {
                errors.put("betaaldatum", Text.of("aanvraag.decide.error.betaaldatum", today(), today().plusDays(MAX_PAYMENT_DAYS)));
            }
        }
        String reden = strip(d.reden());
        if (reden.isEmpty() || reden.length() > MAX_REASON) {
            errors.put("reden", Text.of("aanvraag.decide.error.reden"));
        }
        return new CheckedDecision(errors, bedrag, paidBy, reden);
    }

    /**
     * A second employee on a proposed grant: agree (it takes effect and the citizen is told) or not (back to the first,
     * with a note, which is required). The one who proposed it cannot agree with it.
     */
    public Map<String, Text> review(CurrentUser second, String id, String choice, String note) {
        AanvraagRecord r = inGemeente(second, id);
        if (!r.getStatus().equals(AanvraagRepository.VOORGESTELD)) {
            return Map.of();
        }
        if (r.getVoorgesteldDoor() == second.id()) {
            return Map.of("keuze", Text.of("aanvraag.review.error.self"));
        }
        String text = strip(note);
        if (!"akkoord".equals(choice) && !"niet".equals(choice)) {
            return Map.of("keuze", Text.of("aanvraag.review.error.keuze"));
        }
        if ("niet".equals(choice) && (text.isEmpty() || text.length() > MAX_NOTE)) {
            return Map.of("notitie", Text.of("aanvraag.review.error.notitie", MAX_NOTE));
        }
        Instant now = clock.instant();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            if ("akkoord".equals(choice)) {
                if (repository.decide(t, r.getId(), AanvraagRepository.VOORGESTELD, r.getBesluit(), r.getBesluitBedrag(),
                        r.getBesluitBetaaldatum(), r.getBesluitReden(), second.id(), now)) {
                    audit.record(t, second.id(), r.getBurgerId(), APPROVED, "Aanvraag " + r.getKenmerk() + ": akkoord met "
                            + (r.getBesluitBedrag() != null ? "toekenning " + r.getBesluitBedrag().toPlainString()
                            : r.getBesluit().toLowerCase(java.util.Locale.ROOT)));
                    decided(t, r, second, r.getBesluit(), r.getBesluitBedrag(), now);
                }
            } else if (repository.turnDown(t, r.getId(), text, now)) {
                audit.record(t, second.id(), r.getBurgerId(), TURNED_DOWN, "Aanvraag " + r.getKenmerk() + ": niet akkoord met voorstel");
            }
        });
        return Map.of();
    }

    private void decided(DSLContext t, AanvraagRecord r, CurrentUser by, String besluit, BigDecimal amount, Instant now) {
        documents.withdrawForApplication(t, r.getId());
        outbox.write(t, new Outbox.Message(r.getBurgerId(), Topic.STATUS, "aanvraag/" + r.getPublicId() + "/besluit",
                "notification.aanvraag.besluit", arguments.of(List.of(r.getKenmerk())), "/aanvragen/" + r.getPublicId()), now);
        audit.record(t, by.id(), r.getBurgerId(), DECIDED, "Aanvraag " + r.getKenmerk() + ": " + besluit
                + (amount == null ? "" : " " + amount.toPlainString()));
    }

    /**
     * Asks the citizen to complete the application (a hersteltermijn, Awb 4:5): what, why and by when, as a document
     * request they answer from the phone. The decision clock stands still until it is done (Awb 4:15). Messages per field.
     */
    public Map<String, Text> askMore(CurrentUser consulent, String id, Map<String, String> typed) {
        AanvraagRecord r = inGemeente(consulent, id);
        if (!r.getStatus().equals(AanvraagRepository.VERSTUURD)) {
            return Map.of("wat", Text.of("aanvraag.herstel.error.closed"));
        }
        return db.transactionResult(tx -> documents.askToComplete(tx.dsl(), consulent, r.getBurgerId(), r.getId(), typed));
    }

    /** The messages per field a request to complete would get, without sending it: first the readability of its text. */
    public Map<String, Text> checkAskMore(CurrentUser consulent, String id, Map<String, String> typed) {
        AanvraagRecord r = inGemeente(consulent, id);
        if (!r.getStatus().equals(AanvraagRepository.VERSTUURD)) {
            return Map.of("wat", Text.of("aanvraag.herstel.error.closed"));
        }
        return documents.checkRequest(consulent, r.getBurgerId(), typed);
    }

    /**
     * Names a later decision date (verdaging, Awb 4:14): before the decision is late, once, with a reason the citizen
     * reads; at most the decision period again after the current last day (a "redelijke termijn").
     */
    public Map<String, Text> adjourn(CurrentUser consulent, String id, Map<String, String> typed) {
        AanvraagRecord r = inGemeente(consulent, id);
        CheckedAdjournment checked = checkAdjournment(r, consulent, typed);
        if (!checked.errors().isEmpty()) {
            return checked.errors();
        }
        LocalDate until = checked.until();
        String reason = checked.reason();
        Instant now = clock.instant();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            if (repository.adjourn(t, r.getId(), until, reason, now)) {
                outbox.write(t, new Outbox.Message(r.getBurgerId(), Topic.STATUS, "aanvraag/" + r.getPublicId() + "/verdaagd",
                        "notification.aanvraag.verdaagd", arguments.of(List.of(r.getKenmerk(), until)), "/aanvragen/" + r.getPublicId()), now);
                audit.record(t, consulent.id(), r.getBurgerId(), ADJOURNED, "Aanvraag " + r.getKenmerk() + " verdaagd tot " + until);
            }
        });
        return Map.of();
    }

    /** The messages per field a verdaging would get, without storing it: first the readability of the reason. */
    public Map<String, Text> checkAdjournment(CurrentUser consulent, String id, Map<String, String> typed) {
        return checkAdjournment(inGemeente(consulent, id), consulent, typed).errors();
    }

    private record CheckedAdjournment(Map<String, Text> errors, LocalDate until, String reason) {
    }

    private CheckedAdjournment checkAdjournment(AanvraagRecord r, CurrentUser consulent, Map<String, String> typed) {
        Aanvraag a = view(r, null, Map.of(), Map.of(), true, consulent);
        Map<String, Text> errors = new LinkedHashMap<>();
        if (!a.open() || a.verdaagdTot() != null) {
            errors.put("tot", Text.of("aanvraag.verdaging.error.once"));
            return new CheckedAdjournment(errors, null, null);
        }
        if (a.clock().overdue()) {
            errors.put("tot", Text.of("aanvraag.verdaging.error.late", a.clock().deadline()));
            return new CheckedAdjournment(errors, null, null);
        }
        LocalDate deadline = a.clock().deadline();
        LocalDate latest = deadline.plusWeeks(weeks(a.regeling(), r.getGemeente(), a.clock().received()));
        LocalDate until = TypedInput.date(typed.getOrDefault("tot", "")).orElse(null);
        if (until == null) {
            errors.put("tot", Text.of("aanvraag.verdaging.error.date"));
        } else if (!until.isAfter(deadline) || until.isAfter(latest)) {
            errors.put("tot", Text.of("aanvraag.verdaging.error.range", deadline.plusDays(1), latest));
        }
        String reason = strip(typed.get("waaromLater"));
        if (reason.isEmpty() || reason.length() > MAX_NOTE) {
            errors.put("waaromLater", Text.of("aanvraag.verdaging.error.reden", MAX_NOTE));
        }
        return new CheckedAdjournment(errors, until, reason);
    }

    /** How long applying takes in the consulent's municipality: per regeling, over the last {@code days} days. */
    public record Speed(Regeling regeling, int sent, long medianSeconds, long p90Seconds, double averageScreens) {
        public Text text(String part) {
            return Text.of("regelingen." + regeling.code() + "." + part);
        }
    }

    public List<Speed> speed(CurrentUser employee, int days) {
        List<AanvraagRepository.Duration> all = repository.durations(gemeenteOf(employee), clock.instant().minus(java.time.Duration.ofDays(days)));
        return java.util.Arrays.stream(Regeling.values()).map(regeling -> {
            List<AanvraagRepository.Duration> of = all.stream().filter(x -> x.regeling() == regeling).toList();
            if (of.isEmpty()) {
                return null;
            }
            long[] seconds = of.stream().mapToLong(AanvraagRepository.Duration::seconds).sorted().toArray();
            return new Speed(regeling, of.size(), seconds[(seconds.length - 1) / 2], seconds[(int) Math.ceil(seconds.length * 0.9) - 1],
                    of.stream().mapToInt(AanvraagRepository.Duration::screens).average().orElse(0));
        }).filter(java.util.Objects::nonNull).toList();
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    /** The decision letter: the application as decided, for the citizen (their own) or a consulent (audited). */
    public Aanvraag letter(CurrentUser user, String id) {
        Aanvraag a = user.isEmployee() ? forConsulent(user, id) : view(user, id);
        if (!a.decided()) {
            throw new NotFoundException();
        }
        return a;
    }

    private Aanvraag view(AanvraagRecord r, Screen screen, Map<String, String> typed, Map<String, Text> errors, boolean listOnly,
                          CurrentUser consulent) {
        Regeling regeling = regeling(r);
        FormFlow flow = AanvraagFlows.of(regeling);
        Map<String, String> answers = RegelingenRepository.decode(r.getAntwoorden());
        boolean concept = r.getStatus().equals(AanvraagRepository.CONCEPT);
        Screen current = screen != null ? screen : concept && !listOnly ? flow.next(answers).orElse(null) : null;
        FormFlow.ScreenView screenView = current == null ? null : flow.view(current, answers, typed, errors, Set.of());
        boolean first = current == null || flow.before(current, answers, Set.of()).isEmpty();
        List<Answer> summary = flow.shown(answers).stream().flatMap(s -> s.questions().stream().map(q -> new Answer(
                flow.words(q, "label"),
                q.kind() == Question.Kind.CHOICE && answers.containsKey(q.id())
                        ? flow.words(q, answers.get(q.id())) : null,
                q.kind() == Question.Kind.AMOUNT && answers.containsKey(q.id())
                        ? "€ " + q.display(answers.get(q.id())) : answers.getOrDefault(q.id(), ""),
                s.id(), q.id()))).toList();
        List<Text> proof = AanvraagFlows.proof(regeling, answers).stream().map(Text::of).toList();
        Instant sentAt = r.getVerstuurdOp() == null ? null : r.getVerstuurdOp().toInstant(ZoneOffset.UTC);
        List<DocumentRequests.DocumentRequest> requests = sentAt == null ? List.of() : documents.forApplication(r.getId());
        List<DocumentRequests.DocumentRequest> herstel = requests.stream().filter(d -> d.soort() == DocumentRequests.Soort.HERSTEL).toList();
        Termijnen.Verdaging verdaging = AanvraagRepository.verdaging(r.getVerdaagdOp(), r.getVerdaagdTot());
        Termijnen.Clock legal = sentAt == null ? null : decisionClock(regeling, r.getGemeente(), sentAt,
                herstel.stream().flatMap(d -> suspensions(d).stream()).toList(), verdaging, today());
        LocalDate decidedOn = r.getBeslotenOp() == null ? null : AanvraagRepository.day(r.getBeslotenOp());
        Review review = null;
        if (consulent != null) {
            String proposedBy = r.getStatus().equals(AanvraagRepository.VOORGESTELD) ? employeeName(r.getVoorgesteldDoor()) : null;
            review = new Review(proposedBy, proposedBy != null && r.getVoorgesteldDoor() != consulent.id(), r.getAkkoordNotitie(),
                    fourEyesAbove(r.getGemeente()).orElse(null), r.getBesluit(), r.getBesluitBedrag(), r.getBesluitBetaaldatum(),
                    r.getBesluitReden());
        }
        boolean decided = r.getStatus().equals(AanvraagRepository.BESLOTEN);
        Objection bezwaar = decided ? repository.bezwaar(r.getId()).map(b -> new Objection(b.getKenmerk(), b.getWaarom(), b.getTeLaatReden(),
                AanvraagRepository.day(b.getIngediendOp()))).orElse(null) : null;
        return new Aanvraag(r.getPublicId(), regeling, r.getStatus(), r.getKenmerk(), screenView, first, errors, summary, proof,
                r.getGestartOp().toInstant(ZoneOffset.UTC), sentAt, legal, decided ? r.getBesluit() : null, r.getBesluitBedrag(),
                r.getBesluitReden(), decidedOn, decided ? bezwaarUntil(r) : null,
                consulent != null || (decided && !listOnly) ? name(r.getBurgerId()) : null,
                requests.stream().filter(d -> d.soort() == DocumentRequests.Soort.BEWIJS).toList(), herstel,
                r.getVerdaagdTot(), r.getVerdagingReden(), review, bezwaar,
                decided && (consulent != null || !listOnly) ? municipalities.gemeenten().getOrDefault(r.getGemeente(), r.getGemeente()) : null,
                r.getBurgerId(), r.getBesluitBetaaldatum(), decided && today().isAfter(bezwaarUntil(r)));
    }

    /**
     * A request to complete the application as the clock reads it: asked, due, done (first file, or closed), split by a
     * later last day given after the term passed and by "send again" into the pauses the law counts (Termijnen.herstel).
     */
    private static List<Termijnen.Herstel> suspensions(DocumentRequests.DocumentRequest request) {
        Instant done = request.sentAt() != null ? request.sentAt() : request.closedAt();
        List<Termijnen.HerstelStap> steps = request.steps().stream()
                .filter(s -> AanvraagRepository.CLOCK_STEPS.contains(s.kind().name()))
                .map(s -> new Termijnen.HerstelStap(Termijnen.HerstelStapSoort.valueOf(s.kind().name()), s.at().atZone(Today.DUTCH_TIME).toLocalDate(),
                        s.oldDeadline(), s.newDeadline()))
                .toList();
        return Termijnen.herstel(request.askedAt().atZone(Today.DUTCH_TIME).toLocalDate(), request.deadline(),
                done == null ? null : done.atZone(Today.DUTCH_TIME).toLocalDate(), steps);
    }

    Termijnen.Clock decisionClock(Regeling regeling, String gemeente, Instant sentAt, List<Termijnen.Herstel> herstel,
                                  Termijnen.Verdaging verdaging, LocalDate today) {
        LocalDate received = sentAt.atZone(Today.DUTCH_TIME).toLocalDate();
        return Termijnen.decision(received, weeks(regeling, gemeente, received), herstel, verdaging, today);
    }

    private int weeks(Regeling regeling, String gemeente, LocalDate received) {
        return rules.book().find(regeling.decisionWeeks(), gemeente, received).map(p -> p.value().intValue()).orElse(8);
    }

    private Optional<BigDecimal> fourEyesAbove(String gemeente) {
        return rules.book().find(RuleKey.AANVRAAG_VIER_OGEN_BEDRAG, gemeente, today()).map(RulePeriod::value);
    }

    private LocalDate bezwaarUntil(AanvraagRecord r) {
        LocalDate decidedOn = AanvraagRepository.day(r.getBeslotenOp());
        RuleBook book = rules.book();
        int weeks = book.find(RuleKey.AWB_BEZWAARTERMIJN_WEKEN, r.getGemeente(), decidedOn).map(p -> p.value().intValue()).orElse(6);
        return Termijnen.bezwaarUntil(decidedOn, weeks);
    }

    private AanvraagRecord own(CurrentUser citizen, String id) {
        return repository.own(citizen.id(), id).orElseThrow(NotFoundException::new);
    }

    /** A sent application of a citizen the employee may see (their team's, or taken over); else 404. */
    private AanvraagRecord inGemeente(CurrentUser consulent, String id) {
        AanvraagRecord r = repository.inGemeente(gemeenteOf(consulent), id).orElseThrow(NotFoundException::new);
        if (accounts.access(consulent, r.getBurgerId()) != AccountRepository.Access.TEAM) {
            throw new NotFoundException();
        }
        return r;
    }

    private String gemeenteOf(CurrentUser employee) {
        return municipalities.gemeente(employee.gemeenteId()).map(RulePeriodRepository.Gemeente::code).orElseThrow(NotFoundException::new);
    }

    private String name(long burgerId) {
        return db.select(BURGER.VOORNAAM, BURGER.ACHTERNAAM).from(BURGER).where(BURGER.ID.eq(burgerId))
                .fetchOne(rec -> rec.value1() + " " + rec.value2());
    }

    private String employeeName(Long medewerkerId) {
        return medewerkerId == null ? null : db.select(MEDEWERKER.NAAM).from(MEDEWERKER).where(MEDEWERKER.ID.eq(medewerkerId)).fetchOne(MEDEWERKER.NAAM);
    }

    private static String strip(String typed) {
        return typed == null ? "" : typed.strip();
    }

    private static Regeling regeling(AanvraagRecord r) {
        return Regeling.valueOf(r.getRegeling());
    }

    private LocalDate today() {
        return Today.in(clock);
    }
}

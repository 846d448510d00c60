package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.web.ApiPaging;
import nl.bijstandsportaal.platform.uploads.Upload;
import nl.bijstandsportaal.platform.time.Today;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.db.generated.tables.records.WijzigingRecord;
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.web.Download;
import nl.bijstandsportaal.platform.web.NotFoundException;
import nl.bijstandsportaal.rights.ChangeEffects.ChangeEffect;
import nl.bijstandsportaal.rights.ChangeForm.ChangeRequest;
import nl.bijstandsportaal.rights.RightsOverview.QuizQuestion;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RulesService;
import org.jooq.DSLContext;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rights-and-duties overview of the citizen asking, their acknowledgement and quiz, and the changes they
 * report. Web pages and the app call the same methods; every method works only on the caller's own data.
 */
@Singleton
public class RightsService {

    static final String READ = "GELEZEN";
    static final String QUIZ = "QUIZ";

    private final AccountRepository accounts;
    private final RightsRepository repository;
    private final RulesService rules;
    private final DSLContext db;
    private final AuditLog audit;
    private final Clock clock;

    RightsService(AccountRepository accounts, RightsRepository repository, RulesService rules, DSLContext db, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.rules = rules;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** The overview with the citizen's profile and whether they read this version (and did the quiz). */
    public record Page(CitizenProfile profile, RightsOverview overview, Acknowledged acknowledged) {
    }

    /**
     * {@code readAt}: when they last said "ik heb dit gelezen" (null: never); {@code readCurrent}: for the rules
     * that apply now. The same for the quiz, with the number of right answers.
     */
    public record Acknowledged(Instant readAt, boolean readCurrent, Instant quizAt, Integer quizRight, boolean quizCurrent) {
    }

    public Page overview(CurrentUser citizen) {
        return page(profile(citizen));
    }

    /** The citizen's own situation (household, municipality, duties), e.g. for the "what if I work" calculator. */
    public Situation situationOf(CurrentUser citizen) {
        CitizenProfile profile = profile(citizen);
        return situation(profile, repository.duties(profile.id()), today());
    }

    /** The situation without the duties, in one query: for calculations that need only the household and municipality. */
    public Situation householdOf(CurrentUser citizen) {
        return situation(profile(citizen), List.of(), today());
    }

    /** A citizen's overview for a consulent of their municipality (who opened the file, which is audited). */
    public Page overviewForConsulent(CurrentUser consulent, long burgerId) {
        return page(accounts.citizenFor(consulent, burgerId));
    }

    private Page page(CitizenProfile profile) {
        Situation situation = situation(profile, repository.duties(profile.id()), today());
        RightsOverview overview = RightsRules.overview(situation, today(), rules.book());
        var read = repository.lastAcknowledgement(profile.id(), READ);
        var quiz = repository.lastAcknowledgement(profile.id(), QUIZ);
        Acknowledged acknowledged = new Acknowledged(
                read.map(a -> a.at().toInstant(ZoneOffset.UTC)).orElse(null),
                read.filter(a -> a.rulesVersion().equals(overview.rulesVersion())).isPresent(),
                quiz.map(a -> a.at().toInstant(ZoneOffset.UTC)).orElse(null),
                quiz.map(RightsRepository.Acknowledgement::right).orElse(null),
                quiz.filter(a -> a.rulesVersion().equals(overview.rulesVersion())).isPresent());
        return new Page(profile, overview, acknowledged);
    }

    /** "Ik heb dit gelezen", for the version of the rules that applies now. */
    public void markRead(CurrentUser citizen) {
        Page page = overview(citizen);
        repository.acknowledge(page.profile().id(), READ, page.overview().rulesVersion(), null, nowUtc());
    }

    /** One answer checked: what was given (null: nothing) and whether it was right. */
    public record Graded(QuizQuestion question, String given, boolean right) {
    }

    public record QuizResult(List<Graded> answers, int right) {
    }

    /** Checks the answers (unanswered questions count as not right) and remembers the score for this version. */
    public QuizResult quiz(CurrentUser citizen, Map<String, String> answers) {
        Page page = overview(citizen);
        List<Graded> graded = new ArrayList<>();
        for (QuizQuestion question : page.overview().quiz()) {
            String given = answers.get(question.id());
            boolean known = given != null && question.options().stream().anyMatch(o -> o.id().equals(given));
            graded.add(new Graded(question, known ? given : null, question.correct().equals(given)));
        }
        int right = (int) graded.stream().filter(Graded::right).count();
        repository.acknowledge(page.profile().id(), QUIZ, page.overview().rulesVersion(), right, nowUtc());
        return new QuizResult(graded, right);
    }

    // ---- Reporting a change --------------------------------------------------------------------------------

    /** Everyone the citizen lives with now (the partner too), by id, for "who moves out?". */
    public Map<Long, String> members(CurrentUser citizen) {
        Map<Long, String> members = new LinkedHashMap<>();
        profile(citizen).huishouden().forEach(m -> members.put(m.id(), m.voornaam()));
        return members;
    }

    /** What a reported change looks like afterwards, to the citizen and the app. */
    public record Receipt(String publicId, String kenmerk, ChangeKind kind, Instant sentAt, LocalDate datum,
                          LocalDate datumTot, String status, ChangeEffect effect, String consulent,
                          List<String> attachments, Details details) {
    }

    /**
     * What the citizen typed about the change, whole, as both sides see it: who (name, birth date, study or room), how
     * much, which country, the new address, and their own note. Null where the kind of change does not ask it.
     */
    public record Details(String naam, LocalDate geboortedatum, String huishoudstatus, BigDecimal bedrag, String land, String adres,
                          String toelichting) {
    }

    /** A change that was checked and can be stored; {@code errors} per field otherwise (nothing stored). */
    public record Checked(ChangeRequest request, Map<String, Text> errors) {
    }

    public Checked check(CurrentUser citizen, ChangeForm form) {
        ChangeForm.Checked checked = ChangeForm.check(form, today(), members(citizen));
        return new Checked(checked.request(), checked.errors());
    }

    /** The change form of one kind for this citizen, with what was typed and what is wrong next to each field. */
    public FormFlow.ScreenView changeScreen(CurrentUser citizen, ChangeKind kind, Map<String, String> typed, Map<String, Text> errors) {
        FormFlow flow = ChangeFlow.of(kind, members(citizen));
        return flow.view(ChangeFlow.screen(flow), Map.of(), typed, errors, Set.of());
    }

    /**
     * Stores a checked change (with its proof, if any) in {@code tx}, with the effect the rules predict, for the
     * citizen's consulent. The receipt says what the citizen was told.
     */
    public Receipt store(DSLContext tx, CurrentUser citizen, ChangeRequest change, Upload proof) {
        CitizenProfile profile = profile(citizen);
        Situation situation = situation(profile, List.of(), today());
        ChangeEffect effect = ChangeEffects.predict(change, situation, situation.household(), rules.book(),
                repository.giftsInYear(profile.id(), change.datum()), year -> repository.daysAbroadInYear(profile.id(), LocalDate.of(year, 1, 1)));
        LocalDateTime now = nowUtc();
        WijzigingRecord row = new WijzigingRecord();
        row.setPublicId(UUID.randomUUID().toString());
        row.setKenmerk("nieuw-" + row.getPublicId().substring(0, 8));
        row.setBurgerId(profile.id());
        row.setConsulentId(profile.consulent() == null ? null : profile.consulent().id());
        row.setSoort(change.kind().name());
        row.setDatum(change.datum());
        row.setDatumTot(change.datumTot());
        row.setNaam(change.naam() != null ? change.naam() : change.lidNaam());
        row.setGeboortedatum(change.geboortedatum());
        row.setHuishoudstatus(change.status() == null ? null : change.status().name());
        row.setBedrag(change.bedrag());
        row.setLand(change.land());
        row.setAdres(change.adres());
        row.setToelichting(change.toelichting());
        row.setVerwachtEffect(effect.key());
        row.setEffectWaarden(effect.encode());
        row.setVerwachteNorm(effect.newNorm());
        row.setStatus("NIEUW");
        row.setIngediendOp(now);
        row.setGewijzigdOp(now);
        WijzigingRecord stored = repository.insertChange(tx, row);
        if (proof != null) {
            repository.insertAttachment(tx, stored.getId(), proof, now);
        }
        return receipt(stored, profile, proof == null ? List.of() : List.of(proof.safeName()));
    }

    /** Checks and stores in one transaction: the web form's way. */
    public Receipt report(CurrentUser citizen, ChangeRequest change, Upload proof) {
        return db.transactionResult(tx -> store(tx.dsl(), citizen, change, proof));
    }

    /** Proof added later to a change of one's own (the app sends the photo after the form). */
    public Receipt addProof(CurrentUser citizen, String publicId, Upload proof) {
        CitizenProfile profile = profile(citizen);
        WijzigingRecord change = repository.change(profile.id(), publicId).orElseThrow(NotFoundException::new);
        db.transaction(tx -> repository.insertAttachment(tx.dsl(), change.getId(), proof, nowUtc()));
        return receipt(citizen, publicId);
    }

    public Receipt receipt(CurrentUser citizen, String publicId) {
        CitizenProfile profile = profile(citizen);
        WijzigingRecord change = repository.change(profile.id(), publicId).orElseThrow(NotFoundException::new);
        return receipt(change, profile, attachmentNames(List.of(change.getId())).apply(change.getId()));
    }

    public List<Receipt> changes(CurrentUser citizen) {
        CitizenProfile profile = profile(citizen);
        return receipts(repository.changes(profile.id()), profile);
    }

    /** One page of the citizen's changes for the app (ADR 0053), newest reported first. */
    public ApiPaging.Slice<Receipt> changes(CurrentUser citizen, ApiPaging.Page page) {
        CitizenProfile profile = profile(citizen);
        ApiPaging.Slice<WijzigingRecord> slice = ApiPaging.Slice.of(repository.changes(profile.id(), page), page.size(),
                c -> new ApiPaging.Cursor(c.getIngediendOp(), c.getId()));
        return new ApiPaging.Slice<>(receipts(slice.items(), profile), slice.next());
    }

    /** The changes a citizen reported, for their consulent (who opened the file, which is audited). */
    public List<Receipt> changesForConsulent(CurrentUser consulent, long burgerId) {
        CitizenProfile profile = accounts.citizenFor(consulent, burgerId);
        return receipts(repository.changes(profile.id()), profile);
    }

    /** Proof of a citizen's change, for a consulent of their municipality; every download is audited. */
    public Download proofForConsulent(CurrentUser consulent, long burgerId, long attachmentId) {
        CitizenProfile profile = accounts.citizenFor(consulent, burgerId);
        Download file = repository.attachment(profile.id(), attachmentId).orElseThrow(NotFoundException::new);
        audit.record(consulent.id(), profile.id(), "BEWIJS_BEKEKEN", "Bewijs bij een wijziging geopend");
        return file;
    }

    /** The ids of each change's proof, for the consulent's download links. */
    public Map<String, List<Long>> proofIds(CurrentUser consulent, long burgerId) {
        CitizenProfile profile = accounts.citizenFor(consulent, burgerId);
        List<WijzigingRecord> changes = repository.changes(profile.id());
        Map<Long, String> publicIds = new LinkedHashMap<>();
        changes.forEach(c -> publicIds.put(c.getId(), c.getPublicId()));
        Map<String, List<Long>> ids = new LinkedHashMap<>();
        repository.attachments(List.copyOf(publicIds.keySet()))
                .forEach(a -> ids.computeIfAbsent(publicIds.get(a.wijzigingId()), k -> new ArrayList<>()).add(a.id()));
        return ids;
    }

    private List<Receipt> receipts(List<WijzigingRecord> changes, CitizenProfile profile) {
        Function<Long, List<String>> names = attachmentNames(changes.stream().map(WijzigingRecord::getId).toList());
        return changes.stream().map(c -> receipt(c, profile, names.apply(c.getId()))).toList();
    }

    private Function<Long, List<String>> attachmentNames(List<Long> ids) {
        Map<Long, List<String>> byChange = new LinkedHashMap<>();
        repository.attachments(ids).forEach(a -> byChange.computeIfAbsent(a.wijzigingId(), k -> new ArrayList<>()).add(a.name()));
        return id -> byChange.getOrDefault(id, List.of());
    }

    private static Receipt receipt(WijzigingRecord c, CitizenProfile profile, List<String> attachments) {
        return new Receipt(c.getPublicId(), c.getKenmerk(), ChangeKind.valueOf(c.getSoort()), c.getIngediendOp().toInstant(ZoneOffset.UTC),
                c.getDatum(), c.getDatumTot(), c.getStatus(),
                ChangeEffect.decode(c.getVerwachtEffect(), c.getEffectWaarden(), c.getVerwachteNorm()),
                profile.consulent() == null ? null : profile.consulent().naam(), attachments,
                new Details(c.getNaam(), c.getGeboortedatum(), c.getHuishoudstatus(), c.getBedrag(), c.getLand(), c.getAdres(),
                        c.getToelichting()));
    }

    // ---- The situation ------------------------------------------------------------------------------------

    private CitizenProfile profile(CurrentUser citizen) {
        if (!citizen.isCitizen()) {
            throw new NotFoundException();
        }
        return accounts.profile(citizen.id(), citizen.gemeenteId()).orElseThrow(NotFoundException::new);
    }

    /**
     * The household the norm rests on: the partner by their date of birth, everyone else as a possible kostendeler,
     * and whether children under 18 live there.
     */
    public static Situation situation(CitizenProfile profile, List<Situation.Duty> duties, LocalDate today) {
        Optional<CitizenProfile.Huishoudlid> partner = profile.huishouden().stream()
                .filter(m -> "PARTNER".equals(m.relatie())).findFirst();
        List<Household.Member> others = profile.huishouden().stream()
                .filter(m -> !"PARTNER".equals(m.relatie()))
                .map(m -> new Household.Member(m.voornaam(), m.geboortedatum(), Household.Status.valueOf(m.status())))
                .toList();
        LocalDate eighteenYearsAgo = today.minusYears(18);
        boolean withChildren = profile.huishouden().stream()
                .anyMatch(m -> "KIND".equals(m.relatie()) && m.geboortedatum().isAfter(eighteenYearsAgo));
        Household household = new Household(Household.Leefvorm.valueOf(profile.leefvorm().name()), profile.geboortedatum(),
                partner.map(CitizenProfile.Huishoudlid::geboortedatum).orElse(null), profile.inInrichting(), others, withChildren);
        List<LocalDate> childrenBorn = profile.huishouden().stream().filter(m -> "KIND".equals(m.relatie()))
                .map(CitizenProfile.Huishoudlid::geboortedatum).toList();
        return new Situation(profile.gemeente().code(), profile.gemeente().naam(), household, duties, childrenBorn,
                profile.bijstandSinds());
    }

    RuleBook book() {
        return rules.book();
    }

    private LocalDate today() {
        return Today.in(clock);
    }

    private LocalDateTime nowUtc() {
        // Whole seconds, as the database keeps them: the columns are DATETIME(6), but MySQL Connector/J sends no fractions to
        // MariaDB 10.11 (it announces itself as 5.5.5-10.11, older than fractions). What is answered now must equal what is
        // read back later (ADR 0030).
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}

package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.platform.web.NotFoundException;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import io.micronaut.http.HttpStatus;
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.forms.Screen;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.time.ClockFactory;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.regelingen.CheckAnswers.Children;
import nl.bijstandsportaal.income.IncomeRepository;
import nl.bijstandsportaal.regelingen.CheckAnswers.LowIncome;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.rights.RightsService;
import nl.bijstandsportaal.rights.Situation;
import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RulePeriodRepository;
import nl.bijstandsportaal.rules.RulesService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Minimaregelingen for visitors and citizens: the catalogue of a municipality, the check "Waar heb ik recht op?" one
 * screen at a time, and a citizen's own outcomes (from what the portal knows and the answers they gave, which are
 * kept). Web pages and the API both call this.
 */
@Singleton
public class RegelingenService {

    private final RulesService rules;
    private final RightsService rights;
    private final RulePeriodRepository municipalities;
    private final RegelingenRepository repository;
    private final IncomeRepository income;
    private final AccountRepository accounts;
    private final Clock clock;
    /** The real time, for how long tips are kept (not the day the portal reasons about). */
    private final Clock wall;

    RegelingenService(RulesService rules, RightsService rights, RulePeriodRepository municipalities,
                      RegelingenRepository repository, IncomeRepository income, AccountRepository accounts, Clock clock,
                      @jakarta.inject.Named(ClockFactory.WALL) Clock wall) {
        this.income = income;
        this.accounts = accounts;
        this.wall = wall;
        this.rules = rules;
        this.rights = rights;
        this.municipalities = municipalities;
        this.repository = repository;
        this.clock = clock;
    }

    public LocalDate today() {
        return Today.in(clock);
    }

    /** CBS code to name, by name. */
    public Map<String, String> gemeenten() {
        return municipalities.gemeenten();
    }

    /** A municipality's catalogue: every regeling it offers today with its facts. */
    public record Catalogue(String gemeente, String gemeenteNaam, LocalDate today, List<CatalogueFacts.Facts> regelingen) {
    }

    /** The catalogue of a municipality; empty for a code the portal does not know. */
    public Optional<Catalogue> catalogue(String gemeente) {
        Map<String, String> all = gemeenten();
        if (gemeente == null || !all.containsKey(gemeente)) {
            return Optional.empty();
        }
        LocalDate today = today();
        RuleBook book = rules.book();
        List<CatalogueFacts.Facts> facts = Eligibility.offered(gemeente, book, today).stream()
                .map(r -> CatalogueFacts.of(r, gemeente, today, book)).toList();
        return Optional.of(new Catalogue(gemeente, all.get(gemeente), today, facts));
    }

    /** One regeling in a municipality; empty when the municipality does not offer it. */
    public Optional<CatalogueFacts.Facts> regeling(Regeling regeling, String gemeente) {
        LocalDate today = today();
        RuleBook book = rules.book();
        if (!gemeenten().containsKey(gemeente) || !Eligibility.offered(gemeente, book, today).contains(regeling)) {
            return Optional.empty();
        }
        return Optional.of(CatalogueFacts.of(regeling, gemeente, today, book));
    }

    /** The municipality of a signed-in citizen. */
    public String gemeenteOf(CurrentUser citizen) {
        return rights.householdOf(citizen).gemeente();
    }

    // ---- the check ------------------------------------------------------------------------------------------

    /**
     * Where the check stands. {@code screen}: the question to ask now, null when all is answered and
     * {@code results} are there. {@code carried}: the answers given so far, sent along with the next screen.
     * {@code personal}: worked out for the signed-in citizen, with what the portal knows.
     */
    public record CheckState(String gemeente, String gemeenteNaam, FormFlow.ScreenView screen, boolean first,
                             Map<String, String> carried, Map<String, Text> errors, List<Eligibility.Result> results,
                             boolean personal) {
        public boolean done() {
            return screen == null;
        }
    }

    /**
     * One step of the check. {@code carried}: the answers so far (from the hidden fields); {@code screenId} and
     * {@code typed}: the screen just answered (null at the start); {@code back}: go to the screen before it,
     * keeping what was typed.
     */
    public CheckState step(Optional<CurrentUser> user, String gemeente, Map<String, String> carried, String screenId,
                           Map<String, String> typed, boolean back) {
        Optional<CurrentUser> citizen = user.filter(CurrentUser::isCitizen);
        Known known = citizen.map(this::known).orElse(null);
        String code = known != null ? known.answers().gemeente() : gemeente;
        Map<String, String> names = gemeenten();
        if (code == null || !names.containsKey(code)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "unknown municipality");
        }
        Map<String, String> answers = new LinkedHashMap<>(validCarried(carried));
        if (known != null) {
            answers.putAll(known.flowAnswers());
        }
        FormFlow flow = CheckFlow.FLOW;
        Map<String, Text> errors = Map.of();
        Optional<Screen> current = screenId == null ? Optional.empty() : flow.screen(screenId);
        if (current.isPresent() && back) {
            Screen before = flow.before(current.get(), answers, prefilled(known)).orElse(current.get());
            return state(code, names, flow, before, answers, typed, Map.of(), known);
        }
        if (current.isPresent()) {
            FormFlow.Checked checked = flow.check(current.get(), typed);
            if (!checked.ok()) {
                return state(code, names, flow, current.get(), answers, typed, checked.errors(), known);
            }
            answers.putAll(checked.answers());
            // A changed answer may change which later screens apply; answers no longer asked are dropped.
            answers = new LinkedHashMap<>(flow.kept(answers));
        }
        Optional<Screen> next = flow.next(answers);
        if (next.isPresent()) {
            return state(code, names, flow, next.get(), answers, Map.of(), errors, known);
        }
        LocalDate today = today();
        CheckAnswers set;
        if (known != null) {
            Map<String, String> asked = asked(answers);
            repository.save(citizen.get().id(), asked, clock.instant());
            outcomesCache.remove(citizen.get().id());
            set = CheckFlow.citizen(known.answers(), asked);
        } else {
            set = CheckFlow.visitor(code, answers, today);
        }
        return new CheckState(code, names.get(code), null, false, carried(answers, known), Map.of(),
                Eligibility.check(set, rules.book(), today), known != null);
    }

    private CheckState state(String code, Map<String, String> names, FormFlow flow, Screen screen, Map<String, String> answers,
                             Map<String, String> typed, Map<String, Text> errors, Known known) {
        boolean first = flow.before(screen, answers, prefilled(known)).isEmpty();
        return new CheckState(code, names.get(code), flow.view(screen, answers, typed, errors, prefilled(known)), first,
                carried(answers, known), errors, List.of(), known != null);
    }

    private static java.util.Set<String> prefilled(Known known) {
        return known == null ? java.util.Set.of() : known.flowAnswers().keySet();
    }

    /** Only answers to questions of the flow travel in hidden fields; a citizen's known answers never do. */
    private static Map<String, String> carried(Map<String, String> answers, Known known) {
        Map<String, String> carried = new LinkedHashMap<>(answers);
        if (known != null) {
            CheckFlow.KNOWN_FOR_CITIZENS.forEach(carried::remove);
        }
        return carried;
    }

    private static Map<String, String> asked(Map<String, String> answers) {
        Map<String, String> asked = new LinkedHashMap<>(answers);
        CheckFlow.KNOWN_FOR_CITIZENS.forEach(asked::remove);
        return asked;
    }

    /** Carried answers are re-read: whatever does not fit its question is dropped and will be asked again. */
    private static Map<String, String> validCarried(Map<String, String> carried) {
        Map<String, String> valid = new LinkedHashMap<>();
        for (Screen s : CheckFlow.FLOW.screens()) {
            s.questions().forEach(q -> q.read(carried.get(q.id())).ifPresent(v -> valid.put(q.id(), v)));
        }
        return valid;
    }

    // ---- a citizen's own outcomes ---------------------------------------------------------------------------

    /** What the portal knows of a citizen: as a set of answers, and as flow answers (so those screens are skipped). */
    record Known(CheckAnswers answers, Map<String, String> flowAnswers) {
    }

    Known known(CurrentUser citizen) {
        return known(rights.householdOf(citizen), reported(citizen.id()));
    }

    /**
     * An income report counts for the check while it is recent: its period ended at most this many days ago (the
     * latest period is reported after it ends, so a monthly report is then at most a month behind).
     */
    static final int REPORT_RECENT_DAYS = 62;

    private Optional<IncomeRepository.ReportedIncome> reported(long burgerId) {
        return income.lastReported(burgerId, today().minusDays(REPORT_RECENT_DAYS));
    }

    private Known known(Situation s, Optional<IncomeRepository.ReportedIncome> reported) {
        LocalDate today = today();
        RuleBook book = rules.book();
        var h = s.household();
        int teens = 0, school = 0, little = 0;
        for (LocalDate born : s.childrenBorn()) {
            int age = Period.between(born, today).getYears();
            if (age < 4) {
                little++;
            } else if (age < 12) {
                school++;
            } else if (age < 18) {
                teens++;
            }
        }
        Children children = new Children(little, school, teens);
        // On bijstand, the income is what the latest recent income report says (bijstand and earnings together), else
        // the norm (when its figures are known); the tips that rest on being on bijstand hold either way.
        BigDecimal income = reported.map(IncomeRepository.ReportedIncome::total)
                .orElseGet(() -> Eligibility.norm(h, s.gemeente(), today, book).orElse(null));
        LowIncome low = s.bijstandSince() == null ? null : LowIncome.since(s.bijstandSince(), today);
        CheckAnswers answers = new CheckAnswers(s.gemeente(), h, income, true, reported.map(IncomeRepository.ReportedIncome::to).orElse(null),
                null, low, null, children);
        Map<String, String> flow = new LinkedHashMap<>();
        flow.put(CheckFlow.LEEFVORM, switch (h.leefvorm()) {
            case ALLEENSTAAND -> "alleenstaand";
            case ALLEENSTAANDE_OUDER -> "alleenstaande-ouder";
            case PARTNERS -> "partners";
        });
        flow.put(CheckFlow.LEEFTIJD, Integer.toString(Period.between(h.applicantBorn(), today).getYears()));
        if (h.leefvorm() == Leefvorm.PARTNERS) {
            flow.put(CheckFlow.PARTNER_LEEFTIJD, Integer.toString(Period.between(h.partnerBorn(), today).getYears()));
        }
        flow.put(CheckFlow.KINDEREN_0_3, Integer.toString(little));
        flow.put(CheckFlow.KINDEREN_4_11, Integer.toString(school));
        flow.put(CheckFlow.KINDEREN_12_17, Integer.toString(teens));
        flow.put(CheckFlow.INKOMEN, income == null ? "0" : income.toPlainString());
        flow.put(CheckFlow.LAAG_INKOMEN, low == null ? "korter" : low.minMonths() < 12 ? "korter" : low.minMonths() < 36 ? "tussen" : "langer");
        return new Known(answers, flow);
    }

    /** A citizen's outcomes now: what the portal knows, with the answers they gave last time (if any). */
    public List<Eligibility.Result> forCitizen(CurrentUser citizen) {
        CitizenProfile profile = accounts.profile(citizen.id(), citizen.gemeenteId()).orElseThrow(NotFoundException::new);
        return outcomes(citizen, profile);
    }

    /** Whether the citizen answered the check's questions before. */
    public boolean answered(CurrentUser citizen) {
        return !repository.answers(citizen.id()).isEmpty();
    }

    /**
     * Tips for the home page: regelingen that are yes or maybe, each with why it may be for them. The home page has
     * read the profile already.
     */
    public List<Eligibility.Result> tips(CurrentUser citizen, CitizenProfile profile) {
        return outcomes(citizen, profile).stream().filter(r -> r.tip() != null && r.uitkomst() != Uitkomst.NEE).limit(3).toList();
    }

    /**
     * The outcomes of one citizen, kept for a minute: the home page and "waar heb ik recht op?" are the busiest reads.
     * They are worked out again at once when the citizen's profile (household, municipality), the day or the rules
     * change, when the citizen answers the check or sends an income report on this instance; what changes elsewhere
     * (another instance, a consulent processing a report) shows within a minute (docs/adr/0020).
     */
    private List<Eligibility.Result> outcomes(CurrentUser citizen, CitizenProfile profile) {
        LocalDate today = today();
        RuleBook book = rules.book();
        OutcomesKey key = new OutcomesKey(profile, today, book);
        Instant now = wall.instant();
        CachedOutcomes cached = outcomesCache.get(citizen.id());
        if (cached != null && cached.key().equals(key) && now.isBefore(cached.until())) {
            return cached.outcomes();
        }
        Known known = known(RightsService.situation(profile, List.of(), today), reported(citizen.id()));
        Map<String, String> asked = repository.answers(citizen.id());
        List<Eligibility.Result> outcomes = Eligibility.check(CheckFlow.citizen(known.answers(), asked), book, today);
        if (outcomesCache.size() >= OUTCOMES_CACHE_MAX) {
            outcomesCache.clear();
        }
        outcomesCache.put(citizen.id(), new CachedOutcomes(key, outcomes, now.plus(OUTCOMES_TTL)));
        return outcomes;
    }

    /** An income report changes the income the check uses: worked out again on the next read. */
    @io.micronaut.runtime.event.annotation.EventListener
    void onIncomeReported(nl.bijstandsportaal.income.IncomeReported event) {
        outcomesCache.remove(event.burgerId());
    }

    private record OutcomesKey(CitizenProfile profile, LocalDate day, RuleBook book) {
    }

    private record CachedOutcomes(OutcomesKey key, List<Eligibility.Result> outcomes, Instant until) {
    }

    private static final Duration OUTCOMES_TTL = Duration.ofMinutes(1);
    private static final int OUTCOMES_CACHE_MAX = 50_000;
    private final java.util.concurrent.ConcurrentHashMap<Long, CachedOutcomes> outcomesCache = new java.util.concurrent.ConcurrentHashMap<>();
}

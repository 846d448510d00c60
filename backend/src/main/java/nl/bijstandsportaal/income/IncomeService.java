package nl.bijstandsportaal.income;

import nl.bijstandsportaal.rules.ReportPeriods;
import nl.bijstandsportaal.platform.time.Today;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.platform.db.Clashes;
import nl.bijstandsportaal.platform.db.OneRoundTrip;
import nl.bijstandsportaal.platform.db.generated.tables.records.InkomstenopgaveRecord;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.web.NotFoundException;
import nl.bijstandsportaal.rights.RightsService;
import nl.bijstandsportaal.rights.Situation;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.MonthlyNorm;
import nl.bijstandsportaal.rules.NormCalculator;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulePeriod;
import nl.bijstandsportaal.rules.RulesService;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;

/**
 * The citizen's income reports: the periods with their state, the estimate before sending, sending (once per
 * period; a correction before processing adds a version), and the receipt with its timeline. Only the caller's own.
 */
@Singleton
public class IncomeService {

    /** How many ended periods the overview shows. */
    static final int PERIODS_BACK = 4;

    private final RightsService rights;
    private final RulesService rules;
    private final IncomeRepository repository;
    private final DSLContext db;
    private final Clock clock;

    private final io.micronaut.context.event.ApplicationEventPublisher<IncomeReported> events;

    IncomeService(RightsService rights, RulesService rules, IncomeRepository repository, DSLContext db, Clock clock,
                  io.micronaut.context.event.ApplicationEventPublisher<IncomeReported> events) {
        this.events = events;
        this.rights = rights;
        this.rules = rules;
        this.repository = repository;
        this.db = db;
        this.clock = clock;
    }

    /**
     * A period and how it stands. state: TE_DOEN, TE_LAAT, NOG_NIET (cannot be reported before {@code opens}), or the
     * report's status.
     */
    public record PeriodView(ReportPeriod period, LocalDate opens, String state, IncomeRepository.Report report) {
    }

    public List<PeriodView> periods(CurrentUser citizen) {
        LocalDate today = today();
        Situation situation = rights.householdOf(citizen);
        List<ReportPeriod> periods = recentPeriods(situation, today);
        Map<String, IncomeRepository.Report> sent = repository.reports(citizen.id(), periods.stream().map(ReportPeriod::code).toList());
        return periods.stream().map(period -> {
            IncomeRepository.Report report = sent.get(period.code());
            LocalDate opens = opensOn(period, situation);
            String state = report != null ? report.status()
                    : today.isBefore(opens) ? "NOG_NIET"
                    : today.isAfter(period.deadline()) ? "TE_LAAT" : "TE_DOEN";
            return new PeriodView(period, opens, state, report);
        }).toList();
    }

    /** The current period and the {@link #PERIODS_BACK} before it, newest first; none that ended before the bijstand began. */
    private List<ReportPeriod> recentPeriods(Situation situation, LocalDate today) {
        RuleBook book = rules.book();
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod p = ReportPeriods.containing(today, situation.gemeente(), book);
        periods.add(p);
        for (int i = 0; i < PERIODS_BACK; i++) {
            p = ReportPeriods.containing(p.from().minusDays(1), situation.gemeente(), book);
            if (situation.bijstandSince() != null && p.to().isBefore(situation.bijstandSince())) {
                break;
            }
            periods.add(p);
        }
        return periods;
    }

    /** A citizen reporting on one period, with the situation the rules need: read once per request. */
    public record Reporting(CurrentUser citizen, Situation situation, ReportPeriod period) {
    }

    private LocalDate opensOn(ReportPeriod period, Situation situation) {
        return ReportPeriods.opensOn(period, situation.gemeente(), rules.book());
    }

    /**
     * A period of this citizen that can be reported now (from its last day, or as the municipality sets, up to the
     * oldest period the overview shows); 404 otherwise.
     */
    public Reporting reporting(CurrentUser citizen, String code) {
        Situation situation = rights.householdOf(citizen);
        LocalDate today = today();
        ReportPeriod period = recentPeriods(situation, today).stream().filter(p -> p.code().equals(code))
                .filter(p -> !today.isBefore(opensOn(p, situation)))
                .findFirst()
                .orElseThrow(NotFoundException::new);
        return new Reporting(citizen, situation, period);
    }

    public ReportPeriod period(CurrentUser citizen, String code) {
        return reporting(citizen, code).period();
    }

    /**
     * The estimate, or empty when a figure it needs (a norm, a disregard) is not known yet for the period. The citizen
     * can send their income all the same; the consulent works out the amount once the figures are known.
     */
    public Optional<Offsetting.Result> estimateIfKnown(Reporting reporting, List<IncomeForm.Source> sources) {
        try {
            return Optional.of(estimate(reporting, sources));
        } catch (RuleBook.MissingRuleException notKnownYet) {
            return Optional.empty();
        }
    }

    /** The estimate for these sources in this period, as the citizen sees it before sending. */
    public Offsetting.Result estimate(Reporting reporting, List<IncomeForm.Source> sources) {
        Situation situation = reporting.situation();
        ReportPeriod period = reporting.period();
        RuleBook book = rules.book();
        // Bijstand that began during the period: the norm counts from that day only.
        LocalDate startedDuring = situation.bijstandSince() != null && situation.bijstandSince().isAfter(period.from())
                ? situation.bijstandSince() : null;
        List<RulePeriod> normRules = new ArrayList<>();
        BigDecimal norm = normFor(situation.household(), period, startedDuring == null ? period.from() : startedDuring,
                situation.gemeente(), book, normRules);
        // Months of the art. 34a disregard count from the day the municipality applies it.
        LocalDate newDisregardSince = Stream.of(RuleKey.MAATREGEL_VRIJLATING_34A, RuleKey.MAATREGEL_VRIJLATING_34A_JONGEREN)
                .flatMap(key -> book.find(key, situation.gemeente(), period.to()).stream())
                .filter(r -> r.value().signum() > 0).map(RulePeriod::from).min(LocalDate::compareTo).orElse(null);
        Offsetting.History history = repository.history(reporting.citizen().id(), period, newDisregardSince);
        boolean youngChild = situation.household().leefvorm() == Household.Leefvorm.ALLEENSTAANDE_OUDER
                && situation.hasChildUnder12(period.to());
        boolean pension = NormCalculator.pensionAgeReached(situation.household().applicantBorn(), period.to(), situation.gemeente(), book);
        return Offsetting.offset(norm, startedDuring,
                sources.stream().map(s -> new Offsetting.Source(s.kind(), s.name(), s.net())).toList(),
                history, new Offsetting.Person(youngChild, pension, situation.household().applicantBorn()), situation.gemeente(), period.to(), book)
                .withNormRules(normRules);
    }

    /**
     * The receipt of a report: what was sent, the estimate, the timeline. {@code countedPaid}: once the consulent has
     * processed the report with other amounts than the citizen sent, the payment those amounts give (null otherwise,
     * or when the figures of the period are not known yet).
     */
    public record Receipt(IncomeRepository.Report report, List<IncomeRepository.SourceRow> sources,
                          List<IncomeRepository.Event> timeline, List<String> proof, BigDecimal countedPaid) {

        public Receipt(IncomeRepository.Report report, List<IncomeRepository.SourceRow> sources,
                       List<IncomeRepository.Event> timeline, List<String> proof) {
            this(report, sources, timeline, proof, null);
        }

        public boolean processed() {
            return isProcessed(report);
        }
    }

    /** Processed by the consulent (and perhaps paid): the amounts the consulent counted are final. */
    private static boolean isProcessed(IncomeRepository.Report report) {
        return "VERWERKT".equals(report.status()) || "BETAALD".equals(report.status());
    }

    /** A send prepared in a transaction: the receipt as it will be, and the writes that make it so. */
    public record Sending(Receipt receipt, List<Query> writes) {
    }

    /**
     * Sends (or, before processing, corrects) the report of a period in {@code tx}. No sources: "geen inkomsten".
     * A report that is being processed or processed cannot be changed (409 as a field error on the page). The last
     * writes are returned, not run, so the caller sends them in one round trip with its own ({@link OneRoundTrip}).
     * {@code estimate} is null when the figures of the period are not known yet: nothing is promised then.
     */
    public Sending send(DSLContext tx, CurrentUser citizen, ReportPeriod period, List<IncomeForm.Source> sources,
                        Offsetting.Result estimate) {
        BigDecimal expected = estimate == null ? null : estimate.paid();
        boolean workDisregard = estimate != null && estimate.usedWorkDisregard();
        boolean singleParentDisregard = estimate != null && estimate.usedSingleParentDisregard();
        // Whole seconds, as the database keeps them: the columns are DATETIME(6), but MySQL Connector/J sends no fractions to
        // MariaDB 10.11 (it announces itself as 5.5.5-10.11, older than fractions). What is answered now must equal what is
        // read back later (ADR 0030).
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
        Optional<InkomstenopgaveRecord> existing = repository.lockReport(tx, citizen.id(), period.code());
        BigDecimal gifts = sources.stream().filter(s -> s.kind() == Offsetting.Kind.GIFT).map(IncomeForm.Source::net)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Query> writes = new ArrayList<>();
        List<IncomeRepository.Event> timeline;
        List<String> proof;
        InkomstenopgaveRecord report;
        if (existing.isPresent()) {
            report = existing.get();
            if (!"VERSTUURD".equals(report.getStatus())) {
                throw new AlreadyProcessedException();
            }
            int version = report.getVersie() + 1;
            report.setVersie(version);
            report.setGeenInkomsten(sources.isEmpty());
            report.setVerwachtUitbetaald(expected);
            report.setVrijlatingArbeid(workDisregard);
            report.setVrijlatingOuder(singleParentDisregard);
            report.setGiften(gifts);
            report.setGewijzigdOp(now);
            writes.add(tx.update(INKOMSTENOPGAVE).set(report).where(INKOMSTENOPGAVE.ID.eq(report.getId())));
            IncomeRepository.TimelineAndProof before = repository.timelineAndProof(tx, report.getId());
            timeline = new ArrayList<>(before.timeline());
            timeline.add(new IncomeRepository.Event(now.toInstant(ZoneOffset.UTC), "GECORRIGEERD", version, null));
            proof = before.proof();
            writes.add(repository.eventInsert(tx, report.getId(), "GECORRIGEERD", version, null, null, now));
        } else {
            report = tx.newRecord(INKOMSTENOPGAVE);
            report.setPublicId(UUID.randomUUID().toString());
            report.setKenmerk("nieuw-" + report.getPublicId().substring(0, 8));
            report.setBurgerId(citizen.id());
            report.setPeriodeCode(period.code());
            report.setPeriodeVan(period.from());
            report.setPeriodeTot(period.to());
            report.setTermijn(period.deadline());
            report.setStatus("VERSTUURD");
            report.setVersie(1);
            report.setGeenInkomsten(sources.isEmpty());
            report.setTeLaat(today().isAfter(period.deadline()));
            report.setVerwachtUitbetaald(expected);
            report.setVrijlatingArbeid(workDisregard);
            report.setVrijlatingOuder(singleParentDisregard);
            report.setGiften(gifts);
            report.setIngediendOp(now);
            report.setGewijzigdOp(now);
            report.store();
            report.setKenmerk(String.format("I%07d", report.getId()));
            writes.add(tx.update(INKOMSTENOPGAVE).set(INKOMSTENOPGAVE.KENMERK, report.getKenmerk())
                    .where(INKOMSTENOPGAVE.ID.eq(report.getId())));
            timeline = List.of(new IncomeRepository.Event(now.toInstant(ZoneOffset.UTC), "VERSTUURD", 1, null));
            proof = List.of();
            writes.add(repository.eventInsert(tx, report.getId(), "VERSTUURD", 1, null, null, now));
        }
        repository.sourcesInsert(tx, report.getId(), report.getVersie(), sources).ifPresent(writes::add);
        events.publishEvent(new IncomeReported(citizen.id()));
        // The new version is not counted yet, so its sources are as sent.
        List<IncomeRepository.SourceRow> rows = sources.stream().map(s -> new IncomeRepository.SourceRow(s.kind().name(), s.name(),
                s.net(), s.gross(), s.hours(), s.paidOn(), s.payslipFollows(), null, null)).toList();
        return new Sending(new Receipt(IncomeRepository.report(report), rows, List.copyOf(timeline), proof), List.copyOf(writes));
    }

    /** Sends in its own transaction: the web page's way. */
    public Receipt send(Reporting reporting, List<IncomeForm.Source> sources) {
        Offsetting.Result estimate = estimateIfKnown(reporting, sources).orElse(null);
        return Clashes.retry(() -> db.transactionResult(tx -> {
            Sending sending = send(tx.dsl(), reporting.citizen(), reporting.period(), sources, estimate);
            OneRoundTrip.execute(tx.dsl(), sending.writes());
            return sending.receipt();
        }));
    }

    public Receipt receipt(CurrentUser citizen, String periodCode) {
        return receiptIfSent(citizen, periodCode).orElseThrow(NotFoundException::new);
    }

    public Optional<Receipt> receiptIfSent(CurrentUser citizen, String periodCode) {
        return repository.reportByPeriod(citizen.id(), periodCode).map(report -> {
            List<IncomeRepository.SourceRow> sources = repository.sources(report.id(), report.version());
            return new Receipt(report, sources, repository.timeline(db, report.id()), repository.proofNames(db, report.id()),
                    countedPaid(citizen, report, sources));
        });
    }

    /** What the amounts the consulent counted give, when the report is processed and they differ from what was sent. */
    private BigDecimal countedPaid(CurrentUser citizen, IncomeRepository.Report report, List<IncomeRepository.SourceRow> sources) {
        boolean processed = isProcessed(report);
        boolean otherAmounts = sources.stream().anyMatch(s -> s.countedNet() != null && s.countedNet().compareTo(s.net()) != 0);
        if (!processed || !otherAmounts) {
            return null;
        }
        ReportPeriod period = new ReportPeriod(report.periodCode(), report.from(), report.to(), report.deadline());
        List<IncomeForm.Source> counted = sources.stream().map(s -> new IncomeForm.Source(Offsetting.Kind.valueOf(s.kind()), s.name(),
                s.countedNet() != null ? s.countedNet() : s.net(), s.gross(), s.hours(), s.paidOn(), s.payslipFollows())).toList();
        return estimateIfKnown(new Reporting(citizen, rights.householdOf(citizen), period), counted).map(Offsetting.Result::paid).orElse(null);
    }

    /** A payslip or other proof for a report of one's own (checked and cleaned by {@link nl.bijstandsportaal.platform.uploads.Upload}). */
    public void addProof(CurrentUser citizen, String periodCode, nl.bijstandsportaal.platform.uploads.Upload proof) {
        IncomeRepository.Report report = repository.reportByPeriod(citizen.id(), periodCode).orElseThrow(NotFoundException::new);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        db.transaction(tx -> {
            repository.insertProof(tx.dsl(), report.id(), proof, now);
            repository.event(tx.dsl(), report.id(), "BEWIJS_TOEGEVOEGD", report.version(), null, null, now);
        });
    }

    /** The latest version sent, as form fields, to correct it; empty when nothing was sent yet. */
    public Map<String, String> lastSentAsTyped(CurrentUser citizen, String periodCode) {
        Map<String, String> typed = new java.util.HashMap<>();
        receiptIfSent(citizen, periodCode).ifPresent(r -> {
            for (int i = 0; i < r.sources().size(); i++) {
                IncomeRepository.SourceRow s = r.sources().get(i);
                String p = "bron." + i + ".";
                typed.put(p + "soort", s.kind());
                typed.put(p + "naam", s.name());
                typed.put(p + "netto", s.net().toPlainString().replace('.', ','));
                if (s.gross() != null) {
                    typed.put(p + "bruto", s.gross().toPlainString().replace('.', ','));
                }
                if (s.hours() != null) {
                    typed.put(p + "uren", s.hours().stripTrailingZeros().toPlainString().replace('.', ','));
                }
                if (s.paidOn() != null) {
                    typed.put(p + "betaaldatum", s.paidOn().getDayOfMonth() + "-" + s.paidOn().getMonthValue() + "-" + s.paidOn().getYear());
                }
                if (s.payslipFollows()) {
                    typed.put(p + "loonstrookVolgt", "ja");
                }
            }
        });
        return typed;
    }

    /** A report that a consulent has started on or processed cannot be changed by the citizen any more. */
    public static final class AlreadyProcessedException extends RuntimeException {
        AlreadyProcessedException() {
            super("The report is being processed", null, false, false);
        }
    }

    /** The norm for a period, day by day: each day counts for its share of its month. */
    static BigDecimal normFor(Household household, ReportPeriod period, String gemeente, RuleBook rules) {
        return normFor(household, period, period.from(), gemeente, rules);
    }

    /** The norm for the days of a period from {@code first} (the day bijstand began, when that is inside the period). */
    static BigDecimal normFor(Household household, ReportPeriod period, LocalDate first, String gemeente, RuleBook rules) {
        return normFor(household, period, first, gemeente, rules, new ArrayList<>());
    }

    /** As above; every rule version the norm rests on is added to {@code used}. */
    static BigDecimal normFor(Household household, ReportPeriod period, LocalDate first, String gemeente, RuleBook rules,
                              List<RulePeriod> used) {
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
            MonthlyNorm norm = NormCalculator.forMonth(household, month, gemeente, rules);
            used.addAll(norm.rulesUsed());
            for (MonthlyNorm.Part part : norm.parts()) {
                LocalDate from = part.from().isBefore(first) ? first : part.from();
                LocalDate to = part.to().isAfter(period.to()) ? period.to() : part.to();
                if (!to.isBefore(from)) {
                    long days = ChronoUnit.DAYS.between(from, to) + 1;
                    total = total.add(part.monthlyAmount().multiply(BigDecimal.valueOf(days))
                            .divide(BigDecimal.valueOf(part.daysInMonth()), MathContext.DECIMAL64));
                }
            }
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    private LocalDate today() {
        return Today.in(clock);
    }
}

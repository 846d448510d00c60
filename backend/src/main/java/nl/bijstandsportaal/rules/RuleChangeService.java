package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.time.Today;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A beheerder adds a rule period for their own municipality: from today or later (a change never rewrites the past),
 * with a value that fits the rule and a source. The new period must fit the periods already there after the merge
 * ({@link RuleMerge}); it is stored with its audit entry in one transaction and the rule book is built again.
 */
@Singleton
public class RuleChangeService {

    public static final String RULE_ADDED = "REGEL_TOEGEVOEGD";
    static final String NEW_ORIGIN = "de nieuwe periode";

    private final DSLContext db;
    private final RulePeriodRepository repository;
    private final RulesService rules;
    private final AuditLog audit;
    private final Clock clock;

    RuleChangeService(DSLContext db, RulePeriodRepository repository, RulesService rules, AuditLog audit, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** Added (the new row's id) or, per field name in form order, what is wrong. */
    public record Result(Long id, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public LocalDate today() {
        return Today.in(clock);
    }

    /** The form as typed: read, checked and, when all is well, added. */
    public Result submit(CurrentUser beheerder, RuleChangeForm form) {
        RuleChangeForm.Parsed parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            Map<String, Text> checks = RuleChangeForm.check(parsed.key(), parsed.from(), parsed.to(), parsed.value(), parsed.source(), today());
            return new Result(null, RuleChangeForm.combine(parsed.errors(), checks));
        }
        return add(beheerder, parsed.key(), parsed.from(), parsed.to(), parsed.value(), parsed.provisional(), parsed.source());
    }

    /**
     * Adds a period of {@code key} for the beheerder's own municipality; {@code toOrNull} null: no end date;
     * {@code provisional}: the value is not confirmed yet.
     */
    public Result add(CurrentUser beheerder, RuleKey key, LocalDate from, LocalDate toOrNull, BigDecimal value,
                      boolean provisional, String source) {
        if (!beheerder.isEmployee() || !beheerder.hasRole(Roles.BEHEERDER)) {
            throw new IllegalStateException("Only a beheerder adds rule periods");
        }
        Map<String, Text> errors = RuleChangeForm.check(key, from, toOrNull, value, source, today());
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        BigDecimal normalized = RuleValues.normalize(value);
        String bron = source.strip().replaceAll("\\s+", " ");
        Result result = db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            RulePeriodRepository.Gemeente gemeente = repository.gemeente(tx, beheerder.gemeenteId(), true)
                    .orElseThrow(() -> new IllegalStateException("No municipality " + beheerder.gemeenteId()));
            List<StoredPeriod> rows = repository.all(tx);
            RulePeriod candidate = new RulePeriod(key, gemeente.code(), from, toOrNull, normalized, provisional, bron, NEW_ORIGIN);
            Map<String, Text> conflicts = conflicts(rows, candidate);
            if (!conflicts.isEmpty()) {
                return new Result(null, conflicts);
            }
            long id = repository.insert(tx, key, gemeente.code(), from, toOrNull, normalized, provisional, bron, beheerder.id(), clock.instant());
            audit.record(tx, beheerder.id(), null, RULE_ADDED, "Regel " + key.code() + " voor gemeente " + gemeente.code()
                    + " vanaf " + from + (toOrNull == null ? " zonder einddatum" : " tot en met " + toOrNull)
                    + ", waarde " + normalized.toPlainString() + (provisional ? " (voorlopig)" : "") + " (regel_periode " + id + ")");
            return new Result(id, Map.of());
        });
        if (result.ok()) {
            rules.reload();
        }
        return result;
    }

    /**
     * Whether the candidate fits the periods there are (files and rows as stored now): it must end the day before a
     * later period of the municipality starts, it must not leave days without a value that had one, and the merged
     * book must pass the checks of the rule files.
     */
    private Map<String, Text> conflicts(List<StoredPeriod> rows, RulePeriod candidate) {
        Map<String, Text> errors = new LinkedHashMap<>();
        RulesService.Snapshot before = rules.build(rows);
        Optional<Text> tooEarly = beforeLawInForce(before.book(), candidate);
        if (tooEarly.isPresent()) {
            errors.put("vanaf", tooEarly.get());
            return errors;
        }
        Optional<RulePeriod> next = before.merged().periods().stream()
                .filter(p -> p.key() == candidate.key() && p.gemeente().equals(candidate.gemeente()) && p.from().isAfter(candidate.from()))
                .min(Comparator.comparing(RulePeriod::from));
        if (next.isPresent()) {
            LocalDate end = next.get().from().minusDays(1);
            if (!end.equals(candidate.to())) {
                errors.put("tot", Text.of("beheer.rules.error.tot.next", next.get().from(), end));
                return errors;
            }
        }
        List<RulePeriod> added = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        rows.forEach(row -> added.add(row.toPeriod(problems)));
        added.add(candidate);
        RuleBook after;
        try {
            after = RuleBook.of(RuleMerge.merge(rules.seed(), added).periods());
        } catch (RuleFileException e) {
            errors.put("vanaf", Text.of("beheer.rules.error.book", String.join("; ", e.problems())));
            return errors;
        }
        if (candidate.to() != null) {
            LocalDate dayAfter = candidate.to().plusDays(1);
            if (before.book().find(candidate.key(), candidate.gemeente(), dayAfter).isPresent()
                    && after.find(candidate.key(), candidate.gemeente(), dayAfter).isEmpty()) {
                errors.put("tot", Text.of("beheer.rules.error.tot.noValueAfter", candidate.to()));
            }
        }
        return errors;
    }

    /**
     * A measure switched on before the law allows it (Participatiewet in balans brings measures in on set days): the
     * message names the first day it may be on and the law's source.
     */
    static Optional<Text> beforeLawInForce(RuleBook book, RulePeriod candidate) {
        Optional<RuleKey> law = candidate.key().lawInForce();
        if (law.isEmpty() || candidate.value().signum() <= 0) {
            return Optional.empty();
        }
        List<RulePeriod> lawPeriods = book.all().stream().filter(p -> p.key() == law.get() && p.isNational()).toList();
        boolean inForce = lawPeriods.isEmpty() || lawPeriods.stream().anyMatch(p -> p.covers(candidate.from()) && p.value().signum() > 0);
        if (inForce) {
            return Optional.empty();
        }
        return lawPeriods.stream().filter(p -> p.value().signum() > 0 && p.from().isAfter(candidate.from()))
                .min(Comparator.comparing(RulePeriod::from))
                .map(p -> Text.of("beheer.rules.error.vanaf.law", p.from(), p.source()))
                .or(() -> Optional.of(Text.of("beheer.rules.error.vanaf.lawUnknown")));
    }

    /** The rules of the beheerder's municipality, with today's values and every period, for the rules page. */
    public RulesOverview overview(CurrentUser beheerder) {
        RulePeriodRepository.Gemeente gemeente = repository.gemeente(beheerder.gemeenteId())
                .orElseThrow(() -> new IllegalStateException("No municipality " + beheerder.gemeenteId()));
        return RulesOverview.of(rules.snapshot(), gemeente.code(), gemeente.naam(), today());
    }

    /** The confirmation after adding: which rule, and "the new value for ... applies from ...". */
    public record AddedNotice(String regel, Text message) {
    }

    /** The confirmation for a row of the beheerder's own municipality; empty for any other id. */
    public Optional<AddedNotice> added(CurrentUser beheerder, long id) {
        Optional<String> code = repository.gemeente(beheerder.gemeenteId()).map(RulePeriodRepository.Gemeente::code);
        return rules.snapshot().stored().values().stream()
                .filter(row -> row.id() == id && code.isPresent() && code.get().equals(row.gemeente()))
                .findFirst()
                .map(row -> new AddedNotice(row.regel(), Text.of("beheer.rules.added", Text.of("rule." + row.regel()), row.from())));
    }
}

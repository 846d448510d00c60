package nl.bijstandsportaal.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule book the portal works with: the seed files merged with the periods beheerders added ({@code regel_periode},
 * see {@link RuleMerge}). Built when the application starts ({@code @Context}), so rule data with a problem stops the
 * start-up with every problem listed, instead of failing a citizen's page; built again after each addition, and when
 * another instance added a period (checked every minute). {@link #book()} is a plain read of the current book.
 */
@Context
public class RulesService {

    private static final Logger LOG = LoggerFactory.getLogger(RulesService.class);

    private final RulePeriodRepository repository;
    private final List<RulePeriod> seed;
    private volatile Snapshot snapshot;

    /**
     * The book with how it was made: the merge (periods ended or replaced by additions) and the added rows by origin,
     * for the beheerder's history; {@code fingerprint} tells whether rows were added since.
     */
    public record Snapshot(RuleBook book, RuleMerge.Result merged, Map<String, StoredPeriod> stored, String fingerprint) {
    }

    RulesService(RulePeriodRepository repository) {
        this.repository = repository;
        this.seed = RuleFiles.loadSeed().all();
        this.snapshot = build(repository.all());
        LOG.info("Rules loaded: {} periods from the files, {} added by beheerders", seed.size(), snapshot.stored().size());
    }

    public RuleBook book() {
        return snapshot.book();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The seed files' periods, as read. */
    public List<RulePeriod> seed() {
        return seed;
    }

    /** The seed merged with these rows (in the order added) and checked; a problem throws {@link RuleFileException}. */
    public Snapshot build(List<StoredPeriod> rows) {
        List<String> problems = new ArrayList<>();
        List<RulePeriod> added = new ArrayList<>();
        Map<String, StoredPeriod> stored = new LinkedHashMap<>();
        long maxId = 0;
        for (StoredPeriod row : rows) {
            RulePeriod period = row.toPeriod(problems);
            if (period != null) {
                added.add(period);
            }
            stored.put(row.origin(), row);
            maxId = Math.max(maxId, row.id());
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        RuleMerge.Result merged = RuleMerge.merge(seed, added);
        RuleBook book = RuleBook.of(merged.periods());
        return new Snapshot(book, merged, Map.copyOf(stored), RulePeriodRepository.fingerprint(rows.size(), rows.isEmpty() ? null : maxId));
    }

    /** Reads the added rows again and builds a new book; the old one stays in use until the new one is ready. */
    public synchronized void reload() {
        snapshot = build(repository.all());
    }

    /** Picks up periods another instance added. A problem keeps the current book (and is logged). */
    @Scheduled(fixedDelay = "${portal.rules.refresh-interval:1m}", initialDelay = "${portal.rules.refresh-interval:1m}")
    void refresh() {
        try {
            if (!repository.fingerprint().equals(snapshot.fingerprint())) {
                reload();
                LOG.info("Rules reloaded: {} periods added by beheerders", snapshot.stored().size());
            }
        } catch (RuntimeException e) {
            LOG.error("Rules not reloaded; the rules loaded before stay in use", e);
        }
    }
}

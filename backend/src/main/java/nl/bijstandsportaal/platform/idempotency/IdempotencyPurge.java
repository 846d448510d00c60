package nl.bijstandsportaal.platform.idempotency;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static nl.bijstandsportaal.platform.db.generated.Tables.IDEMPOTENCY_RECORD;

/**
 * Removes stored answers of creating requests once no app will retry them any more (portal.idempotency.keep-for,
 * a week): an app retries within minutes or, offline, within days. In slices, so the table is never locked long.
 */
@Singleton
public class IdempotencyPurge {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurge.class);
    private static final int SLICE = 5_000;

    private final DSLContext db;
    private final Clock clock;
    private final Duration keepFor;

    IdempotencyPurge(DSLContext db, Clock clock, @Value("${portal.idempotency.keep-for:7d}") Duration keepFor) {
        this.db = db;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.error("Purging old idempotency records failed; the next run tries again: {}", e.toString());
        }
    }

    /** @return how many records were removed */
    public int purge() {
        LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant().minus(keepFor), ZoneOffset.UTC);
        int total = 0;
        int removed;
        do {
            removed = db.deleteFrom(IDEMPOTENCY_RECORD).where(IDEMPOTENCY_RECORD.CREATED_AT.lt(cutoff)).limit(SLICE).execute();
            total += removed;
        } while (removed == SLICE);
        if (total > 0) {
            LOG.info("Removed {} idempotency records older than {}", total, keepFor);
        }
        return total;
    }
}

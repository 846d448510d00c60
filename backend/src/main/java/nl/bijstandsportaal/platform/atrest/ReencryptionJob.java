package nl.bijstandsportaal.platform.atrest;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Moves values on an older key (or still plain) to the current key, in every instance every
 * {@code portal.data-keys.reencrypt-every} (ADR 0042, docs/operations.md "Keys at rest"). The work is shared safely:
 * a row is written only while its key is still the one read. When nothing is left on another key it logs so once,
 * naming the keys that may now be removed from PORTAL_DATA_KEYS.
 */
@Singleton
public class ReencryptionJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReencryptionJob.class);

    private final DSLContext db;
    private final DataKeys keys;
    private final int batch;
    private volatile boolean reportedDone;

    ReencryptionJob(DSLContext db, DataKeys keys, @Value("${portal.data-keys.batch-size:200}") int batch) {
        this.db = db;
        this.keys = keys;
        this.batch = batch;
    }

    @Scheduled(fixedDelay = "${portal.data-keys.reencrypt-every:10m}", initialDelay = "${portal.data-keys.reencrypt-first:1m}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("At rest: re-encryption did not finish ({}); it is tried again at the next run", e.getMessage());
        }
    }

    /** One run: everything not on the current key moved. Returns the rows changed. */
    public int run() {
        int moved = AtRestColumns.moveToCurrentKey(db, keys, batch);
        Map<String, Integer> left = AtRestColumns.notOnCurrentKey(db, keys);
        int total = left.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            LOG.info("At rest: {} values not yet on key {}: {}", total, keys.currentId(), left);
            reportedDone = false;
        } else if (moved > 0 || !reportedDone) {
            var others = new java.util.TreeSet<>(keys.ids());
            others.remove(keys.currentId());
            LOG.info("At rest: every value is on key {}{}", keys.currentId(),
                    others.isEmpty() ? "" : "; keys no longer used and safe to remove from PORTAL_DATA_KEYS: " + others);
            reportedDone = true;
        }
        return moved;
    }

    /** Per table, the rows not yet on the current key. */
    public Map<String, Integer> left() {
        return AtRestColumns.notOnCurrentKey(db, keys);
    }
}

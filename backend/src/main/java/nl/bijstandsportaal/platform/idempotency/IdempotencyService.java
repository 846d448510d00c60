package nl.bijstandsportaal.platform.idempotency;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.platform.db.Clashes;
import nl.bijstandsportaal.platform.db.OneRoundTrip;
import nl.bijstandsportaal.platform.db.generated.tables.records.IdempotencyRecordRecord;
import nl.bijstandsportaal.platform.web.ProblemException;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import static nl.bijstandsportaal.platform.db.generated.Tables.IDEMPOTENCY_RECORD;

/**
 * Makes a creating POST safe to retry. The first request with a key claims it by inserting a row in the same
 * transaction as the work it does, and stores its answer there. A retry (even one running at the same time,
 * on another instance) finds the row and gets the stored answer; nothing is created twice. The same key with
 * a different request body is refused.
 */
@Singleton
public class IdempotencyService {

    public static final int MAX_KEY_LENGTH = 128;

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;

    IdempotencyService(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The answer of one creating request: a status and a body to send (and to store for retries). {@code writes}: the
     * work's last writes, sent together with the key in one round trip ({@link OneRoundTrip}). {@code replayed}: the
     * answer stored by an earlier request with this key (nothing was done now).
     */
    public record Outcome<T>(HttpStatus status, T body, List<Query> writes, boolean replayed) {

        public Outcome {
            writes = List.copyOf(writes);
        }

        public Outcome(HttpStatus status, T body) {
            this(status, body, List.of(), false);
        }

        public Outcome(HttpStatus status, T body, List<Query> writes) {
            this(status, body, writes, false);
        }
    }

    /**
     * Runs {@code work} in a transaction, once per (owner, key). Without a key it just runs in a transaction.
     *
     * @param owner   whose key space this is, e.g. "burger:12" (keys of different people never collide)
     * @param request the request body, to tell a true retry from a reused key
     */
    public <T> Outcome<T> once(String owner, String key, Object request, Argument<T> bodyType, Function<DSLContext, Outcome<T>> work) {
        if (key == null) {
            return Clashes.retry(() -> db.transactionResult(tx -> {
                Outcome<T> outcome = work.apply(tx.dsl());
                OneRoundTrip.execute(tx.dsl(), outcome.writes());
                return outcome;
            }));
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST);
        }
        String requestHash = sha256(write(request));
        try {
            return claimAndRun(owner, key, requestHash, work);
        } catch (DataAccessException e) {
            if (!Clashes.isClash(e)) {
                throw e;
            }
            // Either a retry of this key came first (its answer is stored), or the work itself clashed with another
            // request (two first sends of one thing with different keys): then run once more, on what is there now.
            if (storedRow(owner, key) == null) {
                return claimAndRun(owner, key, requestHash, work);
            }
            return stored(owner, key, requestHash, bodyType);
        }
    }

    /**
     * Does the work and stores the key with the answer at the end, with the work's last writes. A retry that runs at
     * the same moment waits on the key's unique index (or on a row the work locks) and then fails on the key: its
     * transaction, work and all, is rolled back, and it answers what the first stored.
     */
    private <T> Outcome<T> claimAndRun(String owner, String key, String requestHash, Function<DSLContext, Outcome<T>> work) {
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Outcome<T> outcome = work.apply(t);
            List<Query> writes = new ArrayList<>(outcome.writes());
            writes.add(t.insertInto(IDEMPOTENCY_RECORD)
                    .set(IDEMPOTENCY_RECORD.OWNER, owner)
                    .set(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY, key)
                    .set(IDEMPOTENCY_RECORD.REQUEST_HASH, requestHash)
                    .set(IDEMPOTENCY_RECORD.STATUS, outcome.status().getCode())
                    .set(IDEMPOTENCY_RECORD.RESPONSE_BODY, write(outcome.body()))
                    .set(IDEMPOTENCY_RECORD.CREATED_AT, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
            OneRoundTrip.execute(t, writes);
            return outcome;
        });
    }

    private IdempotencyRecordRecord storedRow(String owner, String key) {
        return db.selectFrom(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.OWNER.eq(owner)).and(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key))
                .fetchOne();
    }

    private <T> Outcome<T> stored(String owner, String key, String requestHash, Argument<T> bodyType) {
        var row = storedRow(owner, key);
        if (!row.getRequestHash().equals(requestHash)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED);
        }
        try {
            T body = json.readValue(row.getResponseBody(), bodyType);
            return new Outcome<>(HttpStatus.valueOf(row.getStatus()), body, List.of(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

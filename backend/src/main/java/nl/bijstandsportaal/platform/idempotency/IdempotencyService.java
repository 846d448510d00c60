package nl.bijstandsportaal.platform.idempotency;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
 * Makes a creating POST of the API safe to retry (ADR 0007, 0030). The first request with a key claims it by inserting
 * a row in the same transaction as the work it does. Its answer (status, Content-Type, Location, the body's bytes) is
 * stored in that row before it is sent, and every retry with the key (even one running at the same time, on another
 * instance, or after a later correction of the same thing) gets exactly those bytes: nothing is created twice and
 * nothing is answered differently. The same key with a different request body is refused.
 *
 * <p>The answer is made either inside the work's transaction ({@link #respond}: from what the work has in memory,
 * stored in the same round trip as the key) or right after the commit ({@link #respondAfterCommit}: when the answer
 * reads what the work wrote; stored with one more statement before it is sent). Either way the client never receives
 * an answer that is not stored.
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
     * What the work did: the status to answer with, the value the answer is made from, and the work's last writes, sent
     * together with the key in one round trip ({@link OneRoundTrip}).
     */
    public record Outcome<T>(HttpStatus status, T value, List<Query> writes) {

        public Outcome {
            writes = List.copyOf(writes);
        }

        public Outcome(HttpStatus status, T value) {
            this(status, value, List.of());
        }
    }

    /** What to answer: the body (sent as JSON) and, for something created, where it can be read again (Location). */
    public record Reply(Object body, String location) {

        public static Reply of(Object body) {
            return new Reply(body, null);
        }

        public static Reply at(String location, Object body) {
            return new Reply(body, location);
        }
    }

    /** An answer as sent and stored: status, headers ("Name: value" lines) and the body's bytes. */
    record Answer(int status, String headers, byte[] body) {

        @SuppressWarnings("unchecked")
        <R> HttpResponse<R> response() {
            MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(status)).body(body);
            for (String line : headers.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    response.header(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            // The body is the stored bytes, whatever the route declares: Micronaut writes a byte[] as it is.
            return (HttpResponse<R>) (HttpResponse<?>) response;
        }
    }

    /**
     * Runs {@code work} in a transaction, once per (owner, key), and answers. {@code answer} makes the answer from the
     * work's value inside the transaction (so it must not need to read what the work has yet to write); it is stored with
     * the key in the same round trip. Without a key the work just runs in a transaction and is answered.
     *
     * @param owner     whose key space this is, e.g. "burger:12" (keys of different people never collide)
     * @param request   the request body, to tell a true retry from a reused key
     * @param valueType the type of the work's value: a row stored before its answer was (version 15 and older) is
     *                  answered from it
     * @return the response to send; its body is the answer's bytes (not an {@code R}), so a retry gets them unchanged
     */
    public <T, R> HttpResponse<R> respond(String owner, String key, Object request, Argument<T> valueType,
                                          Function<DSLContext, Outcome<T>> work, Function<T, Reply> answer) {
        return run(owner, key, request, valueType, work, answer, true);
    }

    /**
     * As {@link #respond}, but the answer is made after the commit, so it can read what the work wrote. It is stored
     * before it is sent; when a retry running at the same moment stored its answer first, that one is sent instead.
     * A crash between the commit and storing the answer leaves the key without one: the next retry makes it then.
     */
    public <T, R> HttpResponse<R> respondAfterCommit(String owner, String key, Object request, Argument<T> valueType,
                                                     Function<DSLContext, Outcome<T>> work, Function<T, Reply> answer) {
        return run(owner, key, request, valueType, work, answer, false);
    }

    private <T, R> HttpResponse<R> run(String owner, String key, Object request, Argument<T> valueType,
                                       Function<DSLContext, Outcome<T>> work, Function<T, Reply> answer, boolean inTransaction) {
        if (key == null) {
            Done<T> done = Clashes.retry(() -> db.transactionResult(tx -> {
                Outcome<T> outcome = work.apply(tx.dsl());
                OneRoundTrip.execute(tx.dsl(), outcome.writes());
                return new Done<>(outcome, inTransaction ? answer(outcome.status(), answer.apply(outcome.value())) : null);
            }));
            return (done.answer() != null ? done.answer() : answer(done.outcome().status(), answer.apply(done.outcome().value()))).response();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST);
        }
        String body = new String(write(request), StandardCharsets.UTF_8);
        // A key is tied to its route and its body (ADR 0044): the same key on another address is another request.
        String requestHash = sha256(route() + "\n" + body);
        String legacyHash = sha256(body);
        // A retry after the first answer was stored is answered from it at once, without running the work again (work
        // that stores in a transaction of its own, such as a proof upload, would otherwise be done twice).
        IdempotencyRecordRecord earlier = storedRow(owner, key);
        if (earlier != null) {
            return replay(earlier, requestHash, legacyHash, valueType, answer).response();
        }
        Done<T> done;
        try {
            done = claimAndRun(owner, key, requestHash, work, answer, inTransaction);
        } catch (DataAccessException e) {
            if (!Clashes.isClash(e)) {
                throw e;
            }
            // Either a retry of this key came first (its answer is stored), or the work itself clashed with another
            // request (two first sends of one thing with different keys): then run once more, on what is there now.
            IdempotencyRecordRecord row = storedRow(owner, key);
            if (row != null) {
                return replay(row, requestHash, legacyHash, valueType, answer).response();
            }
            done = claimAndRun(owner, key, requestHash, work, answer, inTransaction);
        } catch (RuntimeException refused) {
            // The work refused (say, the report is being processed by now): a retry of a request that was done before
            // still gets its first answer.
            IdempotencyRecordRecord row = storedRow(owner, key);
            if (row == null) {
                throw refused;
            }
            return replay(row, requestHash, legacyHash, valueType, answer).response();
        }
        if (done.answer() != null) {
            return done.answer().response();
        }
        return store(owner, key, answer(done.outcome().status(), answer.apply(done.outcome().value()))).response();
    }

    private record Done<T>(Outcome<T> outcome, Answer answer) {
    }

    /**
     * Does the work and stores the key at the end, with the work's last writes and (made in the transaction) the
     * answer. A retry that runs at the same moment waits on the key's unique index (or on a row the work locks) and
     * then fails on the key: its transaction, work and all, is rolled back, and it answers what the first stored.
     */
    private <T> Done<T> claimAndRun(String owner, String key, String requestHash, Function<DSLContext, Outcome<T>> work,
                                    Function<T, Reply> answer, boolean inTransaction) {
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Outcome<T> outcome = work.apply(t);
            Answer made = inTransaction ? answer(outcome.status(), answer.apply(outcome.value())) : null;
            List<Query> writes = new ArrayList<>(outcome.writes());
            writes.add(t.insertInto(IDEMPOTENCY_RECORD)
                    .set(IDEMPOTENCY_RECORD.OWNER, owner)
                    .set(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY, key)
                    .set(IDEMPOTENCY_RECORD.REQUEST_HASH, requestHash)
                    .set(IDEMPOTENCY_RECORD.STATUS, outcome.status().getCode())
                    // What a later answer is made from; not needed when the answer itself is stored now.
                    .set(IDEMPOTENCY_RECORD.RESPONSE_BODY, made != null ? "" : new String(write(outcome.value()), StandardCharsets.UTF_8))
                    .set(IDEMPOTENCY_RECORD.ANSWER_HEADERS, made == null ? null : made.headers())
                    .set(IDEMPOTENCY_RECORD.ANSWER_BODY, made == null ? null : made.body())
                    .set(IDEMPOTENCY_RECORD.CREATED_AT, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
            OneRoundTrip.execute(t, writes);
            return new Done<>(outcome, made);
        });
    }

    /** Stores an answer made after the commit; when another request stored one first, that one is the answer. */
    private Answer store(String owner, String key, Answer made) {
        int stored = db.update(IDEMPOTENCY_RECORD)
                .set(IDEMPOTENCY_RECORD.ANSWER_HEADERS, made.headers())
                .set(IDEMPOTENCY_RECORD.ANSWER_BODY, made.body())
                .where(IDEMPOTENCY_RECORD.OWNER.eq(owner)).and(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key))
                .and(IDEMPOTENCY_RECORD.ANSWER_BODY.isNull())
                .execute();
        if (stored == 1) {
            return made;
        }
        IdempotencyRecordRecord row = storedRow(owner, key);
        if (row == null || row.getAnswerBody() == null) {
            // The key is gone (purged in between): nothing to keep the answer with, and nothing else was answered.
            return made;
        }
        return new Answer(row.getStatus(), row.getAnswerHeaders(), row.getAnswerBody());
    }

    private IdempotencyRecordRecord storedRow(String owner, String key) {
        return db.selectFrom(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.OWNER.eq(owner)).and(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key))
                .fetchOne();
    }

    /** The stored answer; a key without one yet gets it made now from the stored value, and stored. */
    private <T> Answer replay(IdempotencyRecordRecord row, String requestHash, String legacyHash, Argument<T> valueType,
                              Function<T, Reply> answer) {
        // legacyHash: a key stored before keys were tied to their route (body only); such a row can only match its own body.
        if (!row.getRequestHash().equals(requestHash) && !row.getRequestHash().equals(legacyHash)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED);
        }
        if (row.getAnswerBody() != null) {
            return new Answer(row.getStatus(), row.getAnswerHeaders(), row.getAnswerBody());
        }
        T value;
        try {
            value = json.readValue(row.getResponseBody(), valueType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store(row.getOwner(), row.getIdempotencyKey(), answer(row.getStatus(), answer.apply(value)));
    }

    /** The method and path of the request being served ("POST /api/v1/inkomsten/2026-11"); empty outside a request. */
    private static String route() {
        return io.micronaut.http.context.ServerRequestContext.currentRequest()
                .map(r -> r.getMethodName() + " " + r.getPath()).orElse("");
    }

    private Answer answer(HttpStatus status, Reply reply) {
        return answer(status.getCode(), reply);
    }

    private Answer answer(int status, Reply reply) {
        String headers = HttpHeaders.CONTENT_TYPE + ": " + MediaType.APPLICATION_JSON
                + (reply.location() == null ? "" : "\n" + HttpHeaders.LOCATION + ": " + reply.location());
        return new Answer(status, headers, write(reply.body()));
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
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

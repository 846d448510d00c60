package nl.bijstandsportaal.platform;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.platform.idempotency.IdempotencyPurge;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.IDEMPOTENCY_RECORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored answers (with the personal data they show) older than a week are removed with their key; newer ones stay, so a
 * retry still gets its first answer.
 */
@MicronautTest
class IdempotencyPurgeTest extends PortalTest {

    @Inject
    DSLContext db;
    @Inject
    IdempotencyPurge purge;

    private String record(LocalDateTime createdAt) {
        String key = UUID.randomUUID().toString();
        db.insertInto(IDEMPOTENCY_RECORD).set(IDEMPOTENCY_RECORD.OWNER, "test").set(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY, key)
                .set(IDEMPOTENCY_RECORD.REQUEST_HASH, "0".repeat(64)).set(IDEMPOTENCY_RECORD.STATUS, 201)
                .set(IDEMPOTENCY_RECORD.RESPONSE_BODY, "").set(IDEMPOTENCY_RECORD.ANSWER_HEADERS, "Content-Type: application/json")
                .set(IDEMPOTENCY_RECORD.ANSWER_BODY, "{\"netto\":\"380.00\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .set(IDEMPOTENCY_RECORD.CREATED_AT, createdAt).execute();
        return key;
    }

    @Test
    void recordsOlderThanAWeekGoAndNewerOnesStay() {
        LocalDateTime now = nl.bijstandsportaal.testsupport.TestToday.utc();
        String old = record(now.minusDays(8));
        String recent = record(now.minusDays(6));

        assertTrue(purge.purge() >= 1);

        assertEquals(0, db.fetchCount(IDEMPOTENCY_RECORD, IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(old)));
        assertEquals(1, db.fetchCount(IDEMPOTENCY_RECORD, IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(recent)));
    }
}

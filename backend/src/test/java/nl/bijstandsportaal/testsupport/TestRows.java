package nl.bijstandsportaal.testsupport;

import org.jooq.DSLContext;

import java.time.LocalDateTime;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;

/** Rows the notification tests put straight into the database. */
public final class TestRows {

    private TestRows() {
    }

    /** A registered phone of this citizen, last seen at {@code lastSeen}; returns its id. */
    public static long device(DSLContext db, long burgerId, String token, LocalDateTime lastSeen) {
        return db.insertInto(DEVICE).set(DEVICE.PUBLIC_ID, UUID.randomUUID().toString()).set(DEVICE.BURGER_ID, burgerId)
                .set(DEVICE.PUSH_TOKEN, token).set(DEVICE.PLATFORM, "ANDROID").set(DEVICE.APP_VERSION, "1.0.0")
                .set(DEVICE.CREATED_AT, lastSeen.minusDays(1)).set(DEVICE.LAST_SEEN_AT, lastSeen)
                .returning(DEVICE.ID).fetchSingle(DEVICE.ID);
    }

    /** A phone seen just now. */
    public static long device(DSLContext db, long burgerId, String token) {
        return device(db, burgerId, token, TestToday.utc());
    }
}

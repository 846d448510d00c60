package nl.bijstandsportaal.testsupport;

import nl.bijstandsportaal.platform.atrest.AtRestColumns;
import nl.bijstandsportaal.platform.atrest.DataKeys;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.time.LocalDateTime;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;

/** Rows the notification tests put straight into the database. */
public final class TestRows {

    /** The keys of the test contexts: the demo's (application.yml), as every test context is a demo. */
    public static final DataKeys DEMO_KEYS = DataKeys.parse(DataKeys.DEMO_DATA_KEYS, DataKeys.DEMO_BSN_INDEX_KEY);

    private TestRows() {
    }

    /** The citizen with this BSN, found as the portal finds them: through the keyed hash (ADR 0042). */
    public static Condition bsnIs(String bsn) {
        return BURGER.BSN_INDEX.eq(DEMO_KEYS.bsnIndex(bsn));
    }

    /** The columns of a new citizen's BSN, encrypted as the portal writes them. */
    public static java.util.Map<Field<?>, Object> bsnColumns(String bsn) {
        return AtRestColumns.bsn(DEMO_KEYS, bsn);
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

package nl.bijstandsportaal.account;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.api.v1.Device;
import nl.bijstandsportaal.api.v1.DeviceRegistration;
import nl.bijstandsportaal.platform.db.generated.tables.records.DeviceRecord;
import nl.bijstandsportaal.platform.idempotency.IdempotencyService;
import nl.bijstandsportaal.platform.idempotency.IdempotencyService.Outcome;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION;

/**
 * Push registrations. A token is unique: registering it again (a token refresh, a new app version, another
 * person signing in on the same phone) updates the one row. Every query is scoped to the citizen asking.
 */
@Singleton
public class DeviceService {

    /** The platform of a browser's push registration (notifications.BrowserPush). */
    public static final String WEB = "WEB";

    private final DSLContext db;
    private final IdempotencyService idempotency;
    private final Clock clock;

    DeviceService(DSLContext db, IdempotencyService idempotency, Clock clock) {
        this.db = db;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * Registers (or refreshes) a phone for the app login that asks ({@code appSession}, mobile_session.public_id; null
     * for none); the answer is 201 with the new device, or 200 with the one updated.
     */
    public HttpResponse<Device> register(long burgerId, String appSession, String idempotencyKey, DeviceRegistration registration) {
        return idempotency.respond("burger:" + burgerId, idempotencyKey, registration, Argument.of(Device.class),
                tx -> upsert(tx, burgerId, appSession, registration), IdempotencyService.Reply::of);
    }

    private Outcome<Device> upsert(DSLContext tx, long burgerId, String appSession, DeviceRegistration registration) {
        LocalDateTime now = now();
        Long sessionId = appSession == null ? null : tx.select(MOBILE_SESSION.ID).from(MOBILE_SESSION)
                .where(MOBILE_SESSION.PUBLIC_ID.eq(appSession)).and(MOBILE_SESSION.BURGER_ID.eq(burgerId)).fetchOne(MOBILE_SESSION.ID);
        DeviceRecord device = tx.selectFrom(DEVICE).where(DEVICE.PUSH_TOKEN.eq(registration.pushtoken())).forUpdate().fetchOne();
        HttpStatus status = HttpStatus.OK;
        if (device == null) {
            device = tx.newRecord(DEVICE);
            device.setPublicId(UUID.randomUUID().toString());
            device.setPushToken(registration.pushtoken());
            device.setCreatedAt(now);
            status = HttpStatus.CREATED;
        }
        device.setBurgerId(burgerId);
        device.setPlatform(registration.platform().name());
        device.setAppVersion(registration.appVersie());
        device.setLastSeenAt(now);
        device.setMobileSessionId(sessionId);
        device.store();
        String name = sessionId == null ? null : tx.select(MOBILE_SESSION.DEVICE_NAME).from(MOBILE_SESSION)
                .where(MOBILE_SESSION.ID.eq(sessionId)).fetchOne(MOBILE_SESSION.DEVICE_NAME);
        return new Outcome<>(status, toDto(device, name, sessionId != null));
    }

    /**
     * The citizen's phones, oldest first, each with its app login's name and whether it is the phone that asks. A
     * browser's registration (platform WEB, ADR 0049) is not a phone: the settings page shows it, not the app.
     */
    public List<Device> list(long burgerId, String appSession) {
        return db.select(DEVICE.asterisk(), MOBILE_SESSION.DEVICE_NAME, MOBILE_SESSION.PUBLIC_ID).from(DEVICE)
                .leftJoin(MOBILE_SESSION).on(MOBILE_SESSION.ID.eq(DEVICE.MOBILE_SESSION_ID))
                .where(DEVICE.BURGER_ID.eq(burgerId)).and(DEVICE.PLATFORM.ne(WEB)).orderBy(DEVICE.CREATED_AT, DEVICE.ID)
                .fetch(r -> toDto(r.into(DEVICE), r.get(MOBILE_SESSION.DEVICE_NAME),
                        appSession != null && appSession.equals(r.get(MOBILE_SESSION.PUBLIC_ID))));
    }

    /** Another citizen's device gives the same answer as one that does not exist. */
    public void remove(long burgerId, String publicId) {
        int deleted = db.deleteFrom(DEVICE).where(DEVICE.PUBLIC_ID.eq(publicId)).and(DEVICE.BURGER_ID.eq(burgerId)).execute();
        if (deleted == 0) {
            throw new NotFoundException();
        }
    }

    private LocalDateTime now() {
        // Whole seconds, as the database keeps them: the columns are DATETIME(6), but MySQL Connector/J sends no fractions to
        // MariaDB 10.11 (it announces itself as 5.5.5-10.11, older than fractions). What is answered now must equal what is
        // read back later (ADR 0030).
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static Device toDto(DeviceRecord r, String name, boolean thisPhone) {
        return new Device(r.getPublicId(), DeviceRegistration.Platform.valueOf(r.getPlatform()), r.getAppVersion(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC), r.getLastSeenAt().toInstant(ZoneOffset.UTC), name, thisPhone);
    }
}

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

/**
 * Push registrations. A token is unique: registering it again (a token refresh, a new app version, another
 * person signing in on the same phone) updates the one row. Every query is scoped to the citizen asking.
 */
@Singleton
public class DeviceService {

    private final DSLContext db;
    private final IdempotencyService idempotency;
    private final Clock clock;

    DeviceService(DSLContext db, IdempotencyService idempotency, Clock clock) {
        this.db = db;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Registers (or refreshes) a phone; the answer is 201 with the new device, or 200 with the one updated. */
    public HttpResponse<Device> register(long burgerId, String idempotencyKey, DeviceRegistration registration) {
        return idempotency.respond("burger:" + burgerId, idempotencyKey, registration, Argument.of(Device.class),
                tx -> upsert(tx, burgerId, registration), IdempotencyService.Reply::of);
    }

    private Outcome<Device> upsert(DSLContext tx, long burgerId, DeviceRegistration registration) {
        LocalDateTime now = now();
        DeviceRecord existing = tx.selectFrom(DEVICE).where(DEVICE.PUSH_TOKEN.eq(registration.pushToken())).forUpdate().fetchOne();
        if (existing != null) {
            existing.setBurgerId(burgerId);
            existing.setPlatform(registration.platform().name());
            existing.setAppVersion(registration.appVersion());
            existing.setLastSeenAt(now);
            existing.store();
            return new Outcome<>(HttpStatus.OK, toDto(existing));
        }
        DeviceRecord created = tx.newRecord(DEVICE);
        created.setPublicId(UUID.randomUUID().toString());
        created.setBurgerId(burgerId);
        created.setPushToken(registration.pushToken());
        created.setPlatform(registration.platform().name());
        created.setAppVersion(registration.appVersion());
        created.setCreatedAt(now);
        created.setLastSeenAt(now);
        created.store();
        return new Outcome<>(HttpStatus.CREATED, toDto(created));
    }

    public List<Device> list(long burgerId) {
        return db.selectFrom(DEVICE).where(DEVICE.BURGER_ID.eq(burgerId)).orderBy(DEVICE.CREATED_AT).fetch(DeviceService::toDto);
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

    private static Device toDto(DeviceRecord r) {
        return new Device(r.getPublicId(), DeviceRegistration.Platform.valueOf(r.getPlatform()), r.getAppVersion(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC), r.getLastSeenAt().toInstant(ZoneOffset.UTC));
    }
}

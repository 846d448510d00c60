package nl.bijstandsportaal.notifications;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.notifications.DeliveryPlan.Candidate;
import nl.bijstandsportaal.notifications.Outbox.Delivery;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDINGSVOORKEUR;

/**
 * The outbox as the dispatcher sees it. A claim is one short transaction: {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * takes waiting deliveries no other dispatcher holds, and their {@code niet_voor} moves a lease ahead with the
 * claim's name, so they stay ours after the commit while we send. Every later change is made only where the claim
 * is still ours: a dispatcher whose lease ran out cannot overwrite what another one did.
 */
@Singleton
class DeliveryRepository {

    private final DSLContext db;

    DeliveryRepository(DSLContext db) {
        this.db = db;
    }

    /** Claims up to {@code limit} deliveries that are due, for {@code lease}; returns their ids. */
    List<Long> claim(String claim, Instant now, java.time.Duration lease, int limit) {
        LocalDateTime at = utc(now);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<Long> ids = tx.select(BEZORGING.ID).from(BEZORGING)
                    .where(BEZORGING.STATUS.eq(Delivery.WAITING)).and(BEZORGING.NIET_VOOR.le(at))
                    .orderBy(BEZORGING.NIET_VOOR)
                    .limit(limit)
                    .forUpdate().skipLocked()
                    .fetch(BEZORGING.ID);
            if (!ids.isEmpty()) {
                tx.update(BEZORGING)
                        .set(BEZORGING.NIET_VOOR, utc(now.plus(lease)))
                        .set(BEZORGING.GECLAIMD_DOOR, claim)
                        .set(BEZORGING.POGINGEN, BEZORGING.POGINGEN.plus(1))
                        .where(BEZORGING.ID.in(ids))
                        .execute();
            }
            return ids;
        });
    }

    /** The claimed deliveries with what deciding and sending need. A device counts only while it is still the citizen's. */
    List<Candidate> candidates(Collection<Long> ids, String claim) {
        return db.select(BEZORGING.ID, BEZORGING.KANAAL, BEZORGING.POGINGEN, BEZORGING.DEVICE_ID, MELDING.PUBLIC_ID,
                        MELDING.ONDERWERP, MELDING.LINK, DEVICE.PUSH_TOKEN, BURGER.EMAIL, BURGER.STILLE_UREN_VAN,
                        BURGER.STILLE_UREN_TOT, MELDINGSVOORKEUR.AAN, MELDING.UITERLIJK_OP, BURGER.TAAL, DEVICE.PLATFORM)
                .from(BEZORGING)
                .join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .join(BURGER).on(BURGER.ID.eq(MELDING.BURGER_ID))
                .leftJoin(DEVICE).on(DEVICE.ID.eq(BEZORGING.DEVICE_ID)).and(DEVICE.BURGER_ID.eq(MELDING.BURGER_ID))
                .and(BEZORGING.KANAAL.eq(Channel.PUSH.name()))
                .leftJoin(MELDINGSVOORKEUR).on(MELDINGSVOORKEUR.BURGER_ID.eq(MELDING.BURGER_ID))
                .and(MELDINGSVOORKEUR.ONDERWERP.eq(MELDING.ONDERWERP)).and(MELDINGSVOORKEUR.KANAAL.eq(BEZORGING.KANAAL))
                .where(BEZORGING.ID.in(ids)).and(BEZORGING.GECLAIMD_DOOR.eq(claim))
                .orderBy(BEZORGING.ID)
                .fetch(r -> new Candidate(r.get(BEZORGING.ID), Channel.valueOf(r.get(BEZORGING.KANAAL)), r.get(BEZORGING.POGINGEN),
                        r.get(MELDING.PUBLIC_ID), Topic.valueOf(r.get(MELDING.ONDERWERP)), r.get(MELDING.LINK),
                        r.get(BEZORGING.DEVICE_ID), r.get(DEVICE.PUSH_TOKEN), r.get(BURGER.EMAIL),
                        new QuietHours(r.get(BURGER.STILLE_UREN_VAN), r.get(BURGER.STILLE_UREN_TOT)), r.get(MELDINGSVOORKEUR.AAN),
                        r.get(MELDING.UITERLIJK_OP) == null ? null : r.get(MELDING.UITERLIJK_OP).toInstant(ZoneOffset.UTC),
                        r.get(BURGER.TAAL), r.get(DEVICE.PLATFORM)));
    }

    /** What became of some claimed deliveries; written in one transaction. */
    static final class Outcomes {
        final List<Long> sent = new ArrayList<>();
        final List<Query> others = new ArrayList<>();
        final List<Long> goneDevices = new ArrayList<>();
    }

    Outcomes outcomes() {
        return new Outcomes();
    }

    void skip(Outcomes o, String claim, long id, String reason) {
        o.others.add(db.update(BEZORGING).set(BEZORGING.STATUS, Delivery.SKIPPED).set(BEZORGING.REDEN, reason)
                .setNull(BEZORGING.GECLAIMD_DOOR).where(BEZORGING.ID.eq(id)).and(BEZORGING.GECLAIMD_DOOR.eq(claim)));
    }

    /** Not an attempt: back to waiting until {@code at} (the end of the quiet hours). */
    void later(Outcomes o, String claim, long id, Instant at) {
        o.others.add(db.update(BEZORGING).set(BEZORGING.NIET_VOOR, utc(at)).set(BEZORGING.POGINGEN, BEZORGING.POGINGEN.minus(1))
                .setNull(BEZORGING.GECLAIMD_DOOR).where(BEZORGING.ID.eq(id)).and(BEZORGING.GECLAIMD_DOOR.eq(claim)));
    }

    void retry(Outcomes o, String claim, long id, Instant at, String reason) {
        o.others.add(db.update(BEZORGING).set(BEZORGING.NIET_VOOR, utc(at)).set(BEZORGING.REDEN, reason)
                .setNull(BEZORGING.GECLAIMD_DOOR).where(BEZORGING.ID.eq(id)).and(BEZORGING.GECLAIMD_DOOR.eq(claim)));
    }

    void giveUp(Outcomes o, String claim, long id, String reason) {
        o.others.add(db.update(BEZORGING).set(BEZORGING.STATUS, Delivery.GAVE_UP).set(BEZORGING.REDEN, reason)
                .setNull(BEZORGING.GECLAIMD_DOOR).where(BEZORGING.ID.eq(id)).and(BEZORGING.GECLAIMD_DOOR.eq(claim)));
    }

    /** FCM says the token is gone: forget the device, and this delivery is skipped with the reason. */
    void gone(Outcomes o, String claim, long id, long deviceId, String token, String reason) {
        skip(o, claim, id, reason + ": device removed");
        o.others.add(db.deleteFrom(DEVICE).where(DEVICE.ID.eq(deviceId)).and(DEVICE.PUSH_TOKEN.eq(token)));
        o.goneDevices.add(deviceId);
    }

    /** Writes what became of some deliveries, in one transaction; nothing when there is nothing to write. */
    void record(Outcomes o, String claim, Instant now) {
        if (o.sent.isEmpty() && o.others.isEmpty()) {
            return;
        }
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (!o.sent.isEmpty()) {
                tx.update(BEZORGING).set(BEZORGING.STATUS, Delivery.SENT).set(BEZORGING.VERSTUURD_OP, utc(now))
                        .setNull(BEZORGING.GECLAIMD_DOOR).setNull(BEZORGING.REDEN)
                        .where(BEZORGING.ID.in(o.sent)).and(BEZORGING.GECLAIMD_DOOR.eq(claim))
                        .execute();
            }
            if (!o.others.isEmpty()) {
                tx.batch(o.others).execute();
            }
        });
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

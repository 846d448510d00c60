package nl.bijstandsportaal.notifications;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;

/**
 * The outbox of one municipality as its beheerder sees it: how many deliveries wait, were sent, skipped or given
 * up, and the latest that were given up (the dead letter) or skipped, with the reason. No names or tokens: the
 * message id is enough to look one up.
 */
@Singleton
public class OutboxOverview {

    private final DSLContext db;

    OutboxOverview(DSLContext db) {
        this.db = db;
    }

    public record Problem(Instant at, String messageId, Channel channel, String status, int attempts, String reason) {
    }

    /** Deliveries per status (WACHT, VERSTUURD, OVERGESLAGEN, OPGEGEVEN), in that order. */
    public Map<String, Integer> counts(CurrentUser beheerder) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : List.of(Outbox.Delivery.WAITING, Outbox.Delivery.SENT, Outbox.Delivery.SKIPPED, Outbox.Delivery.GAVE_UP)) {
            counts.put(status, 0);
        }
        db.select(BEZORGING.STATUS, DSL.count()).from(BEZORGING)
                .join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .join(BURGER).on(BURGER.ID.eq(MELDING.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(beheerder.gemeenteId()))
                .groupBy(BEZORGING.STATUS)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /** Messages in the portal's inbox of this municipality's citizens, and how many of them had no push or e-mail to send. */
    public record InboxCounts(int messages, int inboxOnly) {
    }

    public InboxCounts inbox(CurrentUser beheerder) {
        var withDelivery = DSL.exists(DSL.selectOne().from(BEZORGING).where(BEZORGING.MELDING_ID.eq(MELDING.ID)));
        var row = db.select(DSL.count(), DSL.count().filterWhere(DSL.not(withDelivery)))
                .from(MELDING)
                .join(BURGER).on(BURGER.ID.eq(MELDING.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(beheerder.gemeenteId()))
                .fetchOne();
        return new InboxCounts(row.value1(), row.value2());
    }

    /** The latest deliveries given up or skipped for a reason other than the citizen's own choice. */
    public List<Problem> problems(CurrentUser beheerder) {
        return db.select(MELDING.AANGEMAAKT_OP, MELDING.PUBLIC_ID, BEZORGING.KANAAL, BEZORGING.STATUS, BEZORGING.POGINGEN, BEZORGING.REDEN)
                .from(BEZORGING)
                .join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .join(BURGER).on(BURGER.ID.eq(MELDING.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(beheerder.gemeenteId()))
                .and(BEZORGING.STATUS.eq(Outbox.Delivery.GAVE_UP)
                        .or(BEZORGING.STATUS.eq(Outbox.Delivery.WAITING).and(BEZORGING.REDEN.isNotNull())))
                .orderBy(BEZORGING.ID.desc())
                .limit(50)
                .fetch(r -> new Problem(r.value1().toInstant(ZoneOffset.UTC), r.value2(), Channel.valueOf(r.value3()), r.value4(),
                        r.value5(), r.value6()));
    }
}

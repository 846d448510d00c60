package nl.bijstandsportaal.documents;

import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREK;

/**
 * Every document request has its own conversation (ADR 0031): opened when it is asked, moved up when a step is taken.
 * The conversations capability reads these threads (and the steps through {@link DocumentRequests}); this side only
 * writes the row, so the two capabilities do not depend on each other in a circle.
 */
public final class RequestThreads {

    /** Who started a conversation, as conversations stores it: an employee. */
    private static final String EMPLOYEE = "MEDEWERKER";

    private RequestThreads() {
    }

    /** A request was asked, in the caller's transaction: it gets its own conversation. */
    public static void open(DSLContext tx, long burgerId, long requestId, Instant at) {
        tx.insertInto(GESPREK).set(GESPREK.PUBLIC_ID, UUID.randomUUID().toString()).set(GESPREK.BURGER_ID, burgerId)
                .set(GESPREK.GESTART_DOOR, EMPLOYEE).set(GESPREK.GESTART_OP, utc(at)).set(GESPREK.LAATSTE_BERICHT_OP, utc(at))
                .set(GESPREK.DOCUMENTVERZOEK_ID, requestId).execute();
    }

    /** A step of a request moves its conversation to the top of the lists (in the caller's transaction). */
    static void moved(DSLContext tx, long requestId, Instant at) {
        tx.update(GESPREK).set(GESPREK.LAATSTE_BERICHT_OP, utc(at))
                .where(GESPREK.DOCUMENTVERZOEK_ID.eq(requestId)).and(GESPREK.LAATSTE_BERICHT_OP.lt(utc(at))).execute();
    }

    /** The id of the conversation about one of the citizen's requests (null: none). */
    static String of(DSLContext db, long burgerId, String requestPublicId) {
        return db.select(GESPREK.PUBLIC_ID).from(GESPREK).join(DOCUMENTVERZOEK).on(DOCUMENTVERZOEK.ID.eq(GESPREK.DOCUMENTVERZOEK_ID))
                .where(DOCUMENTVERZOEK.PUBLIC_ID.eq(requestPublicId)).and(GESPREK.BURGER_ID.eq(burgerId)).fetchOne(GESPREK.PUBLIC_ID);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

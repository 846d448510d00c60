package nl.bijstandsportaal.appointments;

import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREK;

/**
 * Every appointment has its own conversation (ADR 0032): opened when it is planned, moved up when a step is taken. The
 * conversations capability reads these threads (and the steps through {@link Appointments#stepsOf}); this side only
 * writes the row, so the two capabilities do not depend on each other in a circle.
 */
final class AppointmentThreads {

    /** Who started a conversation, as conversations stores it: an employee. */
    private static final String EMPLOYEE = "MEDEWERKER";

    private AppointmentThreads() {
    }

    /** An appointment was planned, in the caller's transaction: it gets its own conversation. */
    static void open(DSLContext tx, long burgerId, long afspraakId, Instant at) {
        tx.insertInto(GESPREK).set(GESPREK.PUBLIC_ID, UUID.randomUUID().toString()).set(GESPREK.BURGER_ID, burgerId)
                .set(GESPREK.GESTART_DOOR, EMPLOYEE).set(GESPREK.GESTART_OP, utc(at)).set(GESPREK.LAATSTE_BERICHT_OP, utc(at))
                .set(GESPREK.AFSPRAAK_ID, afspraakId).execute();
    }

    /** A step of an appointment moves its conversation to the top of the lists (in the caller's transaction). */
    static void moved(DSLContext tx, long afspraakId, Instant at) {
        tx.update(GESPREK).set(GESPREK.LAATSTE_BERICHT_OP, utc(at))
                .where(GESPREK.AFSPRAAK_ID.eq(afspraakId)).and(GESPREK.LAATSTE_BERICHT_OP.lt(utc(at))).execute();
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

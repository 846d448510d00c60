package nl.bijstandsportaal.platform.audit;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;

/**
 * The audit trail of what consulenten see and do. Details never hold a BSN or an amount; they say what
 * happened ("dossier geopend"), the ids say to whom.
 */
@Singleton
public class AuditLog {

    public static final String FILE_OPENED = "DOSSIER_GEOPEND";
    public static final String CASELOAD_VIEWED = "WERKVOORRAAD_BEKEKEN";

    private final DSLContext db;
    private final Clock clock;

    AuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(long medewerkerId, Long burgerId, String action, String details) {
        record(db, medewerkerId, burgerId, action, details);
    }

    /** Within the caller's transaction, so the audit entry and the change it describes commit together. */
    public void record(DSLContext tx, long medewerkerId, Long burgerId, String action, String details) {
        tx.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .set(AUDIT_EVENT.MEDEWERKER_ID, medewerkerId)
                .set(AUDIT_EVENT.BURGER_ID, burgerId)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.DETAILS, details.length() > 500 ? details.substring(0, 500) : details)
                .execute();
    }
}

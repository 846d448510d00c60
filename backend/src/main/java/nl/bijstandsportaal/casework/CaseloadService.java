package nl.bijstandsportaal.casework;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.security.CurrentUser;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;

/**
 * What a consulent may see: the citizens of their own municipality (their own caseload first). Opening a
 * citizen's file is audited; a citizen of another municipality does not exist for them (404).
 */
@Singleton
public class CaseloadService {

    private static final int PAGE = 200;

    private final DSLContext db;
    private final AccountRepository accounts;
    private final AuditLog audit;

    CaseloadService(DSLContext db, AccountRepository accounts, AuditLog audit) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
    }

    public record CaseloadRow(long id, String naam, String leefvorm, LocalDate bijstandSinds, boolean mine) {
    }

    public record AuditRow(Instant occurredAt, String medewerker, String burger, String action, String details) {
    }

    public List<CaseloadRow> caseload(CurrentUser consulent) {
        return db.select(BURGER.ID, BURGER.VOORNAAM, BURGER.ACHTERNAAM, BURGER.LEEFVORM, BURGER.BIJSTAND_SINDS, BURGER.CONSULENT_ID)
                .from(BURGER)
                .where(BURGER.GEMEENTE_ID.eq(consulent.gemeenteId()))
                .orderBy(BURGER.CONSULENT_ID.eq(consulent.id()).desc(), BURGER.ACHTERNAAM, BURGER.VOORNAAM)
                .limit(PAGE)
                .fetch(r -> new CaseloadRow(r.value1(), r.value2() + " " + r.value3(), r.value4(), r.value5(),
                        r.value6() != null && r.value6() == consulent.id()));
    }

    /** How many citizens of the employee's municipality are in the portal (a number only: a beheerder opens no files). */
    public int citizenCount(CurrentUser user) {
        return db.fetchCount(BURGER, BURGER.GEMEENTE_ID.eq(user.gemeenteId()));
    }

    public String gemeenteNaam(CurrentUser user) {
        return db.select(GEMEENTE.NAAM).from(GEMEENTE).where(GEMEENTE.ID.eq(user.gemeenteId())).fetchOne(GEMEENTE.NAAM);
    }

    /** The citizen's file, recorded in the audit trail. */
    public CitizenProfile openFile(CurrentUser consulent, long burgerId) {
        CitizenProfile profile = accounts.citizenFor(consulent, burgerId);
        audit.record(consulent.id(), burgerId, AuditLog.FILE_OPENED, "Dossier geopend");
        return profile;
    }

    public List<AuditRow> auditTrail(CurrentUser beheerder) {
        var burger = BURGER.as("b");
        return db.select(AUDIT_EVENT.OCCURRED_AT, MEDEWERKER.NAAM, burger.VOORNAAM, burger.ACHTERNAAM, AUDIT_EVENT.ACTION, AUDIT_EVENT.DETAILS)
                .from(AUDIT_EVENT)
                .join(MEDEWERKER).on(MEDEWERKER.ID.eq(AUDIT_EVENT.MEDEWERKER_ID))
                .leftJoin(burger).on(burger.ID.eq(AUDIT_EVENT.BURGER_ID))
                .where(MEDEWERKER.GEMEENTE_ID.eq(beheerder.gemeenteId()))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(PAGE)
                .fetch(r -> new AuditRow(r.value1().toInstant(ZoneOffset.UTC), r.value2(),
                        r.value3() == null ? null : r.value3() + " " + r.value4(), r.value5(), r.value6()));
    }
}

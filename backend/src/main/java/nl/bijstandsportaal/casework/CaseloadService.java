package nl.bijstandsportaal.casework;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.security.CurrentUser;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulesService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOSSIER_OVERNAME;
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
    private final RulesService rules;
    private final java.time.Clock clock;

    CaseloadService(DSLContext db, AccountRepository accounts, AuditLog audit, RulesService rules, java.time.Clock clock) {
        this.rules = rules;
        this.clock = clock;
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
    }

    public record CaseloadRow(long id, String naam, String leefvorm, LocalDate bijstandSinds, boolean mine) {
    }

    public record AuditRow(Instant occurredAt, String medewerker, String burger, String action, String details) {
    }

    /** The citizens of the consulent's team (without a consulent, or with one of the team), their own first. */
    public List<CaseloadRow> caseload(CurrentUser consulent) {
        var ofTeam = accounts.teamOf(consulent);
        return db.select(BURGER.ID, BURGER.VOORNAAM, BURGER.ACHTERNAAM, BURGER.LEEFVORM, BURGER.BIJSTAND_SINDS, BURGER.CONSULENT_ID)
                .from(BURGER)
                .where(BURGER.GEMEENTE_ID.eq(consulent.gemeenteId())).and(ofTeam)
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

    /** Whether the consulent may open this citizen's file, may take it over, or the citizen is not theirs to see. */
    public AccountRepository.Access access(CurrentUser consulent, long burgerId) {
        return accounts.access(consulent, burgerId);
    }

    /** Who a citizen of another team is now with, for the takeover page (the name and team of their consulent). */
    public record OtherTeam(String naam, String consulent, String team) {
    }

    public OtherTeam otherTeam(CurrentUser consulent, long burgerId) {
        if (accounts.access(consulent, burgerId) != AccountRepository.Access.OTHER_TEAM) {
            throw new nl.bijstandsportaal.platform.web.NotFoundException();
        }
        var own = MEDEWERKER.as("own");
        return db.select(BURGER.VOORNAAM, BURGER.ACHTERNAAM, own.NAAM, own.TEAM).from(BURGER).join(own).on(own.ID.eq(BURGER.CONSULENT_ID))
                .where(BURGER.ID.eq(burgerId)).fetchOne(r -> new OtherTeam(r.value1() + " " + r.value2(), r.value3(), r.value4()));
    }

    public static final int MAX_TAKEOVER_REASON = 300;

    /**
     * Takes over the file of a citizen of another team: with a reason (shown to the citizen), until the end of the day
     * set by the rule dossier.overname_dagen, audited. Errors per field ({@code reden}); nothing is stored then.
     */
    public Map<String, Text> takeOver(CurrentUser consulent, long burgerId, String typed) {
        otherTeam(consulent, burgerId);
        String reason = typed == null ? "" : typed.strip();
        if (reason.isEmpty()) {
            return Map.of("reden", Text.of("consulent.takeover.error.empty"));
        }
        if (reason.length() > MAX_TAKEOVER_REASON) {
            return Map.of("reden", Text.of("consulent.takeover.error.tooLong", MAX_TAKEOVER_REASON, reason.length()));
        }
        Instant now = clock.instant();
        LocalDate today = Today.in(clock);
        String gemeente = db.select(GEMEENTE.CODE).from(GEMEENTE).where(GEMEENTE.ID.eq(consulent.gemeenteId())).fetchOne(GEMEENTE.CODE);
        int days = rules.book().value(RuleKey.DOSSIER_OVERNAME_DAGEN, gemeente, today).intValueExact();
        Instant until = today.plusDays(days + 1L).atStartOfDay(Today.DUTCH_TIME).toInstant();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.insertInto(DOSSIER_OVERNAME).set(DOSSIER_OVERNAME.BURGER_ID, burgerId).set(DOSSIER_OVERNAME.MEDEWERKER_ID, consulent.id())
                    .set(DOSSIER_OVERNAME.REDEN, reason).set(DOSSIER_OVERNAME.SINDS, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                    .set(DOSSIER_OVERNAME.TOT, LocalDateTime.ofInstant(until, ZoneOffset.UTC)).execute();
            audit.record(t, consulent.id(), burgerId, TAKEN_OVER, reason);
        });
        return Map.of();
    }

    /** Audit action of a takeover; its details are the reason, which the citizen reads. */
    public static final String TAKEN_OVER = "DOSSIER_OVERGENOMEN";

    /** The citizen's file, recorded in the audit trail. */
    public CitizenProfile openFile(CurrentUser consulent, long burgerId) {
        CitizenProfile profile = accounts.citizenFor(consulent, burgerId);
        audit.record(consulent.id(), burgerId, AuditLog.FILE_OPENED, "Dossier geopend");
        return profile;
    }

    /**
     * One day an employee looked at (part of) the citizen's file, for the citizen: who, their team, what they opened
     * and how often that day, and the reason of a takeover.
     */
    public record Look(LocalDate day, String medewerker, String team, String action, int times, String reason) {
        public Text what() {
            return Text.of("lookedAt.action." + action);
        }
    }

    /** The audit actions that are a look at the citizen's file; what consulenten do with it the citizen sees elsewhere. */
    static final List<String> LOOKS = List.of(AuditLog.FILE_OPENED, TAKEN_OVER, "INKOMSTENOPGAVE_GEOPEND", "BEWIJS_BEKEKEN",
            "DOCUMENT_BEKEKEN", "BIJLAGE_BEKEKEN", "AANVRAAG_BEKEKEN");
    static final int LOOK_DAYS = 365;

    /** Who looked at the citizen's file in the last year, the latest first; looks of one kind on one day counted once. */
    public List<Look> looksAt(long burgerId) {
        LocalDateTime since = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(LOOK_DAYS);
        List<Look> looks = new java.util.ArrayList<>();
        db.select(AUDIT_EVENT.OCCURRED_AT, MEDEWERKER.ID, MEDEWERKER.NAAM, MEDEWERKER.TEAM, AUDIT_EVENT.ACTION, AUDIT_EVENT.DETAILS)
                .from(AUDIT_EVENT).join(MEDEWERKER).on(MEDEWERKER.ID.eq(AUDIT_EVENT.MEDEWERKER_ID))
                .where(AUDIT_EVENT.BURGER_ID.eq(burgerId)).and(AUDIT_EVENT.ACTION.in(LOOKS)).and(AUDIT_EVENT.OCCURRED_AT.ge(since))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(2000)
                .forEach(r -> {
                    LocalDate day = r.value1().toInstant(ZoneOffset.UTC).atZone(Today.DUTCH_TIME).toLocalDate();
                    String reason = TAKEN_OVER.equals(r.value5()) ? r.value6() : null;
                    Look last = looks.isEmpty() ? null : looks.get(looks.size() - 1);
                    if (reason == null && last != null && last.day().equals(day) && last.medewerker().equals(r.value3())
                            && last.action().equals(r.value5())) {
                        looks.set(looks.size() - 1, new Look(day, last.medewerker(), last.team(), last.action(), last.times() + 1, null));
                    } else {
                        looks.add(new Look(day, r.value3(), r.value4(), r.value5(), 1, reason));
                    }
                });
        return looks;
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

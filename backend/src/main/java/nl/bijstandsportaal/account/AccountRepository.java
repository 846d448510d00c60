package nl.bijstandsportaal.account;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.db.FixedSql;
import nl.bijstandsportaal.platform.web.NotFoundException;
import nl.bijstandsportaal.platform.db.generated.tables.records.BurgerRecord;
import nl.bijstandsportaal.platform.db.generated.tables.records.MedewerkerRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.impl.DSL;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOSSIER_OVERNAME;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.HUISHOUDLID;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;

/** Citizens and employees. Lookups by BSN happen only at login. */
@Singleton
public class AccountRepository {

    private final DSLContext db;
    private final FixedSql profile;
    private final FixedSql profileWithUnread;
    private final java.time.Clock clock;

    private final nl.bijstandsportaal.platform.atrest.DataKeys keys;

    AccountRepository(DSLContext db, java.time.Clock clock, nl.bijstandsportaal.platform.atrest.DataKeys keys) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
        this.profile = FixedSql.of(db, profileQuery(db, false));
        this.profileWithUnread = FixedSql.of(db, profileQuery(db, true));
    }

    public Optional<BurgerRecord> citizenByBsn(Bsn bsn) {
        // Through the keyed hash of the BSN: the BSN itself is stored encrypted only (ADR 0042).
        return db.selectFrom(BURGER).where(BURGER.BSN_INDEX.eq(keys.bsnIndex(bsn.value()))).fetchOptional();
    }

    public Optional<BurgerRecord> citizen(long id) {
        return db.selectFrom(BURGER).where(BURGER.ID.eq(id)).fetchOptional();
    }

    public Optional<MedewerkerRecord> employeeBySubject(String subject) {
        return db.selectFrom(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(subject)).and(MEDEWERKER.ACTIEF.isTrue()).fetchOptional();
    }

    public Optional<MedewerkerRecord> employee(long id) {
        return db.selectFrom(MEDEWERKER).where(MEDEWERKER.ID.eq(id)).fetchOptional();
    }

    /**
     * The profile of a citizen, only when they belong to {@code gemeenteId}. One round trip: the household
     * comes along as extra rows of a left join (a household has a handful of people at most), because every
     * page and the app's home screen ask for it and a database round trip is the dearest part of them.
     */
    /** The e-mail address the citizen confirmed (burger.email holds only a confirmed one); empty when none. */
    public Optional<String> confirmedEmail(long burgerId) {
        return db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burgerId)).fetchOptional(BURGER.EMAIL);
    }

    public Optional<CitizenProfile> profile(long burgerId, long gemeenteId) {
        return profile(burgerId, gemeenteId, false).map(HomeData::profile);
    }

    /**
     * A citizen as an employee may see them: one of the employee's own team (see {@link #access}), or one they took
     * over; anyone else gives the same 404 as one that does not exist.
     */
    public CitizenProfile citizenFor(CurrentUser employee, long burgerId) {
        if (access(employee, burgerId) != Access.TEAM) {
            throw new NotFoundException();
        }
        return profile(burgerId, employee.gemeenteId()).orElseThrow(NotFoundException::new);
    }

    /**
     * What an employee may do with a citizen's file. TEAM: the citizen has no consulent, or one of the employee's team
     * (an employee without a team: the whole municipality), or the employee took the file over and that still holds;
     * OTHER_TEAM: a citizen of the municipality in another team (the file can be taken over, with a reason); NONE: not
     * a citizen of the employee's municipality, or none at all.
     */
    public enum Access { TEAM, OTHER_TEAM, NONE }

    /**
     * The citizens of the employee's team, as a condition on {@link nl.bijstandsportaal.platform.db.generated.Tables#BURGER}
     * (in a query that reads it): without a consulent, or with one of the team; an employee without a team: everyone.
     * Takeovers are not included: a taken-over file is opened by its address, it does not join the team's lists.
     */
    public org.jooq.Condition teamOf(CurrentUser employee) {
        String team = db.select(MEDEWERKER.TEAM).from(MEDEWERKER).where(MEDEWERKER.ID.eq(employee.id())).fetchOne(MEDEWERKER.TEAM);
        if (team == null) {
            return DSL.noCondition();
        }
        return BURGER.CONSULENT_ID.isNull().or(BURGER.CONSULENT_ID.in(DSL.select(MEDEWERKER.ID).from(MEDEWERKER)
                .where(MEDEWERKER.GEMEENTE_ID.eq(employee.gemeenteId())).and(MEDEWERKER.TEAM.eq(team))));
    }

    public Access access(CurrentUser employee, long burgerId) {
        var own = MEDEWERKER.as("own");
        var me = MEDEWERKER.as("me");
        var row = db.select(BURGER.CONSULENT_ID, own.TEAM, me.TEAM,
                        DSL.field(DSL.exists(DSL.selectOne().from(DOSSIER_OVERNAME).where(DOSSIER_OVERNAME.BURGER_ID.eq(BURGER.ID))
                                .and(DOSSIER_OVERNAME.MEDEWERKER_ID.eq(me.ID))
                                .and(DOSSIER_OVERNAME.TOT.gt(java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))))))
                .from(BURGER)
                .join(me).on(me.ID.eq(employee.id())).and(me.GEMEENTE_ID.eq(BURGER.GEMEENTE_ID))
                .leftJoin(own).on(own.ID.eq(BURGER.CONSULENT_ID))
                .where(BURGER.ID.eq(burgerId))
                .fetchOne();
        if (row == null) {
            return Access.NONE;
        }
        boolean team = row.value1() == null || row.value1() == employee.id() || row.value3() == null
                || row.value3().equals(row.value2()) || Boolean.TRUE.equals(row.value4());
        return team ? Access.TEAM : Access.OTHER_TEAM;
    }

    /** The profile and the number of unread messages in the inbox (for the menu), still in one round trip. */
    public record HomeData(CitizenProfile profile, int unreadMessages) {
    }

    public Optional<HomeData> home(long burgerId, long gemeenteId) {
        return profile(burgerId, gemeenteId, true);
    }

    private Optional<HomeData> profile(long burgerId, long gemeenteId, boolean withUnread) {
        return (withUnread ? profileWithUnread : profile).fetch(db, AccountRepository::readProfile, burgerId, gemeenteId);
    }

    /**
     * Every page and app call reads this, so its SQL is rendered once ({@link FixedSql}); {@link #readProfile} reads the
     * columns in this order.
     */
    private static Select<?> profileQuery(DSLContext db, boolean withUnread) {
        var consulent = MEDEWERKER.as("consulent");
        Field<Integer> unread = withUnread
                ? DSL.field(DSL.selectCount().from(MELDING).where(MELDING.BURGER_ID.eq(BURGER.ID)).and(MELDING.GELEZEN_OP.isNull())).as("ongelezen")
                : DSL.inline(0).as("ongelezen");
        return db.select(BURGER.ID, BURGER.VOORNAAM, BURGER.ACHTERNAAM, BURGER.GEBOORTEDATUM, BURGER.LEEFVORM,
                        BURGER.STRAAT, BURGER.HUISNUMMER, BURGER.POSTCODE, BURGER.WOONPLAATS, BURGER.BIJSTAND_SINDS, BURGER.IN_INRICHTING)
                .select(GEMEENTE.ID, GEMEENTE.CODE, GEMEENTE.NAAM, GEMEENTE.TELEFOON, GEMEENTE.WEBSITE)
                .select(consulent.ID, consulent.NAAM, consulent.EMAIL, consulent.TELEFOON)
                .select(HUISHOUDLID.ID, HUISHOUDLID.VOORNAAM, HUISHOUDLID.GEBOORTEDATUM, HUISHOUDLID.RELATIE, HUISHOUDLID.STATUS)
                .select(unread)
                .from(BURGER)
                .join(GEMEENTE).on(GEMEENTE.ID.eq(BURGER.GEMEENTE_ID))
                .leftJoin(consulent).on(consulent.ID.eq(BURGER.CONSULENT_ID))
                .leftJoin(HUISHOUDLID).on(HUISHOUDLID.BURGER_ID.eq(BURGER.ID))
                .where(BURGER.ID.eq(0L))
                .and(BURGER.GEMEENTE_ID.eq(0L))
                .orderBy(HUISHOUDLID.GEBOORTEDATUM, HUISHOUDLID.ID);
    }

    private static Optional<HomeData> readProfile(FixedSql.Row rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        CitizenProfile.GemeenteInfo gemeente = new CitizenProfile.GemeenteInfo(rows.getLong(12), rows.getString(13), rows.getString(14),
                rows.getString(15), rows.getString(16));
        Long consulentId = rows.getLong(17);
        CitizenProfile.ConsulentInfo consulent = consulentId == null ? null
                : new CitizenProfile.ConsulentInfo(consulentId, rows.getString(18), rows.getString(19), rows.getString(20));
        long id = rows.getLong(1);
        String voornaam = rows.getString(2);
        String achternaam = rows.getString(3);
        LocalDate geboortedatum = rows.getDate(4);
        CitizenProfile.Leefvorm leefvorm = CitizenProfile.Leefvorm.valueOf(rows.getString(5));
        String adres = rows.getString(6) + " " + rows.getString(7) + ", " + rows.getString(8) + " " + rows.getString(9);
        LocalDate bijstandSinds = rows.getDate(10);
        boolean inInrichting = Boolean.TRUE.equals(rows.getBoolean(11));
        int unread = rows.getInt(26);
        List<CitizenProfile.Huishoudlid> household = new ArrayList<>();
        do {
            Long lid = rows.getLong(21);
            if (lid != null) {
                household.add(new CitizenProfile.Huishoudlid(lid, rows.getString(22), rows.getDate(23), rows.getString(24), rows.getString(25)));
            }
        } while (rows.next());
        return Optional.of(new HomeData(new CitizenProfile(id, voornaam, achternaam, geboortedatum, leefvorm, adres, bijstandSinds,
                inInrichting, gemeente, consulent, List.copyOf(household)), unread));
    }
}

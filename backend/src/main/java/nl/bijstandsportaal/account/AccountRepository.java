package nl.bijstandsportaal.account;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.web.NotFoundException;
import nl.bijstandsportaal.platform.db.generated.tables.records.BurgerRecord;
import nl.bijstandsportaal.platform.db.generated.tables.records.MedewerkerRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.HUISHOUDLID;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;

/** Citizens and employees. Lookups by BSN happen only at login. */
@Singleton
public class AccountRepository {

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<BurgerRecord> citizenByBsn(Bsn bsn) {
        return db.selectFrom(BURGER).where(BURGER.BSN.eq(bsn.value())).fetchOptional();
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
    public Optional<CitizenProfile> profile(long burgerId, long gemeenteId) {
        return profile(burgerId, gemeenteId, false).map(HomeData::profile);
    }

    /**
     * A citizen as an employee may see them: only one of the employee's own municipality; any other id gives the same
     * 404 as one that does not exist.
     */
    public CitizenProfile citizenFor(CurrentUser employee, long burgerId) {
        return profile(burgerId, employee.gemeenteId()).orElseThrow(NotFoundException::new);
    }

    /** The profile and the number of unread messages in the inbox (for the menu), still in one round trip. */
    public record HomeData(CitizenProfile profile, int unreadMessages) {
    }

    public Optional<HomeData> home(long burgerId, long gemeenteId) {
        return profile(burgerId, gemeenteId, true);
    }

    private Optional<HomeData> profile(long burgerId, long gemeenteId, boolean withUnread) {
        var consulent = MEDEWERKER.as("consulent");
        Field<Integer> unread = withUnread
                ? DSL.field(DSL.selectCount().from(MELDING).where(MELDING.BURGER_ID.eq(BURGER.ID)).and(MELDING.GELEZEN_OP.isNull())).as("ongelezen")
                : DSL.inline(0).as("ongelezen");
        List<Record> rows = db.select(BURGER.ID, BURGER.VOORNAAM, BURGER.ACHTERNAAM, BURGER.GEBOORTEDATUM, BURGER.LEEFVORM,
                        BURGER.STRAAT, BURGER.HUISNUMMER, BURGER.POSTCODE, BURGER.WOONPLAATS, BURGER.BIJSTAND_SINDS, BURGER.IN_INRICHTING)
                .select(GEMEENTE.ID, GEMEENTE.CODE, GEMEENTE.NAAM, GEMEENTE.TELEFOON, GEMEENTE.WEBSITE)
                .select(consulent.ID, consulent.NAAM, consulent.EMAIL, consulent.TELEFOON)
                .select(HUISHOUDLID.ID, HUISHOUDLID.VOORNAAM, HUISHOUDLID.GEBOORTEDATUM, HUISHOUDLID.RELATIE, HUISHOUDLID.STATUS)
                .select(unread)
                .from(BURGER)
                .join(GEMEENTE).on(GEMEENTE.ID.eq(BURGER.GEMEENTE_ID))
                .leftJoin(consulent).on(consulent.ID.eq(BURGER.CONSULENT_ID))
                .leftJoin(HUISHOUDLID).on(HUISHOUDLID.BURGER_ID.eq(BURGER.ID))
                .where(BURGER.ID.eq(burgerId))
                .and(BURGER.GEMEENTE_ID.eq(gemeenteId))
                .orderBy(HUISHOUDLID.GEBOORTEDATUM, HUISHOUDLID.ID)
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Record row = rows.get(0);
        List<CitizenProfile.Huishoudlid> household = rows.stream()
                .filter(r -> r.get(HUISHOUDLID.ID) != null)
                .map(r -> new CitizenProfile.Huishoudlid(r.get(HUISHOUDLID.ID), r.get(HUISHOUDLID.VOORNAAM), r.get(HUISHOUDLID.GEBOORTEDATUM),
                        r.get(HUISHOUDLID.RELATIE), r.get(HUISHOUDLID.STATUS)))
                .toList();
        CitizenProfile.ConsulentInfo consulentInfo = row.get(consulent.ID) == null ? null
                : new CitizenProfile.ConsulentInfo(row.get(consulent.ID), row.get(consulent.NAAM), row.get(consulent.EMAIL), row.get(consulent.TELEFOON));
        return Optional.of(new HomeData(new CitizenProfile(
                row.get(BURGER.ID),
                row.get(BURGER.VOORNAAM),
                row.get(BURGER.ACHTERNAAM),
                row.get(BURGER.GEBOORTEDATUM),
                CitizenProfile.Leefvorm.valueOf(row.get(BURGER.LEEFVORM)),
                row.get(BURGER.STRAAT) + " " + row.get(BURGER.HUISNUMMER) + ", " + row.get(BURGER.POSTCODE) + " " + row.get(BURGER.WOONPLAATS),
                row.get(BURGER.BIJSTAND_SINDS),
                Boolean.TRUE.equals(row.get(BURGER.IN_INRICHTING)),
                new CitizenProfile.GemeenteInfo(row.get(GEMEENTE.ID), row.get(GEMEENTE.CODE), row.get(GEMEENTE.NAAM),
                        row.get(GEMEENTE.TELEFOON), row.get(GEMEENTE.WEBSITE)),
                consulentInfo,
                household), row.get(unread)));
    }
}

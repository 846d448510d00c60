package nl.bijstandsportaal.account;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.db.generated.tables.records.BurgerRecord;
import nl.bijstandsportaal.platform.db.generated.tables.records.MedewerkerRecord;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.HUISHOUDLID;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;

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

    /** The profile of a citizen, only when they belong to {@code gemeenteId}. */
    public Optional<CitizenProfile> profile(long burgerId, long gemeenteId) {
        var consulent = MEDEWERKER.as("consulent");
        Record row = db.select(BURGER.fields())
                .select(GEMEENTE.ID, GEMEENTE.CODE, GEMEENTE.NAAM, GEMEENTE.TELEFOON, GEMEENTE.WEBSITE)
                .select(consulent.ID, consulent.NAAM, consulent.EMAIL, consulent.TELEFOON)
                .from(BURGER)
                .join(GEMEENTE).on(GEMEENTE.ID.eq(BURGER.GEMEENTE_ID))
                .leftJoin(consulent).on(consulent.ID.eq(BURGER.CONSULENT_ID))
                .where(BURGER.ID.eq(burgerId))
                .and(BURGER.GEMEENTE_ID.eq(gemeenteId))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<CitizenProfile.Huishoudlid> household = db.selectFrom(HUISHOUDLID)
                .where(HUISHOUDLID.BURGER_ID.eq(burgerId))
                .orderBy(HUISHOUDLID.GEBOORTEDATUM)
                .fetch(h -> new CitizenProfile.Huishoudlid(h.getVoornaam(), h.getGeboortedatum(), h.getRelatie(), h.getStatus()));
        CitizenProfile.ConsulentInfo consulentInfo = row.get(consulent.ID) == null ? null
                : new CitizenProfile.ConsulentInfo(row.get(consulent.ID), row.get(consulent.NAAM), row.get(consulent.EMAIL), row.get(consulent.TELEFOON));
        return Optional.of(new CitizenProfile(
                row.get(BURGER.ID),
                row.get(BURGER.VOORNAAM),
                row.get(BURGER.ACHTERNAAM),
                row.get(BURGER.GEBOORTEDATUM),
                CitizenProfile.Leefvorm.valueOf(row.get(BURGER.LEEFVORM)),
                row.get(BURGER.STRAAT) + " " + row.get(BURGER.HUISNUMMER) + ", " + row.get(BURGER.POSTCODE) + " " + row.get(BURGER.WOONPLAATS),
                row.get(BURGER.BIJSTAND_SINDS),
                new CitizenProfile.GemeenteInfo(row.get(GEMEENTE.ID), row.get(GEMEENTE.CODE), row.get(GEMEENTE.NAAM),
                        row.get(GEMEENTE.TELEFOON), row.get(GEMEENTE.WEBSITE)),
                consulentInfo,
                household));
    }
}

package nl.bijstandsportaal.regelingen;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.db.generated.tables.records.AanvraagRecord;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AANVRAAG;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;

/** Applications ({@code aanvraag}): always scoped to the citizen, or to the consulent's municipality. */
@Singleton
class AanvraagRepository {

    static final String CONCEPT = "CONCEPT";
    static final String VERSTUURD = "VERSTUURD";
    static final String BESLOTEN = "BESLOTEN";

    private final DSLContext db;

    AanvraagRepository(DSLContext db) {
        this.db = db;
    }

    /** A citizen's own application; empty for another citizen's (which is then a 404). */
    Optional<AanvraagRecord> own(long burgerId, String publicId) {
        return Optional.ofNullable(db.selectFrom(AANVRAAG)
                .where(AANVRAAG.BURGER_ID.eq(burgerId).and(AANVRAAG.PUBLIC_ID.eq(publicId))).fetchOne());
    }

    /** An application sent in one municipality, for its consulenten. */
    Optional<AanvraagRecord> inGemeente(String gemeente, String publicId) {
        return Optional.ofNullable(db.selectFrom(AANVRAAG)
                .where(AANVRAAG.GEMEENTE.eq(gemeente).and(AANVRAAG.PUBLIC_ID.eq(publicId)).and(AANVRAAG.STATUS.ne(CONCEPT))).fetchOne());
    }

    Optional<AanvraagRecord> concept(long burgerId, String regeling) {
        return Optional.ofNullable(db.selectFrom(AANVRAAG).where(AANVRAAG.BURGER_ID.eq(burgerId)
                .and(AANVRAAG.REGELING.eq(regeling)).and(AANVRAAG.STATUS.eq(CONCEPT))).fetchOne());
    }

    List<AanvraagRecord> ofCitizen(long burgerId) {
        return db.selectFrom(AANVRAAG).where(AANVRAAG.BURGER_ID.eq(burgerId)).orderBy(AANVRAAG.GESTART_OP.desc()).fetch();
    }

    /** Sent applications of a municipality, oldest first, with the citizen's name. */
    List<SentRow> sent(String gemeente) {
        return db.select(AANVRAAG.PUBLIC_ID, AANVRAAG.REGELING, AANVRAAG.KENMERK, AANVRAAG.VERSTUURD_OP, AANVRAAG.STATUS,
                        BURGER.VOORNAAM, BURGER.ACHTERNAAM)
                .from(AANVRAAG).join(BURGER).on(BURGER.ID.eq(AANVRAAG.BURGER_ID))
                .where(AANVRAAG.GEMEENTE.eq(gemeente).and(AANVRAAG.STATUS.ne(CONCEPT)))
                .orderBy(AANVRAAG.VERSTUURD_OP)
                .fetch(r -> new SentRow(r.value1(), r.value2(), r.value3(), r.value4().toInstant(ZoneOffset.UTC), r.value5(),
                        r.value6() + " " + r.value7()));
    }

    record SentRow(String publicId, String regeling, String kenmerk, Instant sentAt, String status, String name) {
    }

    AanvraagRecord create(long burgerId, String gemeente, String regeling, String answers, Instant at) {
        AanvraagRecord r = db.newRecord(AANVRAAG);
        r.setPublicId(UUID.randomUUID().toString());
        r.setBurgerId(burgerId);
        r.setGemeente(gemeente);
        r.setRegeling(regeling);
        r.setStatus(CONCEPT);
        r.setAntwoorden(answers);
        r.setSchermen(0);
        r.setGestartOp(utc(at));
        r.setBijgewerktOp(utc(at));
        r.store();
        return r;
    }

    /** Saves the answers of a concept; a sent application is never changed (false then). */
    boolean saveAnswers(long id, String answers, Instant at) {
        return db.update(AANVRAAG).set(AANVRAAG.ANTWOORDEN, answers).set(AANVRAAG.SCHERMEN, AANVRAAG.SCHERMEN.plus(1))
                .set(AANVRAAG.BIJGEWERKT_OP, utc(at))
                .where(AANVRAAG.ID.eq(id).and(AANVRAAG.STATUS.eq(CONCEPT))).execute() == 1;
    }

    /** Sends a concept: status, time and reference in one update; false if it was sent already. */
    boolean send(long id, Instant at) {
        return db.update(AANVRAAG).set(AANVRAAG.STATUS, VERSTUURD).set(AANVRAAG.VERSTUURD_OP, utc(at))
                .set(AANVRAAG.BIJGEWERKT_OP, utc(at)).set(AANVRAAG.KENMERK, String.format("A%07d", id))
                .where(AANVRAAG.ID.eq(id).and(AANVRAAG.STATUS.eq(CONCEPT))).execute() == 1;
    }

    boolean decide(DSLContext tx, long id, String besluit, BigDecimal bedrag, String reden, long medewerkerId, Instant at) {
        return tx.update(AANVRAAG).set(AANVRAAG.STATUS, BESLOTEN).set(AANVRAAG.BESLUIT, besluit).set(AANVRAAG.BESLUIT_BEDRAG, bedrag)
                .set(AANVRAAG.BESLUIT_REDEN, reden).set(AANVRAAG.BESLOTEN_DOOR, medewerkerId).set(AANVRAAG.BESLOTEN_OP, utc(at))
                .set(AANVRAAG.BIJGEWERKT_OP, utc(at))
                .where(AANVRAAG.ID.eq(id).and(AANVRAAG.STATUS.eq(VERSTUURD))).execute() == 1;
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

package nl.bijstandsportaal.regelingen;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.documents.DocumentRequests;
import nl.bijstandsportaal.platform.db.generated.tables.records.AanvraagRecord;
import nl.bijstandsportaal.platform.db.generated.tables.records.BezwaarRecord;
import nl.bijstandsportaal.platform.time.Today;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AANVRAAG;
import static nl.bijstandsportaal.platform.db.generated.Tables.BEZWAAR;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_STAP;

/** Applications ({@code aanvraag}): always scoped to the citizen, or to the consulent's municipality. */
@Singleton
class AanvraagRepository {

    static final String CONCEPT = "CONCEPT";
    static final String VERSTUURD = "VERSTUURD";
    /** A grant above the four-eyes amount, proposed by one employee and waiting for a second. */
    static final String VOORGESTELD = "VOORGESTELD";
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

    /** The concept for this regeling, read in {@code q} (a transaction, or the pool). */
    Optional<AanvraagRecord> concept(DSLContext q, long burgerId, String regeling) {
        return Optional.ofNullable(q.selectFrom(AANVRAAG).where(AANVRAAG.BURGER_ID.eq(burgerId)
                .and(AANVRAAG.REGELING.eq(regeling)).and(AANVRAAG.STATUS.eq(CONCEPT))).fetchOne());
    }

    List<AanvraagRecord> ofCitizen(long burgerId) {
        return db.selectFrom(AANVRAAG).where(AANVRAAG.BURGER_ID.eq(burgerId)).orderBy(AANVRAAG.GESTART_OP.desc(), AANVRAAG.ID.desc()).fetch();
    }

    /** Sent applications of a municipality, oldest first, with the citizen's name and whether a bezwaar waits. */
    List<SentRow> sent(String gemeente) {
        return sent(gemeente, org.jooq.impl.DSL.noCondition());
    }

    /** As {@link #sent(String)}, of the citizens that meet {@code citizens} (a condition on BURGER). */
    List<SentRow> sent(String gemeente, org.jooq.Condition citizens) {
        return db.select(AANVRAAG.ID, AANVRAAG.PUBLIC_ID, AANVRAAG.REGELING, AANVRAAG.KENMERK, AANVRAAG.VERSTUURD_OP, AANVRAAG.STATUS,
                        BURGER.VOORNAAM, BURGER.ACHTERNAAM, AANVRAAG.VERDAAGD_OP, AANVRAAG.VERDAAGD_TOT, AANVRAAG.VOORGESTELD_DOOR,
                        BEZWAAR.ID, BEZWAAR.GEZIEN_OP, AANVRAAG.BURGER_ID, AANVRAAG.BESLOTEN_OP, BEZWAAR.INGEDIEND_OP)
                .from(AANVRAAG).join(BURGER).on(BURGER.ID.eq(AANVRAAG.BURGER_ID))
                .leftJoin(BEZWAAR).on(BEZWAAR.AANVRAAG_ID.eq(AANVRAAG.ID))
                .where(AANVRAAG.GEMEENTE.eq(gemeente).and(AANVRAAG.STATUS.ne(CONCEPT))).and(citizens)
                .orderBy(AANVRAAG.VERSTUURD_OP)
                .fetch(r -> new SentRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(ZoneOffset.UTC), r.value6(),
                        r.value7() + " " + r.value8(), verdaging(r.value9(), r.value10()), r.value11(),
                        r.value12() == null ? Bezwaar.NONE : r.value13() == null ? Bezwaar.NEW : Bezwaar.SEEN,
                        r.value14(), r.value15() == null ? null : r.value15().toInstant(ZoneOffset.UTC),
                        r.value16() == null ? null : r.value16().toInstant(ZoneOffset.UTC)));
    }

    enum Bezwaar { NONE, NEW, SEEN }

    record SentRow(long id, String publicId, String regeling, String kenmerk, Instant sentAt, String status, String name,
                   Termijnen.Verdaging verdaging, Long proposedBy, Bezwaar bezwaar, long burgerId, Instant decidedAt,
                   Instant bezwaarMadeAt) {
    }

    static Termijnen.Verdaging verdaging(LocalDateTime setOn, java.time.LocalDate until) {
        return until == null ? null : new Termijnen.Verdaging(day(setOn), until);
    }

    /**
     * The requests to complete each application (hersteltermijnen), as the legal clock reads them: asked on, due by,
     * and done on (the first file, or the day the consulent closed it).
     */
    /** The steps of a request that the clock reads (the names of DocumentRequests.StepKind and Termijnen.HerstelStapSoort). */
    static final List<String> CLOCK_STEPS = java.util.Arrays.stream(Termijnen.HerstelStapSoort.values()).map(Enum::name).toList();

    Map<Long, List<Termijnen.Herstel>> herstel(Collection<Long> aanvraagIds) {
        if (aanvraagIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Termijnen.Herstel>> byAanvraag = new HashMap<>();
        var requests = db.select(DOCUMENTVERZOEK.ID, DOCUMENTVERZOEK.AANVRAAG_ID, DOCUMENTVERZOEK.GEVRAAGD_OP, DOCUMENTVERZOEK.UITERLIJK,
                        DOCUMENTVERZOEK.GESTUURD_OP, DOCUMENTVERZOEK.AFGEROND_OP)
                .from(DOCUMENTVERZOEK)
                .where(DOCUMENTVERZOEK.AANVRAAG_ID.in(aanvraagIds).and(DOCUMENTVERZOEK.SOORT.eq(DocumentRequests.Soort.HERSTEL.name())))
                .fetch();
        if (requests.isEmpty()) {
            return byAanvraag;
        }
        // Files, later last days and "send again" split a request into the pauses the law counts (Termijnen.herstel).
        Map<Long, List<Termijnen.HerstelStap>> steps = new HashMap<>();
        db.select(DOCUMENTVERZOEK_STAP.VERZOEK_ID, DOCUMENTVERZOEK_STAP.SOORT, DOCUMENTVERZOEK_STAP.OP, DOCUMENTVERZOEK_STAP.OUDE_UITERLIJK,
                        DOCUMENTVERZOEK_STAP.NIEUWE_UITERLIJK)
                .from(DOCUMENTVERZOEK_STAP)
                .where(DOCUMENTVERZOEK_STAP.VERZOEK_ID.in(requests.getValues(DOCUMENTVERZOEK.ID)))
                .and(DOCUMENTVERZOEK_STAP.SOORT.in(CLOCK_STEPS))
                .orderBy(DOCUMENTVERZOEK_STAP.OP, DOCUMENTVERZOEK_STAP.ID)
                .forEach(r -> steps.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new Termijnen.HerstelStap(
                        Termijnen.HerstelStapSoort.valueOf(r.value2()), day(r.value3()), r.value4(), r.value5())));
        for (var r : requests) {
            byAanvraag.computeIfAbsent(r.value2(), k -> new ArrayList<>()).addAll(Termijnen.herstel(day(r.value3()), r.value4(),
                    r.value5() != null ? day(r.value5()) : r.value6() != null ? day(r.value6()) : null, steps.getOrDefault(r.value1(), List.of())));
        }
        return byAanvraag;
    }

    /** The day in the Netherlands of a stored UTC time. */
    static java.time.LocalDate day(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC).atZone(Today.DUTCH_TIME).toLocalDate();
    }

    /** A new concept, stored in {@code q} (a transaction, or the pool). */
    AanvraagRecord create(DSLContext q, long burgerId, String gemeente, String regeling, String answers, Instant at) {
        AanvraagRecord r = q.newRecord(AANVRAAG);
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
    boolean send(DSLContext tx, long id, Instant at) {
        return tx.update(AANVRAAG).set(AANVRAAG.STATUS, VERSTUURD).set(AANVRAAG.VERSTUURD_OP, utc(at))
                .set(AANVRAAG.BIJGEWERKT_OP, utc(at)).set(AANVRAAG.KENMERK, String.format("A%07d", id))
                .where(AANVRAAG.ID.eq(id).and(AANVRAAG.STATUS.eq(CONCEPT))).execute() == 1;
    }

    /** Takes the decision (from VERSTUURD, or from VOORGESTELD when a second employee agrees); false if decided before. */
    boolean decide(DSLContext tx, long id, String from, String besluit, BigDecimal bedrag, java.time.LocalDate paidBy, String reden,
                   long medewerkerId, Instant at) {
        return tx.update(AANVRAAG).set(AANVRAAG.STATUS, BESLOTEN).set(AANVRAAG.BESLUIT, besluit).set(AANVRAAG.BESLUIT_BEDRAG, bedrag)
                .set(AANVRAAG.BESLUIT_BETAALDATUM, paidBy)
                .set(AANVRAAG.BESLUIT_REDEN, reden).set(AANVRAAG.BESLOTEN_DOOR, medewerkerId).set(AANVRAAG.BESLOTEN_OP, utc(at))
                .set(AANVRAAG.BIJGEWERKT_OP, utc(at)).setNull(AANVRAAG.AKKOORD_NOTITIE)
                .where(AANVRAAG.ID.eq(id).and(AANVRAAG.STATUS.eq(from))).execute() == 1;
    }

    /** Proposes a grant for a second employee to approve; false if the application is no longer waiting for one. */
    boolean propose(DSLContext tx, long id, String besluit, BigDecimal bedrag, java.time.LocalDate paidBy, String reden,
                    long medewerkerId, Instant at) {
        return tx.update(AANVRAAG).set(AANVRAAG.STATUS, VOORGESTELD).set(AANVRAAG.BESLUIT, besluit).set(AANVRAAG.BESLUIT_BEDRAG, bedrag)
                .set(AANVRAAG.BESLUIT_BETAALDATUM, paidBy)
                .set(AANVRAAG.BESLUIT_REDEN, reden).set(AANVRAAG.VOORGESTELD_DOOR, medewerkerId).set(AANVRAAG.VOORGESTELD_OP, utc(at))
                .set(AANVRAAG.BIJGEWERKT_OP, utc(at)).setNull(AANVRAAG.AKKOORD_NOTITIE)
                .where(AANVRAAG.ID.eq(id).and(AANVRAAG.STATUS.eq(VERSTUURD))).execute() == 1;
    }

    /** A proposal turned down: back to VERSTUURD, with the second employee's note for the first. */
    boolean turnDown(DSLContext tx, long id, String note, Instant at) {
        return tx.update(AANVRAAG).set(AANVRAAG.STATUS, VERSTUURD).setNull(AANVRAAG.BESLUIT).setNull(AANVRAAG.BESLUIT_BEDRAG)
                .setNull(AANVRAAG.BESLUIT_BETAALDATUM).setNull(AANVRAAG.BESLUIT_REDEN).set(AANVRAAG.AKKOORD_NOTITIE, note).set(AANVRAAG.BIJGEWERKT_OP, utc(at))
                .where(AANVRAAG.ID.eq(id).and(AANVRAAG.STATUS.eq(VOORGESTELD))).execute() == 1;
    }

    /** Names a later decision date (Awb 4:14), once, while no decision is taken; false otherwise. */
    boolean adjourn(DSLContext tx, long id, java.time.LocalDate until, String reason, Instant at) {
        return tx.update(AANVRAAG).set(AANVRAAG.VERDAAGD_TOT, until).set(AANVRAAG.VERDAAGD_OP, utc(at))
                .set(AANVRAAG.VERDAGING_REDEN, reason).set(AANVRAAG.BIJGEWERKT_OP, utc(at))
                .where(AANVRAAG.ID.eq(id).and(AANVRAAG.STATUS.in(VERSTUURD, VOORGESTELD)).and(AANVRAAG.VERDAAGD_TOT.isNull()))
                .execute() == 1;
    }

    Optional<BezwaarRecord> bezwaar(long aanvraagId) {
        return Optional.ofNullable(db.selectFrom(BEZWAAR).where(BEZWAAR.AANVRAAG_ID.eq(aanvraagId)).fetchOne());
    }

    /** Stores a bezwaar; false when there is one for this application already (one per decision). */
    boolean objection(DSLContext tx, long aanvraagId, long burgerId, String why, String lateReason, Instant at) {
        int stored = tx.insertInto(BEZWAAR).set(BEZWAAR.PUBLIC_ID, UUID.randomUUID().toString()).set(BEZWAAR.AANVRAAG_ID, aanvraagId)
                .set(BEZWAAR.BURGER_ID, burgerId).set(BEZWAAR.WAAROM, why).set(BEZWAAR.TE_LAAT_REDEN, lateReason)
                .set(BEZWAAR.INGEDIEND_OP, utc(at))
                .onDuplicateKeyIgnore().execute();
        if (stored == 1) {
            tx.update(BEZWAAR).set(BEZWAAR.KENMERK, DSL.concat(DSL.inline("B"), DSL.lpad(BEZWAAR.ID.cast(String.class), 7, "0")))
                    .where(BEZWAAR.AANVRAAG_ID.eq(aanvraagId)).execute();
        }
        return stored == 1;
    }

    /** The consulent opened the bezwaar: it is no longer new in the work list. */
    void bezwaarSeen(long aanvraagId, long medewerkerId, Instant at) {
        db.update(BEZWAAR).set(BEZWAAR.GEZIEN_DOOR, medewerkerId).set(BEZWAAR.GEZIEN_OP, utc(at))
                .where(BEZWAAR.AANVRAAG_ID.eq(aanvraagId).and(BEZWAAR.GEZIEN_OP.isNull())).execute();
    }

    /** Time from start to send, and screens, of the applications sent in a municipality since {@code from}. */
    List<Duration> durations(String gemeente, Instant from) {
        return db.select(AANVRAAG.REGELING, AANVRAAG.GESTART_OP, AANVRAAG.VERSTUURD_OP, AANVRAAG.SCHERMEN).from(AANVRAAG)
                .where(AANVRAAG.GEMEENTE.eq(gemeente).and(AANVRAAG.VERSTUURD_OP.ge(utc(from))))
                .fetch(r -> new Duration(Regeling.valueOf(r.value1()),
                        java.time.Duration.between(r.value2(), r.value3()).toSeconds(), r.value4()));
    }

    record Duration(Regeling regeling, long seconds, int screens) {
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

package nl.bijstandsportaal.income;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.income.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.platform.db.generated.tables.records.InkomstenopgaveRecord;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_GEBEURTENIS;

/** Income reports, their sources per version and their timeline. Every query names the citizen or the report. */
@Singleton
public class IncomeRepository {

    private final DSLContext db;

    IncomeRepository(DSLContext db) {
        this.db = db;
    }

    /** A report as the citizen and the app see it. */
    public record Report(long id, String publicId, String kenmerk, String periodCode, LocalDate from, LocalDate to, LocalDate deadline,
                         String status, int version, boolean noIncome, boolean late, BigDecimal expectedPaid, Instant sentAt,
                         Instant changedAt) {
    }

    public record SourceRow(String kind, String name, BigDecimal net, BigDecimal gross, BigDecimal hours, LocalDate paidOn,
                            boolean payslipFollows, BigDecimal countedNet, String countedReason) {
    }

    public record Event(Instant at, String kind, int version, String note) {
    }

    static Report report(InkomstenopgaveRecord r) {
        return new Report(r.getId(), r.getPublicId(), r.getKenmerk(), r.getPeriodeCode(), r.getPeriodeVan(), r.getPeriodeTot(),
                r.getTermijn(), r.getStatus(), r.getVersie(), Boolean.TRUE.equals(r.getGeenInkomsten()), Boolean.TRUE.equals(r.getTeLaat()),
                r.getVerwachtUitbetaald(), r.getIngediendOp().toInstant(ZoneOffset.UTC), r.getGewijzigdOp().toInstant(ZoneOffset.UTC));
    }

    Map<String, Report> reports(long burgerId, List<String> periodCodes) {
        Map<String, Report> byCode = new LinkedHashMap<>();
        db.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(burgerId)).and(INKOMSTENOPGAVE.PERIODE_CODE.in(periodCodes))
                .fetch().forEach(r -> byCode.put(r.getPeriodeCode(), report(r)));
        return byCode;
    }

    Optional<Report> reportByPeriod(long burgerId, String periodCode) {
        return db.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(burgerId))
                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(periodCode)).fetchOptional().map(IncomeRepository::report);
    }

    Report report(DSLContext tx, long id) {
        return report(tx.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.ID.eq(id)).fetchSingle());
    }

    /** The report of this period, locked for the rest of the transaction. */
    Optional<InkomstenopgaveRecord> lockReport(DSLContext tx, long burgerId, String periodCode) {
        return tx.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(burgerId))
                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(periodCode)).forUpdate().fetchOptional();
    }

    /** What earlier periods used of the disregards, and the gifts reported earlier in the period's calendar year: one query. */
    Offsetting.History history(long burgerId, ReportPeriod period, LocalDate newDisregardSince) {
        var countWork = DSL.sum(DSL.when(INKOMSTENOPGAVE.VRIJLATING_ARBEID.isTrue(), 1).otherwise(0));
        var countNewWork = newDisregardSince == null ? DSL.inline(0).cast(BigDecimal.class)
                : DSL.sum(DSL.when(INKOMSTENOPGAVE.VRIJLATING_ARBEID.isTrue().and(INKOMSTENOPGAVE.PERIODE_VAN.ge(newDisregardSince)), 1)
                .otherwise(0));
        var countParent = DSL.sum(DSL.when(INKOMSTENOPGAVE.VRIJLATING_OUDER.isTrue(), 1).otherwise(0));
        var giftsThisYear = DSL.sum(DSL.when(INKOMSTENOPGAVE.PERIODE_VAN.ge(period.to().withDayOfYear(1)), INKOMSTENOPGAVE.GIFTEN)
                .otherwise(BigDecimal.ZERO));
        var row = db.select(countWork, countParent, giftsThisYear, countNewWork).from(INKOMSTENOPGAVE)
                .where(INKOMSTENOPGAVE.BURGER_ID.eq(burgerId)).and(INKOMSTENOPGAVE.PERIODE_TOT.lt(period.from()))
                .fetchSingle();
        return new Offsetting.History(row.value1() == null ? 0 : row.value1().intValue(), row.value2() == null ? 0 : row.value2().intValue(),
                row.value3() == null ? BigDecimal.ZERO : row.value3(), row.value4() == null ? 0 : row.value4().intValue());
    }

    /** The insert of all sources of one version, as one statement; empty without sources. */
    Optional<Query> sourcesInsert(DSLContext tx, long reportId, int version, List<IncomeForm.Source> sources) {
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        var insert = tx.insertInto(INKOMSTENBRON, INKOMSTENBRON.OPGAVE_ID, INKOMSTENBRON.VERSIE, INKOMSTENBRON.VOLGORDE,
                INKOMSTENBRON.SOORT, INKOMSTENBRON.NAAM, INKOMSTENBRON.NETTO, INKOMSTENBRON.BRUTO, INKOMSTENBRON.UREN,
                INKOMSTENBRON.BETAALDATUM, INKOMSTENBRON.LOONSTROOK_VOLGT);
        for (int i = 0; i < sources.size(); i++) {
            IncomeForm.Source s = sources.get(i);
            insert = insert.values(reportId, version, i, s.kind().name(), s.name(), s.net(), s.gross(), s.hours(), s.paidOn(),
                    s.payslipFollows());
        }
        return Optional.of(insert);
    }

    void event(DSLContext tx, long reportId, String kind, int version, String note, Long medewerkerId, LocalDateTime at) {
        eventInsert(tx, reportId, kind, version, note, medewerkerId, at).execute();
    }

    /** The insert of a timeline event, not yet run. */
    Query eventInsert(DSLContext tx, long reportId, String kind, int version, String note, Long medewerkerId, LocalDateTime at) {
        return tx.insertInto(INKOMSTENOPGAVE_GEBEURTENIS)
                .set(INKOMSTENOPGAVE_GEBEURTENIS.OPGAVE_ID, reportId).set(INKOMSTENOPGAVE_GEBEURTENIS.OP, at)
                .set(INKOMSTENOPGAVE_GEBEURTENIS.SOORT, kind).set(INKOMSTENOPGAVE_GEBEURTENIS.VERSIE, version)
                .set(INKOMSTENOPGAVE_GEBEURTENIS.TOELICHTING, note).set(INKOMSTENOPGAVE_GEBEURTENIS.MEDEWERKER_ID, medewerkerId);
    }

    /** A report's timeline and the names of its proof. */
    record TimelineAndProof(List<Event> timeline, List<String> proof) {
    }

    /** The timeline and the proof names in one query (events first, each in order). */
    TimelineAndProof timelineAndProof(DSLContext tx, long reportId) {
        var e = INKOMSTENOPGAVE_GEBEURTENIS;
        var b = INKOMSTENOPGAVE_BIJLAGE;
        var rows = tx.select(DSL.inline(0).as("soort_rij"), e.OP, e.SOORT, e.VERSIE, e.TOELICHTING, e.ID)
                .from(e).where(e.OPGAVE_ID.eq(reportId))
                .unionAll(tx.select(DSL.inline(1), b.TOEGEVOEGD_OP, b.BESTANDSNAAM, DSL.inline(0), DSL.inline((String) null), b.ID)
                        .from(b).where(b.OPGAVE_ID.eq(reportId)))
                .orderBy(DSL.field(DSL.name("soort_rij")), DSL.field(DSL.name(e.OP.getName())), DSL.field(DSL.name(e.ID.getName())))
                .fetch();
        List<Event> timeline = new ArrayList<>();
        List<String> proof = new ArrayList<>();
        for (var r : rows) {
            if (r.value1() == 0) {
                timeline.add(new Event(r.value2().toInstant(ZoneOffset.UTC), r.value3(), r.value4(), r.value5()));
            } else {
                proof.add(r.value3());
            }
        }
        return new TimelineAndProof(List.copyOf(timeline), List.copyOf(proof));
    }

    List<SourceRow> sources(long reportId, int version) {
        return db.selectFrom(INKOMSTENBRON).where(INKOMSTENBRON.OPGAVE_ID.eq(reportId)).and(INKOMSTENBRON.VERSIE.eq(version))
                .orderBy(INKOMSTENBRON.VOLGORDE)
                .fetch(r -> new SourceRow(r.getSoort(), r.getNaam(), r.getNetto(), r.getBruto(), r.getUren(), r.getBetaaldatum(),
                        Boolean.TRUE.equals(r.getLoonstrookVolgt()), r.getVastgesteldNetto(), r.getVastgesteldReden()));
    }

    List<Event> timeline(long reportId) {
        return timeline(db, reportId);
    }

    List<Event> timeline(DSLContext db, long reportId) {
        return db.selectFrom(INKOMSTENOPGAVE_GEBEURTENIS).where(INKOMSTENOPGAVE_GEBEURTENIS.OPGAVE_ID.eq(reportId))
                .orderBy(INKOMSTENOPGAVE_GEBEURTENIS.OP, INKOMSTENOPGAVE_GEBEURTENIS.ID)
                .fetch(r -> new Event(r.getOp().toInstant(ZoneOffset.UTC), r.getSoort(), r.getVersie(), r.getToelichting()));
    }

    void insertProof(DSLContext tx, long reportId, nl.bijstandsportaal.rights.Upload proof, LocalDateTime at) {
        tx.insertInto(INKOMSTENOPGAVE_BIJLAGE)
                .set(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID, reportId)
                .set(INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM, proof.safeName())
                .set(INKOMSTENOPGAVE_BIJLAGE.CONTENT_TYPE, proof.type().mediaType())
                .set(INKOMSTENOPGAVE_BIJLAGE.GROOTTE, proof.bytes().length)
                .set(INKOMSTENOPGAVE_BIJLAGE.SHA256, proof.sha256())
                .set(INKOMSTENOPGAVE_BIJLAGE.INHOUD, proof.bytes())
                .set(INKOMSTENOPGAVE_BIJLAGE.TOEGEVOEGD_OP, at)
                .execute();
    }

    List<String> proofNames(DSLContext db, long reportId) {
        return db.select(INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM).from(INKOMSTENOPGAVE_BIJLAGE)
                .where(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID.eq(reportId)).orderBy(INKOMSTENOPGAVE_BIJLAGE.ID)
                .fetch(INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM);
    }
}

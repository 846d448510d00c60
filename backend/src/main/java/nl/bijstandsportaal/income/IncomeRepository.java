package nl.bijstandsportaal.income;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.income.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.platform.db.generated.tables.records.InkomstenopgaveRecord;
import nl.bijstandsportaal.platform.db.RenderedOnce;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
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

    private final RenderedOnce lockReport;
    private final RenderedOnce history;
    private final RenderedOnce timelineAndProof;

    IncomeRepository(DSLContext db) {
        this.db = db;
        this.lockReport = lockReportQuery(db);
        this.history = historyQuery(db);
        this.timelineAndProof = timelineAndProofQuery(db);
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
        return lockReport.fetch(tx, Map.of("burger", burgerId, "periode", periodCode)).stream().findFirst()
                .map(row -> {
                    InkomstenopgaveRecord report = row.into(INKOMSTENOPGAVE);
                    report.changed(false); // an update sets only what the caller changes
                    return report;
                });
    }

    /** What earlier periods used of the disregards, and the gifts reported earlier in the period's calendar year: one query. */
    Offsetting.History history(long burgerId, ReportPeriod period, LocalDate newDisregardSince) {
        Record row = history.fetch(db, Map.of("burger", burgerId, "periodeVan", period.from(), "jaarBegin", period.to().withDayOfYear(1),
                "nieuweVrijlatingVanaf", newDisregardSince == null ? LocalDate.of(9999, 12, 31) : newDisregardSince)).get(0);
        BigDecimal work = row.get(0, BigDecimal.class);
        BigDecimal parent = row.get(1, BigDecimal.class);
        BigDecimal gifts = row.get(2, BigDecimal.class);
        BigDecimal newWork = row.get(3, BigDecimal.class);
        return new Offsetting.History(work == null ? 0 : work.intValue(), parent == null ? 0 : parent.intValue(),
                gifts == null ? BigDecimal.ZERO : gifts, newWork == null ? 0 : newWork.intValue());
    }

    /** The timeline of a report (rows marked 0) and the names of its proof (1), in one query. */
    private static RenderedOnce timelineAndProofQuery(DSLContext db) {
        var e = INKOMSTENOPGAVE_GEBEURTENIS;
        var b = INKOMSTENOPGAVE_BIJLAGE;
        return RenderedOnce.of(db, db.select(DSL.inline(0).as("soort_rij"), e.OP, e.SOORT, e.VERSIE, e.TOELICHTING, e.ID)
                .from(e).where(e.OPGAVE_ID.eq(DSL.param("gebeurtenissenVan", Long.class)))
                .unionAll(db.select(DSL.inline(1), b.TOEGEVOEGD_OP, b.BESTANDSNAAM, DSL.inline(0), DSL.inline((String) null), b.ID)
                        .from(b).where(b.OPGAVE_ID.eq(DSL.param("bijlagenVan", Long.class))))
                .orderBy(DSL.field(DSL.name("soort_rij")), DSL.field(DSL.name(e.OP.getName())), DSL.field(DSL.name(e.ID.getName()))));
    }

    private static RenderedOnce lockReportQuery(DSLContext db) {
        return RenderedOnce.of(db, db.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(DSL.param("burger", Long.class)))
                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(DSL.param("periode", String.class))).forUpdate());
    }

    /** Months with the work disregard (sub n or art. 34a), of art. 34a since it applies, with sub r; gifts this year. */
    private static RenderedOnce historyQuery(DSLContext db) {
        var countWork = DSL.sum(DSL.when(INKOMSTENOPGAVE.VRIJLATING_ARBEID.isTrue(), DSL.inline(1)).otherwise(DSL.inline(0)));
        var countNewWork = DSL.sum(DSL.when(INKOMSTENOPGAVE.VRIJLATING_ARBEID.isTrue()
                .and(INKOMSTENOPGAVE.PERIODE_VAN.ge(DSL.param("nieuweVrijlatingVanaf", LocalDate.class))), DSL.inline(1)).otherwise(DSL.inline(0)));
        var countParent = DSL.sum(DSL.when(INKOMSTENOPGAVE.VRIJLATING_OUDER.isTrue(), DSL.inline(1)).otherwise(DSL.inline(0)));
        var giftsThisYear = DSL.sum(DSL.when(INKOMSTENOPGAVE.PERIODE_VAN.ge(DSL.param("jaarBegin", LocalDate.class)), INKOMSTENOPGAVE.GIFTEN)
                .otherwise(DSL.inline(BigDecimal.ZERO)));
        return RenderedOnce.of(db, db.select(countWork, countParent, giftsThisYear, countNewWork).from(INKOMSTENOPGAVE)
                .where(INKOMSTENOPGAVE.BURGER_ID.eq(DSL.param("burger", Long.class)))
                .and(INKOMSTENOPGAVE.PERIODE_TOT.lt(DSL.param("periodeVan", LocalDate.class))));
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
        var rows = timelineAndProof.fetch(tx, Map.of("gebeurtenissenVan", reportId, "bijlagenVan", reportId));
        List<Event> timeline = new ArrayList<>();
        List<String> proof = new ArrayList<>();
        for (Record r : rows) {
            if (r.get(0, Integer.class) == 0) {
                timeline.add(new Event(r.get(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), r.get(2, String.class),
                        r.get(3, Integer.class), r.get(4, String.class)));
            } else {
                proof.add(r.get(2, String.class));
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

package nl.bijstandsportaal.income;

import nl.bijstandsportaal.rules.ReportPeriods;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.platform.db.generated.tables.records.InkomstenopgaveRecord;
import nl.bijstandsportaal.platform.db.FixedSql;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Select;
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
    // The reads of every income report, rendered once (FixedSql): see the methods that run them for what they read.
    private final FixedSql lockReport;
    private final FixedSql history;
    private final FixedSql historyWithNewDisregard;
    private final FixedSql timelineAndProof;

    private final nl.bijstandsportaal.platform.atrest.DataKeys keys;

    IncomeRepository(DSLContext db, nl.bijstandsportaal.platform.atrest.DataKeys keys) {
        this.keys = keys;
        this.db = db;
        this.lockReport = FixedSql.of(db, db.select(INKOMSTENOPGAVE.fields()).from(INKOMSTENOPGAVE)
                .where(INKOMSTENOPGAVE.BURGER_ID.eq(0L)).and(INKOMSTENOPGAVE.PERIODE_CODE.eq("")).forUpdate());
        this.history = FixedSql.of(db, historyQuery(db, false));
        this.historyWithNewDisregard = FixedSql.of(db, historyQuery(db, true));
        this.timelineAndProof = FixedSql.of(db, timelineAndProofQuery(db));
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

    /**
     * What the citizen had in the most recent period they reported, ending on or after {@code since}: the bijstand the
     * estimate expected plus the net income reported (as the consulent set it, where they did), for the latest version.
     */
    public record ReportedIncome(LocalDate from, LocalDate to, BigDecimal total) {
    }

    /** The latest reported period ending on or after {@code since} with an estimate; one query. */
    public Optional<ReportedIncome> lastReported(long burgerId, LocalDate since) {
        Field<BigDecimal> net = DSL.sum(DSL.coalesce(INKOMSTENBRON.VASTGESTELD_NETTO, INKOMSTENBRON.NETTO));
        return db.select(INKOMSTENOPGAVE.PERIODE_VAN, INKOMSTENOPGAVE.PERIODE_TOT, INKOMSTENOPGAVE.VERWACHT_UITBETAALD, net)
                .from(INKOMSTENOPGAVE)
                .leftJoin(INKOMSTENBRON).on(INKOMSTENBRON.OPGAVE_ID.eq(INKOMSTENOPGAVE.ID).and(INKOMSTENBRON.VERSIE.eq(INKOMSTENOPGAVE.VERSIE)))
                .where(INKOMSTENOPGAVE.BURGER_ID.eq(burgerId)).and(INKOMSTENOPGAVE.VERWACHT_UITBETAALD.isNotNull())
                .and(INKOMSTENOPGAVE.PERIODE_TOT.ge(since))
                .groupBy(INKOMSTENOPGAVE.ID, INKOMSTENOPGAVE.PERIODE_VAN, INKOMSTENOPGAVE.PERIODE_TOT, INKOMSTENOPGAVE.VERWACHT_UITBETAALD)
                .orderBy(INKOMSTENOPGAVE.PERIODE_TOT.desc()).limit(1)
                .fetchOptional(r -> new ReportedIncome(r.value1(), r.value2(),
                        r.value3().add(r.value4() == null ? BigDecimal.ZERO : r.value4())));
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
        return lockReport.fetch(tx, rows -> {
            if (!rows.next()) {
                return Optional.empty();
            }
            InkomstenopgaveRecord report = tx.newRecord(INKOMSTENOPGAVE);
            Field<?>[] fields = INKOMSTENOPGAVE.fields();
            for (int i = 0; i < fields.length; i++) {
                @SuppressWarnings("unchecked")
                Field<Object> field = (Field<Object>) fields[i];
                report.set(field, rows.get(i + 1, field.getType()));
            }
            report.changed(false); // as fetched: an update writes only what the caller changes
            return Optional.of(report);
        }, burgerId, periodCode);
    }

    /** What earlier periods used of the disregards, and the gifts reported earlier in the period's calendar year: one query. */
    Offsetting.History history(long burgerId, ReportPeriod period, LocalDate newDisregardSince) {
        FixedSql.Reader<Offsetting.History> read = rows -> {
            rows.next(); // sums: always one row
            return new Offsetting.History(orZero(rows.getInt(1)), orZero(rows.getInt(2)),
                    rows.getBigDecimal(3) == null ? BigDecimal.ZERO : rows.getBigDecimal(3), orZero(rows.getInt(4)));
        };
        LocalDate yearStart = period.to().withDayOfYear(1);
        return newDisregardSince == null
                ? history.fetch(db, read, yearStart, burgerId, period.from())
                : historyWithNewDisregard.fetch(db, read, yearStart, newDisregardSince, burgerId, period.from());
    }

    /** Binds in order: the year's first day, [the new disregard's first day,] the citizen, the period's first day. */
    private static Select<?> historyQuery(DSLContext db, boolean withNewDisregard) {
        var countWork = DSL.sum(DSL.when(INKOMSTENOPGAVE.VRIJLATING_ARBEID.isTrue(), DSL.inline(1)).otherwise(DSL.inline(0)));
        var countNewWork = withNewDisregard
                ? DSL.sum(DSL.when(INKOMSTENOPGAVE.VRIJLATING_ARBEID.isTrue().and(INKOMSTENOPGAVE.PERIODE_VAN.ge(LocalDate.EPOCH)), DSL.inline(1))
                .otherwise(DSL.inline(0)))
                : DSL.inline(0).cast(BigDecimal.class);
        var countParent = DSL.sum(DSL.when(INKOMSTENOPGAVE.VRIJLATING_OUDER.isTrue(), DSL.inline(1)).otherwise(DSL.inline(0)));
        var giftsThisYear = DSL.sum(DSL.when(INKOMSTENOPGAVE.PERIODE_VAN.ge(LocalDate.EPOCH), INKOMSTENOPGAVE.GIFTEN)
                .otherwise(DSL.inline(BigDecimal.ZERO)));
        return db.select(countWork, countParent, giftsThisYear, countNewWork).from(INKOMSTENOPGAVE)
                .where(INKOMSTENOPGAVE.BURGER_ID.eq(0L)).and(INKOMSTENOPGAVE.PERIODE_TOT.lt(LocalDate.EPOCH));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
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
        return timelineAndProof.fetch(tx, rows -> {
            List<Event> timeline = new ArrayList<>();
            List<String> proof = new ArrayList<>();
            while (rows.next()) {
                if (rows.getInt(1) == 0) {
                    timeline.add(new Event(rows.getDateTime(2).toInstant(ZoneOffset.UTC), rows.getString(3), rows.getInt(4), rows.getString(5)));
                } else {
                    proof.add(rows.getString(3));
                }
            }
            return new TimelineAndProof(List.copyOf(timeline), List.copyOf(proof));
        }, reportId, reportId);
    }

    /** The events, then the proof, of one report (bound twice); columns: kind of row, when, what, version, note, id. */
    private static Select<?> timelineAndProofQuery(DSLContext db) {
        var e = INKOMSTENOPGAVE_GEBEURTENIS;
        var b = INKOMSTENOPGAVE_BIJLAGE;
        return db.select(DSL.inline(0).as("soort_rij"), e.OP, e.SOORT, e.VERSIE, e.TOELICHTING, e.ID)
                .from(e).where(e.OPGAVE_ID.eq(0L))
                .unionAll(db.select(DSL.inline(1), b.TOEGEVOEGD_OP, b.BESTANDSNAAM, DSL.inline(0), DSL.inline((String) null), b.ID)
                        .from(b).where(b.OPGAVE_ID.eq(0L)))
                .orderBy(DSL.field(DSL.name("soort_rij")), DSL.field(DSL.name(e.OP.getName())), DSL.field(DSL.name(e.ID.getName())));
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

    void insertProof(DSLContext tx, long reportId, nl.bijstandsportaal.platform.uploads.Upload proof, LocalDateTime at) {
        tx.insertInto(INKOMSTENOPGAVE_BIJLAGE)
                .set(INKOMSTENOPGAVE_BIJLAGE.PUBLIC_ID, java.util.UUID.randomUUID().toString())
                .set(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID, reportId)
                .set(INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM, proof.safeName())
                .set(INKOMSTENOPGAVE_BIJLAGE.CONTENT_TYPE, proof.type().mediaType())
                .set(INKOMSTENOPGAVE_BIJLAGE.GROOTTE, proof.bytes().length)
                .set(INKOMSTENOPGAVE_BIJLAGE.SHA256, proof.sha256())
                .set(nl.bijstandsportaal.platform.atrest.AtRestColumns.INCOME_PROOF.sealed(keys, proof.bytes()))
                .set(INKOMSTENOPGAVE_BIJLAGE.TOEGEVOEGD_OP, at)
                .execute();
    }

    List<String> proofNames(DSLContext db, long reportId) {
        return db.select(INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM).from(INKOMSTENOPGAVE_BIJLAGE)
                .where(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID.eq(reportId)).orderBy(INKOMSTENOPGAVE_BIJLAGE.ID)
                .fetch(INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM);
    }
}

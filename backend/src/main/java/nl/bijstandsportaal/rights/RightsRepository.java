package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.uploads.Upload;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.db.generated.tables.records.WijzigingRecord;
import nl.bijstandsportaal.platform.web.Download;
import org.jooq.DSLContext;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import nl.bijstandsportaal.platform.web.ApiPaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER_PLICHT;
import static nl.bijstandsportaal.platform.db.generated.Tables.OVERZICHT_BEVESTIGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING_BIJLAGE;

/** Duties, acknowledgements and reported changes. Every query names the citizen it is for. */
@Singleton
class RightsRepository {

    private final DSLContext db;

    private final nl.bijstandsportaal.platform.atrest.DataKeys keys;

    RightsRepository(DSLContext db, nl.bijstandsportaal.platform.atrest.DataKeys keys) {
        this.keys = keys;
        this.db = db;
    }

    List<Situation.Duty> duties(long burgerId) {
        return db.selectFrom(BURGER_PLICHT).where(BURGER_PLICHT.BURGER_ID.eq(burgerId)).orderBy(BURGER_PLICHT.PLICHT)
                .fetch(r -> new Situation.Duty(r.getPlicht(), Boolean.TRUE.equals(r.getOntheffing()), r.getOntheffingReden(),
                        r.getOntheffingTot()));
    }

    /** The last acknowledgement of this kind (GELEZEN or QUIZ). */
    Optional<Acknowledgement> lastAcknowledgement(long burgerId, String soort) {
        return db.selectFrom(OVERZICHT_BEVESTIGING)
                .where(OVERZICHT_BEVESTIGING.BURGER_ID.eq(burgerId)).and(OVERZICHT_BEVESTIGING.SOORT.eq(soort))
                .orderBy(OVERZICHT_BEVESTIGING.OP.desc(), OVERZICHT_BEVESTIGING.ID.desc())
                .limit(1)
                .fetchOptional(r -> new Acknowledgement(r.getRegelsVersie(), r.getOp(), r.getGoed()));
    }

    record Acknowledgement(String rulesVersion, LocalDateTime at, Integer right) {
    }

    void acknowledge(long burgerId, String soort, String rulesVersion, Integer right, LocalDateTime at) {
        db.insertInto(OVERZICHT_BEVESTIGING)
                .set(OVERZICHT_BEVESTIGING.BURGER_ID, burgerId)
                .set(OVERZICHT_BEVESTIGING.SOORT, soort)
                .set(OVERZICHT_BEVESTIGING.REGELS_VERSIE, rulesVersion)
                .set(OVERZICHT_BEVESTIGING.GOED, right)
                .set(OVERZICHT_BEVESTIGING.OP, at)
                .execute();
    }

    /** Gifts reported for the calendar year of {@code day}. */
    BigDecimal giftsInYear(long burgerId, LocalDate day) {
        BigDecimal sum = db.select(DSL.sum(WIJZIGING.BEDRAG)).from(WIJZIGING)
                .where(WIJZIGING.BURGER_ID.eq(burgerId)).and(WIJZIGING.SOORT.eq(ChangeKind.GIFT.name()))
                .and(WIJZIGING.DATUM.between(day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear())))
                .fetchOne(0, BigDecimal.class);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** Days abroad already reported in the calendar year of {@code day} (the part of each trip in that year). */
    int daysAbroadInYear(long burgerId, LocalDate day) {
        LocalDate first = day.withDayOfYear(1);
        LocalDate last = day.withDayOfYear(day.lengthOfYear());
        return db.select(WIJZIGING.DATUM, WIJZIGING.DATUM_TOT).from(WIJZIGING)
                .where(WIJZIGING.BURGER_ID.eq(burgerId)).and(WIJZIGING.SOORT.eq(ChangeKind.BUITENLAND.name()))
                .and(WIJZIGING.DATUM.le(last)).and(WIJZIGING.DATUM_TOT.ge(first))
                .fetch(r -> {
                    LocalDate from = r.value1().isBefore(first) ? first : r.value1();
                    LocalDate to = r.value2().isAfter(last) ? last : r.value2();
                    return (int) ChronoUnit.DAYS.between(from, to) + 1;
                })
                .stream().mapToInt(Integer::intValue).sum();
    }

    WijzigingRecord insertChange(DSLContext tx, WijzigingRecord change) {
        WijzigingRecord record = tx.newRecord(WIJZIGING, change);
        record.store();
        record.setKenmerk(String.format("W%07d", record.getId()));
        record.store();
        return record;
    }

    void insertAttachment(DSLContext tx, long wijzigingId, Upload upload, LocalDateTime at) {
        tx.insertInto(WIJZIGING_BIJLAGE)
                .set(WIJZIGING_BIJLAGE.PUBLIC_ID, java.util.UUID.randomUUID().toString())
                .set(WIJZIGING_BIJLAGE.WIJZIGING_ID, wijzigingId)
                .set(WIJZIGING_BIJLAGE.BESTANDSNAAM, upload.safeName())
                .set(WIJZIGING_BIJLAGE.CONTENT_TYPE, upload.type().mediaType())
                .set(WIJZIGING_BIJLAGE.GROOTTE, upload.bytes().length)
                .set(WIJZIGING_BIJLAGE.SHA256, upload.sha256())
                .set(nl.bijstandsportaal.platform.atrest.AtRestColumns.CHANGE_PROOF.sealed(keys, upload.bytes()))
                .set(WIJZIGING_BIJLAGE.TOEGEVOEGD_OP, at)
                .execute();
        touch(tx, wijzigingId, at);
    }

    /** Something about this change changed at {@code at}: the app's "changed since" sees it (V32). */
    static void touch(DSLContext tx, long wijzigingId, LocalDateTime at) {
        tx.update(WIJZIGING).set(WIJZIGING.GEWIJZIGD_OP, at).where(WIJZIGING.ID.eq(wijzigingId)).execute();
    }

    Optional<WijzigingRecord> change(long burgerId, String publicId) {
        return db.selectFrom(WIJZIGING).where(WIJZIGING.PUBLIC_ID.eq(publicId)).and(WIJZIGING.BURGER_ID.eq(burgerId)).fetchOptional();
    }

    List<WijzigingRecord> changes(long burgerId) {
        return db.selectFrom(WIJZIGING).where(WIJZIGING.BURGER_ID.eq(burgerId))
                .orderBy(WIJZIGING.INGEDIEND_OP.desc(), WIJZIGING.ID.desc()).limit(100).fetch();
    }

    /** A page of changes, newest reported first: {@code page.size() + 1} rows (the extra one says there is more). */
    List<WijzigingRecord> changes(long burgerId, ApiPaging.Page page) {
        Condition where = WIJZIGING.BURGER_ID.eq(burgerId);
        if (page.after() != null) {
            where = where.and(DSL.row(WIJZIGING.INGEDIEND_OP, WIJZIGING.ID).lt(page.after().at(), page.after().id()));
        }
        if (page.changedSince() != null) {
            where = where.and(WIJZIGING.GEWIJZIGD_OP.ge(page.changedSince()));
        }
        return db.selectFrom(WIJZIGING).where(where)
                .orderBy(WIJZIGING.INGEDIEND_OP.desc(), WIJZIGING.ID.desc()).limit(page.size() + 1).fetch();
    }

    /** Per change, its attachments' names (no content). */
    List<AttachmentInfo> attachments(List<Long> wijzigingIds) {
        if (wijzigingIds.isEmpty()) {
            return List.of();
        }
        return db.select(WIJZIGING_BIJLAGE.ID, WIJZIGING_BIJLAGE.WIJZIGING_ID, WIJZIGING_BIJLAGE.BESTANDSNAAM,
                        WIJZIGING_BIJLAGE.CONTENT_TYPE, WIJZIGING_BIJLAGE.GROOTTE)
                .from(WIJZIGING_BIJLAGE).where(WIJZIGING_BIJLAGE.WIJZIGING_ID.in(wijzigingIds))
                .orderBy(WIJZIGING_BIJLAGE.ID)
                .fetch(r -> new AttachmentInfo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    record AttachmentInfo(long id, long wijzigingId, String name, String contentType, int size) {
    }

    /** An attachment's content, only when it belongs to a change of this citizen. */
    Optional<Download> attachment(long burgerId, long attachmentId) {
        return db.select(WIJZIGING_BIJLAGE.BESTANDSNAAM, WIJZIGING_BIJLAGE.CONTENT_TYPE, WIJZIGING_BIJLAGE.INHOUD)
                .from(WIJZIGING_BIJLAGE).join(WIJZIGING).on(WIJZIGING.ID.eq(WIJZIGING_BIJLAGE.WIJZIGING_ID))
                .where(WIJZIGING_BIJLAGE.ID.eq(attachmentId)).and(WIJZIGING.BURGER_ID.eq(burgerId))
                .fetchOptional(r -> new Download(r.value1(), r.value2(), nl.bijstandsportaal.platform.atrest.AtRestColumns.CHANGE_PROOF.open(keys, r.value3())));
    }
}

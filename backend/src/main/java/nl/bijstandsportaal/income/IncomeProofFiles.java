package nl.bijstandsportaal.income;

import nl.bijstandsportaal.platform.uploads.ProofFile;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.atrest.AtRestColumns;
import nl.bijstandsportaal.platform.atrest.DataKeys;
import nl.bijstandsportaal.platform.web.Download;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_BIJLAGE;

/**
 * The proof sent with one of the citizen's own income reports, by its public id (issue 19, ADR 0055): listed, downloaded
 * as stored (decrypted), and deleted while the consulent has not taken the report in hand. Another citizen's report or
 * file is the same 404 as one that does not exist.
 */
@Singleton
public class IncomeProofFiles {

    /** The report's status while the citizen may still take proof back: sent, and nobody has started on it. */
    static final String NOT_HANDLED = "VERSTUURD";

    private final IncomeRepository repository;
    private final DSLContext db;
    private final DataKeys keys;
    private final Clock clock;

    IncomeProofFiles(IncomeRepository repository, DSLContext db, DataKeys keys, Clock clock) {
        this.repository = repository;
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The proof of the citizen's report for this period, oldest first (no report, or not committed yet as while it is
     * being sent: none).
     */
    public List<ProofFile> of(long burgerId, String periodCode) {
        return db.select(INKOMSTENOPGAVE_BIJLAGE.PUBLIC_ID, INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM, INKOMSTENOPGAVE_BIJLAGE.GROOTTE,
                        INKOMSTENOPGAVE_BIJLAGE.TOEGEVOEGD_OP, INKOMSTENOPGAVE.STATUS)
                .from(INKOMSTENOPGAVE_BIJLAGE).join(INKOMSTENOPGAVE).on(INKOMSTENOPGAVE.ID.eq(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID))
                .where(INKOMSTENOPGAVE.BURGER_ID.eq(burgerId)).and(INKOMSTENOPGAVE.PERIODE_CODE.eq(periodCode))
                .orderBy(INKOMSTENOPGAVE_BIJLAGE.ID)
                .fetch(r -> new ProofFile(r.value1(), r.value2(), r.value3(), r.value4().toInstant(ZoneOffset.UTC), NOT_HANDLED.equals(r.value5())));
    }

    /** One proof file as stored, for the citizen herself. */
    public Download download(long burgerId, String periodCode, String filePublicId) {
        return db.select(INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM, INKOMSTENOPGAVE_BIJLAGE.CONTENT_TYPE, INKOMSTENOPGAVE_BIJLAGE.INHOUD)
                .from(INKOMSTENOPGAVE_BIJLAGE).join(INKOMSTENOPGAVE).on(INKOMSTENOPGAVE.ID.eq(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID))
                .where(INKOMSTENOPGAVE_BIJLAGE.PUBLIC_ID.eq(filePublicId)).and(INKOMSTENOPGAVE.PERIODE_CODE.eq(periodCode))
                .and(INKOMSTENOPGAVE.BURGER_ID.eq(burgerId))
                .fetchOptional(r -> new Download(r.value1(), r.value2(), AtRestColumns.INCOME_PROOF.open(keys, r.value3())))
                .orElseThrow(NotFoundException::new);
    }

    /**
     * Deletes one proof file (row and encrypted bytes) while the report is still only sent (VERSTUURD); the report's
     * timeline, which the consulent reads too, gets BEWIJS_VERWIJDERD with the file's name. Returns false, changing
     * nothing, once the consulent has taken it in hand (IN_BEHANDELING, VERWERKT, BETAALD).
     */
    public boolean delete(long burgerId, String periodCode, String filePublicId) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var report = t.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(burgerId))
                    .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(periodCode)).forUpdate().fetchOptional().orElseThrow(NotFoundException::new);
            var file = t.select(INKOMSTENOPGAVE_BIJLAGE.ID, INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM).from(INKOMSTENOPGAVE_BIJLAGE)
                    .where(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID.eq(report.getId())).and(INKOMSTENOPGAVE_BIJLAGE.PUBLIC_ID.eq(filePublicId))
                    .fetchOptional().orElseThrow(NotFoundException::new);
            if (!NOT_HANDLED.equals(report.getStatus())) {
                return false;
            }
            t.deleteFrom(INKOMSTENOPGAVE_BIJLAGE).where(INKOMSTENOPGAVE_BIJLAGE.ID.eq(file.value1())).execute();
            repository.event(t, report.getId(), "BEWIJS_VERWIJDERD", report.getVersie(), file.value2(), null, now);
            return true;
        });
    }
}

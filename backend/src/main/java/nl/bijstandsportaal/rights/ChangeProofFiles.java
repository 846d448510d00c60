package nl.bijstandsportaal.rights;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING_GEBEURTENIS;

/**
 * The proof sent with one of the citizen's own changes, by its public id (issue 19, ADR 0055): listed, downloaded as
 * stored (decrypted), and deleted while the consulent has not started on the change (NIEUW). Another citizen's change
 * or file is the same 404 as one that does not exist.
 */
@Singleton
public class ChangeProofFiles {

    /** The change's status while the citizen may still take proof back: nobody has started on it. */
    static final String NOT_HANDLED = "NIEUW";

    private final DSLContext db;
    private final DataKeys keys;
    private final Clock clock;

    ChangeProofFiles(DSLContext db, DataKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    /** The proof of all the citizen's changes, per change (public id), oldest first; in one query. */
    public Map<String, List<ProofFile>> byChange(long burgerId) {
        Map<String, List<ProofFile>> byChange = new HashMap<>();
        db.select(WIJZIGING_BIJLAGE.PUBLIC_ID, WIJZIGING_BIJLAGE.BESTANDSNAAM, WIJZIGING_BIJLAGE.GROOTTE,
                        WIJZIGING_BIJLAGE.TOEGEVOEGD_OP, WIJZIGING.STATUS, WIJZIGING.PUBLIC_ID)
                .from(WIJZIGING_BIJLAGE).join(WIJZIGING).on(WIJZIGING.ID.eq(WIJZIGING_BIJLAGE.WIJZIGING_ID))
                .where(WIJZIGING.BURGER_ID.eq(burgerId)).orderBy(WIJZIGING_BIJLAGE.ID)
                .forEach(r -> byChange.computeIfAbsent(r.value6(), k -> new ArrayList<>()).add(new ProofFile(r.value1(), r.value2(),
                        r.value3(), r.value4().toInstant(ZoneOffset.UTC), NOT_HANDLED.equals(r.value5()))));
        return byChange;
    }

    /** One proof file as stored, for the citizen herself. */
    public Download download(long burgerId, String changePublicId, String filePublicId) {
        return db.select(WIJZIGING_BIJLAGE.BESTANDSNAAM, WIJZIGING_BIJLAGE.CONTENT_TYPE, WIJZIGING_BIJLAGE.INHOUD)
                .from(WIJZIGING_BIJLAGE).join(WIJZIGING).on(WIJZIGING.ID.eq(WIJZIGING_BIJLAGE.WIJZIGING_ID))
                .where(WIJZIGING_BIJLAGE.PUBLIC_ID.eq(filePublicId)).and(WIJZIGING.PUBLIC_ID.eq(changePublicId))
                .and(WIJZIGING.BURGER_ID.eq(burgerId))
                .fetchOptional(r -> new Download(r.value1(), r.value2(), AtRestColumns.CHANGE_PROOF.open(keys, r.value3())))
                .orElseThrow(NotFoundException::new);
    }

    /**
     * Deletes one proof file (row and encrypted bytes) while the change is NIEUW; the consulent's timeline of the file
     * shows BEWIJS_VERWIJDERD with the file's name and the time. Returns false, changing nothing, once the consulent
     * has started on it (IN_BEHANDELING, AFGEHANDELD).
     */
    public boolean delete(long burgerId, String changePublicId, String filePublicId) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var change = t.selectFrom(WIJZIGING).where(WIJZIGING.BURGER_ID.eq(burgerId)).and(WIJZIGING.PUBLIC_ID.eq(changePublicId))
                    .forUpdate().fetchOptional().orElseThrow(NotFoundException::new);
            var file = t.select(WIJZIGING_BIJLAGE.ID, WIJZIGING_BIJLAGE.BESTANDSNAAM).from(WIJZIGING_BIJLAGE)
                    .where(WIJZIGING_BIJLAGE.WIJZIGING_ID.eq(change.getId())).and(WIJZIGING_BIJLAGE.PUBLIC_ID.eq(filePublicId))
                    .fetchOptional().orElseThrow(NotFoundException::new);
            if (!NOT_HANDLED.equals(change.getStatus())) {
                return false;
            }
            t.deleteFrom(WIJZIGING_BIJLAGE).where(WIJZIGING_BIJLAGE.ID.eq(file.value1())).execute();
            t.insertInto(WIJZIGING_GEBEURTENIS).set(WIJZIGING_GEBEURTENIS.WIJZIGING_ID, change.getId())
                    .set(WIJZIGING_GEBEURTENIS.SOORT, "BEWIJS_VERWIJDERD").set(WIJZIGING_GEBEURTENIS.OP, now)
                    .set(WIJZIGING_GEBEURTENIS.BESTANDSNAAM, file.value2()).execute();
            RightsRepository.touch(t, change.getId(), now);
            return true;
        });
    }
}

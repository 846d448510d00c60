package nl.bijstandsportaal.platform.atrest;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static nl.bijstandsportaal.platform.db.generated.Tables.BERICHT_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING_BIJLAGE;

/**
 * Every column that holds a BSN or an uploaded file, and moving its values to the current key (ADR 0042): plain values
 * (from before encryption, or written by an instance of an older version during an upgrade) and values on an older
 * key. Row by row in batches, each row its own short statement, and only where the row is still as it was read (its
 * {@code sleutel} unchanged): instances may do this at the same time, and the portal keeps working meanwhile.
 */
public final class AtRestColumns {

    private static final Logger LOG = LoggerFactory.getLogger(AtRestColumns.class);

    public static final String BSN = "burger.bsn";

    /** A column of uploaded files: the table, its id, the file and the key id kept beside it. */
    public record FileColumn(Table<?> table, Field<Long> id, Field<byte[]> content, Field<String> key, String purpose) {

        /** The columns to write for a new file: its bytes encrypted with the current key, and that key's id. */
        public Map<Field<?>, Object> sealed(DataKeys keys, byte[] plain) {
            Map<Field<?>, Object> fields = new LinkedHashMap<>();
            fields.put(content, keys.seal(plain, purpose));
            fields.put(key, keys.currentId());
            return fields;
        }

        /** A stored file's bytes as they were sent. */
        public byte[] open(DataKeys keys, byte[] stored) {
            return keys.open(stored, purpose);
        }
    }

    public static final FileColumn CHANGE_PROOF = new FileColumn(WIJZIGING_BIJLAGE, WIJZIGING_BIJLAGE.ID,
            WIJZIGING_BIJLAGE.INHOUD, WIJZIGING_BIJLAGE.SLEUTEL, "wijziging_bijlage.inhoud");
    public static final FileColumn INCOME_PROOF = new FileColumn(INKOMSTENOPGAVE_BIJLAGE, INKOMSTENOPGAVE_BIJLAGE.ID,
            INKOMSTENOPGAVE_BIJLAGE.INHOUD, INKOMSTENOPGAVE_BIJLAGE.SLEUTEL, "inkomstenopgave_bijlage.inhoud");
    public static final FileColumn REQUESTED_DOCUMENT = new FileColumn(DOCUMENTVERZOEK_BIJLAGE, DOCUMENTVERZOEK_BIJLAGE.ID,
            DOCUMENTVERZOEK_BIJLAGE.INHOUD, DOCUMENTVERZOEK_BIJLAGE.SLEUTEL, "documentverzoek_bijlage.inhoud");
    public static final FileColumn MESSAGE_ATTACHMENT = new FileColumn(BERICHT_BIJLAGE, BERICHT_BIJLAGE.ID,
            BERICHT_BIJLAGE.INHOUD, BERICHT_BIJLAGE.SLEUTEL, "bericht_bijlage.inhoud");
    public static final List<FileColumn> FILES = List.of(CHANGE_PROOF, INCOME_PROOF, REQUESTED_DOCUMENT, MESSAGE_ATTACHMENT);

    private AtRestColumns() {
    }

    /** The columns that hold a citizen's BSN, for an insert: encrypted, its lookup value, and the key id. */
    public static Map<Field<?>, Object> bsn(DataKeys keys, String bsn) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(BURGER.BSN_VERSLEUTELD, keys.seal(bsn, BSN));
        fields.put(BURGER.BSN_INDEX, keys.bsnIndex(bsn));
        fields.put(BURGER.SLEUTEL, keys.currentId());
        return fields;
    }

    /**
     * Rows still plain: the BSN not yet encrypted, files without a key. (A row is written plain only by a version from
     * before ADR 0042, which never sets {@code sleutel}; every encrypted row has it.)
     */
    public static long plainRows(DSLContext db) {
        long rows = db.fetchCount(BURGER, BURGER.SLEUTEL.isNull());
        for (FileColumn c : FILES) {
            rows += db.fetchCount(c.table(), c.key().isNull());
        }
        return rows;
    }

    /** Per table, how many rows are not on the current key yet (plain ones included). */
    public static Map<String, Integer> notOnCurrentKey(DSLContext db, DataKeys keys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("burger", db.fetchCount(BURGER, notCurrent(BURGER.SLEUTEL, keys)));
        for (FileColumn c : FILES) {
            counts.put(c.table().getName(), db.fetchCount(c.table(), notCurrent(c.key(), keys)));
        }
        return counts;
    }

    /** Key ids found in the database that are not configured (read through the indexes on the key columns). */
    public static Set<String> unknownKeys(DSLContext db, DataKeys keys) {
        Set<String> found = new TreeSet<>(db.selectDistinct(BURGER.SLEUTEL).from(BURGER).where(BURGER.SLEUTEL.isNotNull()).fetch(BURGER.SLEUTEL));
        for (FileColumn c : FILES) {
            found.addAll(db.selectDistinct(c.key()).from(c.table()).where(c.key().isNotNull()).fetch(c.key()));
        }
        found.removeAll(keys.ids());
        return found;
    }

    /** Encrypts what is still plain (at start-up, before the portal takes requests). Returns the rows changed. */
    public static int sealPlain(DSLContext db, DataKeys keys, int batch) {
        int moved = moveBsns(db, keys, BURGER.SLEUTEL.isNull(), batch);
        for (FileColumn c : FILES) {
            moved += moveFiles(db, keys, c, c.key().isNull(), batch);
        }
        if (moved > 0) {
            LOG.info("At rest: {} plain values encrypted with key {}", moved, keys.currentId());
        }
        return moved;
    }

    /** Moves every value not on the current key (plain ones too) to it. Returns the rows changed. */
    public static int moveToCurrentKey(DSLContext db, DataKeys keys, int batch) {
        int moved = moveBsns(db, keys, notCurrent(BURGER.SLEUTEL, keys), batch);
        for (FileColumn c : FILES) {
            moved += moveFiles(db, keys, c, notCurrent(c.key(), keys), batch);
        }
        if (moved > 0) {
            LOG.info("At rest: {} values moved to key {}", moved, keys.currentId());
        }
        return moved;
    }

    private static Condition notCurrent(Field<String> key, DataKeys keys) {
        return key.isNull().or(key.ne(keys.currentId()));
    }

    private static int moveBsns(DSLContext db, DataKeys keys, Condition which, int batch) {
        int moved = 0;
        long after = 0;
        while (true) {
            var rows = db.select(BURGER.ID, BURGER.BSN, BURGER.BSN_VERSLEUTELD, BURGER.SLEUTEL).from(BURGER)
                    .where(which).and(BURGER.ID.gt(after)).orderBy(BURGER.ID).limit(batch).fetch();
            if (rows.isEmpty()) {
                return moved;
            }
            for (Record r : rows) {
                after = r.get(BURGER.ID);
                String plain = r.get(BURGER.BSN) != null ? r.get(BURGER.BSN)
                        : r.get(BURGER.BSN_VERSLEUTELD) == null ? null : keys.openText(r.get(BURGER.BSN_VERSLEUTELD), BSN);
                if (plain == null) {
                    continue;
                }
                String was = r.get(BURGER.SLEUTEL);
                moved += db.update(BURGER).set(BURGER.BSN_VERSLEUTELD, keys.seal(plain, BSN))
                        .set(BURGER.BSN_INDEX, keys.bsnIndex(plain)).set(BURGER.SLEUTEL, keys.currentId())
                        .setNull(BURGER.BSN)
                        .where(BURGER.ID.eq(after)).and(was == null ? BURGER.SLEUTEL.isNull() : BURGER.SLEUTEL.eq(was))
                        .execute();
            }
        }
    }

    private static int moveFiles(DSLContext db, DataKeys keys, FileColumn c, Condition which, int batch) {
        int moved = 0;
        long after = 0;
        while (true) {
            // Ids first, then one file at a time: a file may be 10 MB.
            List<Long> ids = db.select(c.id()).from(c.table()).where(which).and(c.id().gt(after)).orderBy(c.id()).limit(batch).fetch(c.id());
            if (ids.isEmpty()) {
                return moved;
            }
            for (long id : ids) {
                after = id;
                var r = db.select(c.content(), c.key()).from(c.table()).where(c.id().eq(id)).fetchOne();
                if (r == null) {
                    continue;
                }
                byte[] plain = keys.open(r.value1(), c.purpose());
                String was = r.value2();
                moved += db.update(c.table()).set(c.content(), keys.seal(plain, c.purpose())).set(c.key(), keys.currentId())
                        .where(c.id().eq(id)).and(was == null ? c.key().isNull() : c.key().eq(was)).execute();
            }
        }
    }
}

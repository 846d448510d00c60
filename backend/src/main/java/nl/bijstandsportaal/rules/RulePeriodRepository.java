package nl.bijstandsportaal.rules;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.REGEL_PERIODE;

/** The rule periods beheerders added ({@code regel_periode}): read all, add one. Rows are never updated or deleted. */
@Singleton
public class RulePeriodRepository {

    private final DSLContext db;

    RulePeriodRepository(DSLContext db) {
        this.db = db;
    }

    /** A municipality: its CBS code (as in the rule files) and name. */
    public record Gemeente(long id, String code, String naam) {
    }

    /** Every added period, in the order it was added. */
    public List<StoredPeriod> all() {
        return all(db);
    }

    public List<StoredPeriod> all(DSLContext ctx) {
        return ctx.select(REGEL_PERIODE.ID, REGEL_PERIODE.REGEL, REGEL_PERIODE.GEMEENTE, REGEL_PERIODE.GELDIG_VANAF,
                        REGEL_PERIODE.GELDIG_TOT, REGEL_PERIODE.WAARDE, REGEL_PERIODE.BRON, REGEL_PERIODE.INGEVOERD_DOOR,
                        MEDEWERKER.NAAM, REGEL_PERIODE.INGEVOERD_OP, REGEL_PERIODE.VOORLOPIG)
                .from(REGEL_PERIODE)
                .leftJoin(MEDEWERKER).on(MEDEWERKER.ID.eq(REGEL_PERIODE.INGEVOERD_DOOR))
                .orderBy(REGEL_PERIODE.ID)
                .fetch(r -> new StoredPeriod(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value11(), r.value7(), r.value8(), r.value9(), r.value10().toInstant(ZoneOffset.UTC)));
    }

    /** Changes whenever a row is added: the number of rows and the highest id. */
    public String fingerprint() {
        Record2<Integer, Long> r = db.select(org.jooq.impl.DSL.count(), org.jooq.impl.DSL.max(REGEL_PERIODE.ID)).from(REGEL_PERIODE).fetchOne();
        return fingerprint(r.value1(), r.value2());
    }

    static String fingerprint(int count, Long maxId) {
        return count + ":" + (maxId == null ? 0 : maxId);
    }

    public long insert(DSLContext tx, RuleKey key, String gemeente, LocalDate from, LocalDate to, BigDecimal value,
                       boolean provisional, String source, long medewerkerId, Instant at) {
        return tx.insertInto(REGEL_PERIODE)
                .set(REGEL_PERIODE.REGEL, key.code())
                .set(REGEL_PERIODE.GEMEENTE, gemeente)
                .set(REGEL_PERIODE.GELDIG_VANAF, from)
                .set(REGEL_PERIODE.GELDIG_TOT, to)
                .set(REGEL_PERIODE.WAARDE, value)
                .set(REGEL_PERIODE.VOORLOPIG, provisional)
                .set(REGEL_PERIODE.BRON, source)
                .set(REGEL_PERIODE.INGEVOERD_DOOR, medewerkerId)
                .set(REGEL_PERIODE.INGEVOERD_OP, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                .returning(REGEL_PERIODE.ID)
                .fetchOne(REGEL_PERIODE.ID);
    }

    /**
     * The municipality; {@code lock}: within a transaction, lock its row, so two additions for the same municipality
     * (also on two instances) are checked one after the other.
     */
    public Optional<Gemeente> gemeente(DSLContext ctx, long gemeenteId, boolean lock) {
        var select = ctx.select(GEMEENTE.ID, GEMEENTE.CODE, GEMEENTE.NAAM).from(GEMEENTE).where(GEMEENTE.ID.eq(gemeenteId));
        var row = lock ? select.forUpdate().fetchOne() : select.fetchOne();
        return Optional.ofNullable(row).map(r -> new Gemeente(r.value1(), r.value2(), r.value3()));
    }

    /** Every municipality in the portal, by name: CBS code to name. */
    public java.util.Map<String, String> gemeenten() {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        db.select(GEMEENTE.CODE, GEMEENTE.NAAM).from(GEMEENTE).orderBy(GEMEENTE.NAAM).forEach(r -> all.put(r.value1(), r.value2()));
        return all;
    }

    public Optional<Gemeente> gemeente(long gemeenteId) {
        return gemeente(db, gemeenteId, false);
    }
}

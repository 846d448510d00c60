package nl.bijstandsportaal.platform.db;

import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.util.function.Supplier;

/**
 * Two requests that create the same row at the same moment (a double tap, an app retrying while the first is still
 * running): one wins, the other fails on the unique key or is rolled back as a deadlock. Run that one again:
 * it then sees the winner's row and does what it does with an existing row (e.g. a correction).
 */
public final class Clashes {

    private Clashes() {
    }

    /** A duplicate key, or a deadlock that the database resolved by rolling this transaction back. */
    public static boolean isClash(DataAccessException e) {
        return e instanceof IntegrityConstraintViolationException || "40001".equals(e.sqlState());
    }

    /** Runs {@code transaction}, and again (at most twice more) when it clashed with another request. */
    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (DataAccessException e) {
                if (!isClash(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }
}

package nl.bijstandsportaal.platform.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a failure because the database cannot be reached (down, restarting, no connection free in time) from any
 * other failure: the first gets "try again shortly" (503 with Retry-After), not an incident (docs/adr/0029).
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private DatabaseUnavailable() {
    }

    /** True when {@code failure} or one of its causes says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException // the pool: no connection within the timeout
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException // the driver: the connection broke
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
        }
        return false;
    }
}

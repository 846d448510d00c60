package nl.bijstandsportaal.platform.db;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends several writes to the database in one round trip: one text with the statements after each other, with their
 * bind values as parameters (never pasted into the text). A round trip costs more here than the statement itself
 * (docs/benchmarks.md), so a request that ends with four writes saves three of them. Needs allowMultiQueries on the
 * connection (DatabaseFactory).
 */
public final class OneRoundTrip {

    private OneRoundTrip() {
    }

    /** Runs the queries in order on {@code db} (inside the caller's transaction, when it has one). */
    public static void execute(DSLContext db, List<? extends Query> queries) {
        if (queries.isEmpty()) {
            return;
        }
        if (queries.size() == 1) {
            queries.get(0).execute();
            return;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Query query : queries) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(db.render(query));
            values.addAll(db.extractBindValues(query));
        }
        db.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, jdbcValue(values.get(i)));
                }
                // Read every statement's result: an error in the third (a duplicate key) shows only when we get there.
                boolean resultSet = statement.execute();
                while (resultSet || statement.getUpdateCount() != -1) {
                    resultSet = statement.getMoreResults();
                }
            } catch (SQLIntegrityConstraintViolationException e) {
                throw new IntegrityConstraintViolationException("SQL [" + sql + "]; " + e.getMessage(), e);
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        });
    }

    /** Dates and times bound as jOOQ binds them (java.sql types), so a row reads back the same whichever way it was written. */
    static Object jdbcValue(Object value) {
        if (value instanceof java.time.LocalDateTime dateTime) {
            return java.sql.Timestamp.valueOf(dateTime);
        }
        if (value instanceof java.time.LocalDate date) {
            return java.sql.Date.valueOf(date);
        }
        if (value instanceof java.time.LocalTime time) {
            return java.sql.Time.valueOf(time);
        }
        return value;
    }
}

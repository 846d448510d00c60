package nl.bijstandsportaal.platform.db;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A hot read whose SQL jOOQ renders once, at start-up, from an ordinary typed query; each run sends that text with
 * new bind values over JDBC and reads the columns by position. On the income report path jOOQ's rendering and
 * record handling took a quarter of the portal's CPU (docs/benchmarks.md); the queries themselves never change
 * shape. Use it only for such fixed-shape queries on the hot path: everything else stays plain jOOQ.
 * Values are bound and read as jOOQ does (java.sql dates and timestamps), so rows read the same either way.
 */
public final class FixedSql {

    /** Reads the whole result; called once, with the cursor before the first row. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Row rows) throws SQLException;
    }

    private final String sql;
    private final int binds;

    private FixedSql(String sql, int binds) {
        this.sql = sql;
        this.binds = binds;
    }

    /** The template's SQL; its bind values are placeholders, given again on every run in the same order. */
    public static FixedSql of(DSLContext db, Query template) {
        return new FixedSql(db.render(template), db.extractBindValues(template).size());
    }

    /** Runs on {@code db}'s connection: the caller's transaction when it has one, else one from the pool. */
    public <T> T fetch(DSLContext db, Reader<T> reader, Object... values) {
        if (values.length != binds) {
            throw new IllegalArgumentException(binds + " values needed, " + values.length + " given: " + sql);
        }
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, OneRoundTrip.jdbcValue(values[i]));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    return reader.read(new Row(rs));
                }
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        });
    }

    /** The result, read by column position (1 is the first), with SQL NULL as Java null. */
    public static final class Row {
        private final ResultSet rs;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        public boolean next() throws SQLException {
            return rs.next();
        }

        public Long getLong(int column) throws SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }

        public Integer getInt(int column) throws SQLException {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : value;
        }

        public Boolean getBoolean(int column) throws SQLException {
            boolean value = rs.getBoolean(column);
            return rs.wasNull() ? null : value;
        }

        public String getString(int column) throws SQLException {
            return rs.getString(column);
        }

        public BigDecimal getBigDecimal(int column) throws SQLException {
            return rs.getBigDecimal(column);
        }

        public LocalDate getDate(int column) throws SQLException {
            Date value = rs.getDate(column);
            return value == null ? null : value.toLocalDate();
        }

        public LocalDateTime getDateTime(int column) throws SQLException {
            Timestamp value = rs.getTimestamp(column);
            return value == null ? null : value.toLocalDateTime();
        }

        /** A column as the given Java type (Long, Integer, Boolean, String, BigDecimal, LocalDate, LocalDateTime). */
        public Object get(int column, Class<?> type) throws SQLException {
            if (type == Long.class) {
                return getLong(column);
            }
            if (type == Integer.class) {
                return getInt(column);
            }
            if (type == Boolean.class) {
                return getBoolean(column);
            }
            if (type == String.class) {
                return getString(column);
            }
            if (type == BigDecimal.class) {
                return getBigDecimal(column);
            }
            if (type == LocalDate.class) {
                return getDate(column);
            }
            if (type == LocalDateTime.class) {
                return getDateTime(column);
            }
            throw new IllegalArgumentException("no reader for " + type);
        }
    }
}

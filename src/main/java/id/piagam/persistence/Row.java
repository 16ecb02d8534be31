package id.piagam.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One result row read column after column, typed as Micronaut Data maps the entities (enums by name, dates stored as
 * ISO text, instants as timestamps), for the few reads on the hot records path that map their rows by hand: Micronaut
 * Data's per-row mapping derives every column's name and converter again for each row, which was most of a records
 * request's CPU (issue #14 point 3). The query selects its columns in the order the mapping reads them.
 */
public final class Row {

    /** Maps one row (the reader's cursor at its first column). */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(Row row) throws SQLException;
    }

    private final ResultSet rs;
    private int column;

    private Row(ResultSet rs) {
        this.rs = rs;
    }

    /**
     * Every row the query answers for one id (its only parameter), mapped in order, on the current or a new connection;
     * the statement prepared once per connection ({@link PreparedStatements}).
     */
    public static <T> List<T> list(JdbcOperations jdbc, String sql, long id, Mapper<T> mapper) {
        Fetched fetched = FETCHED.get();
        ResultSet ready = fetched == null || fetched.id != id ? null : fetched.results.remove(sql);
        if (ready != null) {
            try {
                return all(ready, mapper);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the rows of " + sql, e);
            }
        }
        return jdbc.execute(connection -> PreparedStatements.run(connection, sql, statement -> {
            statement.setLong(1, id);
            return all(statement.executeQuery(), mapper);
        }));
    }

    /**
     * Every row the query answers for one text key (its only parameter), mapped in order, on the current or a new
     * connection; the statement prepared once per connection ({@link PreparedStatements}).
     */
    public static <T> List<T> list(JdbcOperations jdbc, String sql, String key, Mapper<T> mapper) {
        return jdbc.execute(connection -> PreparedStatements.run(connection, sql, statement -> {
            statement.setString(1, key);
            return all(statement.executeQuery(), mapper);
        }));
    }

    /** Results already fetched for one id, by statement text, for the reads that {@link #together} runs. */
    private record Fetched(long id, Map<String, ResultSet> results) {
    }

    private static final ThreadLocal<Fetched> FETCHED = new ThreadLocal<>();

    /**
     * Runs {@code reads} with the rows of every statement in {@code sqls} (each with the id as its only parameter)
     * fetched in one round trip: one multi-statement prepared statement, whose results PostgreSQL's driver holds in
     * memory in turn, and which the {@link #list} calls made by {@code reads} on this thread for the same id and
     * statement read instead of asking the database again. On PostgreSQL each round trip waits for a backend to be
     * scheduled on busy cores; a person's records are six to eight of them otherwise (docs/load.md). A statement that
     * {@code reads} does not use is fetched for nothing; one it uses twice is asked the second time.
     */
    public static <T> T together(JdbcOperations jdbc, long id, List<String> sqls, Supplier<T> reads) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", sqls))) {
                for (int i = 1; i <= sqls.size(); i++) {
                    statement.setLong(i, id);
                }
                statement.execute();
                Map<String, ResultSet> results = new HashMap<>();
                for (String sql : sqls) {
                    results.put(sql, statement.getResultSet());
                    statement.getMoreResults(Statement.KEEP_CURRENT_RESULT);
                }
                FETCHED.set(new Fetched(id, results));
                try {
                    return reads.get();
                } finally {
                    FETCHED.remove();
                }
            }
        });
    }

    /** Every row of the result, mapped in order; closes the result. */
    public static <T> List<T> all(ResultSet rs, Mapper<T> mapper) throws SQLException {
        try (rs) {
            List<T> list = new ArrayList<>();
            Row row = new Row(rs);
            while (rs.next()) {
                row.column = 0;
                list.add(mapper.map(row));
            }
            return list;
        }
    }

    public long longValue() throws SQLException {
        return rs.getLong(++column);
    }

    public Long nullableLong() throws SQLException {
        long v = rs.getLong(++column);
        return rs.wasNull() ? null : v;
    }

    public int intValue() throws SQLException {
        return rs.getInt(++column);
    }

    public Integer nullableInt() throws SQLException {
        int v = rs.getInt(++column);
        return rs.wasNull() ? null : v;
    }

    public boolean bool() throws SQLException {
        return rs.getBoolean(++column);
    }

    public String string() throws SQLException {
        return rs.getString(++column);
    }

    public BigDecimal decimal() throws SQLException {
        return rs.getBigDecimal(++column);
    }

    public Instant instant() throws SQLException {
        Timestamp t = rs.getTimestamp(++column);
        return t == null ? null : t.toInstant();
    }

    /** A date stored as ISO text ({@code @TypeDef(type = DataType.STRING)}), or null. */
    public LocalDate date() throws SQLException {
        String s = rs.getString(++column);
        return s == null ? null : LocalDate.parse(s);
    }

    /** An enum stored by name, or null. */
    public <E extends Enum<E>> E enumOf(Class<E> type) throws SQLException {
        String s = rs.getString(++column);
        return s == null ? null : Enum.valueOf(type, s);
    }
}

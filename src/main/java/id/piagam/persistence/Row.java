package id.piagam.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
        return jdbc.execute(connection -> PreparedStatements.run(connection, sql, statement -> {
            statement.setLong(1, id);
            return all(statement.executeQuery(), mapper);
        }));
    }

    /** Every row of the result, mapped in order; closes the result. */
    private static <T> List<T> all(ResultSet rs, Mapper<T> mapper) throws SQLException {
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

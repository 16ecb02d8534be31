package id.piagam.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement kept on a SQLite connection answers what the database holds at each use, holds no lock between uses (a
 * writer on another connection commits in the default rollback journal, where a reader's open statement would make it
 * wait), and goes with its connection.
 */
class PreparedStatementsTest {

    private static final String SQL = "SELECT name FROM person WHERE team = ? ORDER BY id";

    @TempDir
    Path dir;

    @Test
    void aKeptStatementSeesEachCommitAndLetsWritersCommitBetweenUses() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("kept.db") + "?busy_timeout=0";
        try (Connection reader = DriverManager.getConnection(url); Connection writer = DriverManager.getConnection(url)) {
            try (Statement st = writer.createStatement()) {
                st.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, team INTEGER NOT NULL, name TEXT NOT NULL)");
                st.execute("INSERT INTO person (team, name) VALUES (1, 'Sri Wahyuni'), (2, 'Budi')");
            }
            List<PreparedStatement> used = new ArrayList<>();
            assertThat(names(reader, 1, used)).containsExactly("Sri Wahyuni");

            try (Statement st = writer.createStatement()) { // fails with SQLITE_BUSY if the reader still held its statement open
                st.execute("INSERT INTO person (team, name) VALUES (1, 'Andi Pratama')");
            }
            assertThat(names(reader, 1, used)).containsExactly("Sri Wahyuni", "Andi Pratama");
            assertThat(names(reader, 2, used)).containsExactly("Budi");

            assertThat(used).hasSize(3);
            assertThat(used.get(1)).isSameAs(used.get(0));
            assertThat(used.get(2)).isSameAs(used.get(0));
        }
    }

    @Test
    void aClosedConnectionsStatementsAreDroppedWhenTheNextConnectionComes() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("closed.db");
        try (Connection setup = DriverManager.getConnection(url); Statement st = setup.createStatement()) {
            st.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, team INTEGER NOT NULL, name TEXT NOT NULL)");
        }
        Connection first = DriverManager.getConnection(url);
        names(first, 1, new ArrayList<>());
        int withFirst = PreparedStatements.connections();
        first.close();
        try (Connection second = DriverManager.getConnection(url)) {
            names(second, 1, new ArrayList<>());
            assertThat(PreparedStatements.connections()).isEqualTo(withFirst);
        }
    }

    private static List<String> names(Connection c, int team, List<PreparedStatement> used) throws SQLException {
        return PreparedStatements.run(c, SQL, statement -> {
            used.add(statement);
            statement.setInt(1, team);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }
}

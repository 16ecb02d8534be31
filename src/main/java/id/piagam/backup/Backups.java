package id.piagam.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A consistent online backup of the SQLite database with {@code VACUUM INTO}: readers and writers
 * carry on while it runs, and the copy is checked with {@code PRAGMA integrity_check} before it is
 * reported. (On PostgreSQL, use {@code pg_dump}; see the README.)
 */
public final class Backups {

    /** A finished backup: where it is, how big, and what the integrity check said. */
    public record Result(Path file, long bytes, String integrity, long certificates) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Backups() {
    }

    public static Path defaultFile(Path folder, LocalDateTime now) {
        return folder.resolve("piagam-" + STAMP.format(now) + ".db");
    }

    /** Writes the backup through an open connection (autocommit, outside any transaction). */
    public static Result backup(Connection connection, Path target) throws SQLException, IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        if (Files.exists(target)) {
            throw new IOException("backup file already exists: " + target);
        }
        try (PreparedStatement st = connection.prepareStatement("VACUUM INTO ?")) {
            st.setString(1, target.toAbsolutePath().toString());
            st.execute();
        }
        return check(target);
    }

    /** Opens a backup file on its own and checks it. */
    public static Result check(Path file) throws SQLException, IOException {
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath() + "?open_mode=1", new java.util.Properties());
             Statement st = c.createStatement()) {
            String integrity;
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                integrity = rs.getString(1);
            }
            long certificates;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM certificate")) {
                rs.next();
                certificates = rs.getLong(1);
            }
            return new Result(file, Files.size(file), integrity, certificates);
        }
    }
}

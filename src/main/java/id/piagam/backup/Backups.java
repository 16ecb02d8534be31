package id.piagam.backup;

import org.sqlite.JDBC;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

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

    /**
     * A new, empty backup file named after the time, created atomically so two backups in the same
     * second get two names ({@code piagam-…-2.db}). A backup holds password hashes, NIK and birth
     * dates: the file is readable by the service's user only (0600) in a folder only it may enter (0700).
     */
    public static Path newFile(Path folder, LocalDateTime now) throws IOException {
        Path dir = folder.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, owner("rwx------"));
        }
        restrict(dir, "rwx------");
        String base = defaultFile(dir, now).getFileName().toString().replace(".db", "");
        for (int n = 1; ; n++) {
            Path candidate = dir.resolve(n == 1 ? base + ".db" : base + "-" + n + ".db");
            try {
                Path created = Files.createFile(candidate, owner("rw-------"));
                restrict(created, "rw-------");
                return created;
            } catch (FileAlreadyExistsException e) {
                // another backup took this name in the same second: try the next
            }
        }
    }

    private static FileAttribute<?>[] owner(String permissions) {
        return posix() ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    /** Sets the permissions exactly (the umask may have narrowed or an old folder widened them). */
    private static void restrict(Path path, String permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Writes the backup through an open connection (autocommit, outside any transaction) into
     * {@code target}, which must not exist or be empty (as {@link #newFile} leaves it).
     */
    public static Result backup(Connection connection, Path target) throws SQLException, IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        if (Files.exists(target) && Files.size(target) > 0) {
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
        try (Connection c = JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath() + "?open_mode=1", new Properties());
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

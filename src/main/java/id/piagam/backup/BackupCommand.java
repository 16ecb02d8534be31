package id.piagam.backup;

import org.sqlite.JDBC;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.Properties;

/**
 * {@code mvn -B compile exec:exec -Dexec.mainClass=id.piagam.backup.BackupCommand}: backs up {@code data/piagam.db}
 * into {@code data/backups/piagam-<time>.db} while the service keeps running, then checks the copy (exit code 1 if
 * the check fails). Run directly with {@code java}, it also takes the database file and the target as arguments.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args.length > 0 ? args[0] : "data/piagam.db");
        Path target = args.length > 1 ? Path.of(args[1]) : Backups.newFile(Path.of("data/backups"), LocalDateTime.now());
        try (Connection c = JDBC.createConnection("jdbc:sqlite:" + database.toAbsolutePath() + "?busy_timeout=10000",
                new Properties())) {
            Backups.Result r = Backups.backup(c, target);
            System.out.printf("Backup %s: %d bytes, %d certificates, integrity %s%n", r.file(), r.bytes(), r.certificates(), r.integrity());
            if (!"ok".equals(r.integrity())) {
                System.exit(1);
            }
        }
    }
}

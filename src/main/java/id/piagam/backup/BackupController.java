package id.piagam.backup;

import id.piagam.persistence.SqliteSupport;
import id.piagam.security.Roles;
import id.piagam.web.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/** The admin's backup button: a consistent copy of the database while the service runs. */
@Controller("/api/admin/backups")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Administration")
class BackupController {

    private static final Logger LOG = LoggerFactory.getLogger(BackupController.class);

    private final ConnectionOperations<Connection> connections;
    private final Path folder;
    private final Clock clock;

    private final boolean sqlite;

    BackupController(ConnectionOperations<Connection> connections, @Value("${piagam.backup.dir:data/backups}") String folder, Clock clock,
                     @Value("${datasources.default.url}") String url) {
        this.connections = connections;
        this.sqlite = SqliteSupport.isSqlite(url);
        this.folder = Path.of(folder);
        this.clock = clock;
    }

    @Serdeable
    record BackupView(String file, long bytes, String integrity, long certificates) {
    }

    /** SQLite only; a PostgreSQL installation is backed up with pg_dump (README), which this answers with 501. */
    @Post
    HttpResponse<BackupView> backup() {
        if (!sqlite) {
            throw new ProblemException(HttpStatus.NOT_IMPLEMENTED, "backup-with-pg-dump", "problem.backupWithPgDump", List.of(), List.of(),
                    null);
        }
        Backups.Result result = connections.executeWrite(status -> {
            try {
                return Backups.backup(status.getConnection(), Backups.newFile(folder, LocalDateTime.now(clock)));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("backup failed: " + e.getMessage(), e);
            }
        });
        LOG.info("Backup written to {} ({} bytes, integrity {})", result.file(), result.bytes(), result.integrity());
        return HttpResponse.status(HttpStatus.CREATED).body(new BackupView(result.file().toString(), result.bytes(), result.integrity(),
                result.certificates()));
    }
}

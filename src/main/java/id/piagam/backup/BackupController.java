package id.piagam.backup;

import id.piagam.account.Roles;
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

    BackupController(ConnectionOperations<Connection> connections, @Value("${piagam.backup.dir:data/backups}") String folder, Clock clock) {
        this.connections = connections;
        this.folder = Path.of(folder);
        this.clock = clock;
    }

    @Serdeable
    record BackupView(String file, long bytes, String integrity, long certificates) {
    }

    @Post
    HttpResponse<BackupView> backup() {
        Backups.Result result = connections.executeWrite(status -> {
            try {
                return Backups.backup(status.getConnection(), Backups.defaultFile(folder, LocalDateTime.now(clock)));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("backup failed: " + e.getMessage(), e);
            }
        });
        LOG.info("Backup written to {} ({} bytes, integrity {})", result.file(), result.bytes(), result.integrity());
        return HttpResponse.status(HttpStatus.CREATED).body(new BackupView(result.file().toString(), result.bytes(), result.integrity(),
                result.certificates()));
    }
}

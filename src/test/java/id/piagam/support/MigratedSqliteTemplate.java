package id.piagam.support;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * On SQLite, each test context's fresh database file (application-test.yml: {@code target/test-db/piagam-…})
 * starts as a copy of a template that the real migrations built once per test JVM, instead of running every
 * migration again for each context: Flyway then finds the whole history applied and validates it (checksums
 * included), so a changed or missing migration still fails every context. A test that names its own file is
 * left alone, and so is PostgreSQL ({@link PostgresTestSchema}).
 */
@Singleton
@Requires(env = "test")
class MigratedSqliteTemplate implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final String PREFIX = "jdbc:sqlite:";
    private static final String TEST_FILES = "target/test-db/piagam-";
    private static Path template;

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getUrl();
        if (url == null || !url.startsWith(PREFIX + TEST_FILES)) {
            return config;
        }
        int query = url.indexOf('?');
        Path file = Path.of(url.substring(PREFIX.length(), query < 0 ? url.length() : query));
        if (Files.exists(file)) {
            return config;
        }
        String[] locations = ((ApplicationContext) event.getSource()).getEnvironment()
                .getRequiredProperty("flyway.datasources.default.locations", String[].class);
        try {
            Files.copy(template(url.substring(query < 0 ? url.length() : query), locations), file);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database " + file, e);
        }
        return config;
    }

    /** Migrates the template on first use, with the test URL's settings (foreign keys, journal) and these locations. */
    private static synchronized Path template(String settings, String[] locations) throws IOException, SQLException {
        if (template == null) {
            Path file = Path.of(TEST_FILES.replace("piagam-", "template-") + UUID.randomUUID() + ".db").toAbsolutePath();
            Files.createDirectories(file.getParent());
            String url = PREFIX + file + settings;
            Flyway.configure().dataSource(url, null, null).locations(locations).load().migrate();
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // everything in the file itself, so a plain copy holds it
                st.execute("PRAGMA journal_mode=DELETE");
            }
            template = file;
        }
        return template;
    }
}

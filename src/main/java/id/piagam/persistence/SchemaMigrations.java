package id.piagam.persistence;

import id.piagam.ClasspathIndex;
import id.piagam.Digests;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Brings the database's schema up to date with Flyway when the pool is created — only when there is something to
 * check. After every complete migration the fingerprint of the migration files (the SHA-256 of their names and
 * contents, in the locations {@code flyway.datasources.default.locations}) is stored in the database
 * ({@code schema_fingerprint}); a start that finds the same fingerprint there, and as many successful migrations in
 * Flyway's history as there are files, has nothing to apply and nothing whose checksum could differ, so it does not
 * load Flyway at all (a quarter of a second of a start on two cores, docs/startup.md). Any other case — a new or
 * changed file, a database from a backup of another version, a first start, a history with a failed migration —
 * runs Flyway as before: it applies what is missing and refuses a changed checksum. {@code
 * flyway.datasources.default.enabled: false} leaves the schema alone.
 */
@Singleton
@Requires(property = "flyway.datasources.default.enabled", notEquals = "false")
class SchemaMigrations implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String CLASSPATH = "classpath:";

    private final List<String> locations;
    private final Clock clock;
    private final DataSourceResolver resolver;

    SchemaMigrations(@Value("${flyway.datasources.default.locations}") List<String> locations, Clock clock, DataSourceResolver resolver) {
        this.locations = locations;
        this.clock = clock;
        this.resolver = resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // the pool itself: the data source as created may be Micronaut Data's contextual proxy, whose connections need
        // beans that are being created right now
        migrate(resolver.resolve(event.getBean()));
        return event.getBean();
    }

    /** Flyway's migrate unless the database already has these migration files applied; true when Flyway ran. */
    boolean migrate(DataSource dataSource) {
        Optional<Migrations> files = migrationFiles();
        if (files.isPresent() && upToDate(dataSource, files.get())) {
            LOG.debug("Schema up to date ({} migrations, fingerprint {}): Flyway not needed", files.get().count(), files.get().fingerprint());
            return false;
        }
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).locations(locations.toArray(String[]::new)).load().migrate();
        files.ifPresent(f -> record(dataSource, f));
        return true;
    }

    /** The migration files found: how many, and the fingerprint of their names and contents. */
    record Migrations(int count, String fingerprint) {
    }

    /** The files of every location; empty when a location cannot be listed (then Flyway always runs). */
    Optional<Migrations> migrationFiles() {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            for (String location : locations) {
                if (!location.startsWith(CLASSPATH)) {
                    return Optional.empty();
                }
                String folder = location.substring(CLASSPATH.length()).replaceAll("^/|/$", "");
                Enumeration<URL> urls = getClass().getClassLoader().getResources(folder);
                if (!urls.hasMoreElements()) {
                    return Optional.empty();
                }
                for (URL url : Collections.list(urls)) {
                    if (!read(url, folder, files)) {
                        return Optional.empty();
                    }
                }
            }
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            LOG.debug("Cannot list the migration files; Flyway checks the schema", e);
            return Optional.empty();
        }
        StringBuilder all = new StringBuilder();
        files.forEach((name, content) -> all.append(name).append('\0').append(Digests.sha256(content)).append('\n'));
        return Optional.of(new Migrations(files.size(), Digests.sha256(all.toString())));
    }

    /** The .sql files of one classpath folder, from a directory or a jar; false for any other kind of URL. */
    private static boolean read(URL url, String folder, TreeMap<String, byte[]> files) throws IOException, URISyntaxException {
        if (url.getProtocol().equals("file")) {
            try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
                for (Path p : paths.filter(p -> p.getFileName().toString().endsWith(".sql")).toList()) {
                    files.put(folder + "/" + p.getFileName(), Files.readAllBytes(p));
                }
            }
            return true;
        }
        if (url.getProtocol().equals("jar")) {
            JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
            // the packaged jar lists its migration files (ClasspathIndex): no walk through its 41,000 entries
            List<JarEntry> entries = ClasspathIndex.files(folder)
                    .map(names -> names.stream().map(jar::getJarEntry).filter(Objects::nonNull).toList())
                    .orElseGet(() -> Collections.list(jar.entries()));
            for (JarEntry entry : entries) {
                String name = entry.getName();
                if (name.startsWith(folder + "/") && name.endsWith(".sql") && name.indexOf('/', folder.length() + 1) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(name, in.readAllBytes());
                    }
                }
            }
            return true;
        }
        return false;
    }

    /** The stored fingerprint is this one and Flyway's history has a successful migration for each file. */
    private static boolean upToDate(DataSource dataSource, Migrations files) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String stored;
            try (ResultSet rs = st.executeQuery("SELECT fingerprint FROM schema_fingerprint WHERE id = 1")) {
                stored = rs.next() ? rs.getString(1) : null;
            }
            if (!files.fingerprint().equals(stored)) {
                return false;
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(CASE WHEN success THEN 0 ELSE 1 END) FROM flyway_schema_history")) {
                return rs.next() && rs.getInt(1) == files.count() && rs.getInt(2) == 0;
            }
        } catch (SQLException e) {
            return false; // a new database, or one from before the fingerprint: Flyway decides
        }
    }

    private void record(DataSource dataSource, Migrations files) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO schema_fingerprint (id, fingerprint, recorded_at) VALUES (1, ?, ?)")) {
                st.executeUpdate("DELETE FROM schema_fingerprint");
                insert.setString(1, files.fingerprint());
                insert.setString(2, clock.instant().toString());
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            // the schema is right; only the next start checks it with Flyway again
            LOG.warn("Could not record the schema's fingerprint: {}", e.toString());
        }
    }
}

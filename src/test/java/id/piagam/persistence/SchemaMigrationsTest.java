package id.piagam.persistence;

import io.micronaut.jdbc.DataSourceResolver;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start runs Flyway only when the migration files differ from those last applied in full: the same files skip it
 * (nothing to apply, no checksum that could differ); a new or changed file, a failed migration in the history or a
 * database without a fingerprint run it, and Flyway then applies or refuses as it always did.
 */
class SchemaMigrationsTest {

    private static final List<String> SQLITE = List.of("classpath:db/common", "classpath:db/sqlite");

    @TempDir
    Path folder;

    private final SchemaMigrations migrations = new SchemaMigrations(SQLITE, Clock.systemUTC(), DataSourceResolver.DEFAULT);

    @Test
    void theFingerprintCoversEveryMigrationFileOfTheLocations() throws IOException {
        long files;
        try (Stream<Path> common = Files.list(Path.of("db/common")); Stream<Path> sqlite = Files.list(Path.of("db/sqlite"))) {
            files = Stream.concat(common, sqlite).filter(p -> p.toString().endsWith(".sql")).count();
        }
        SchemaMigrations.Migrations found = migrations.migrationFiles().orElseThrow();
        assertThat(found.count()).isEqualTo(files);
        assertThat(found.fingerprint()).hasSize(64);
        assertThat(new SchemaMigrations(List.of("classpath:db/common", "classpath:db/postgresql"), Clock.systemUTC(), DataSourceResolver.DEFAULT)
                .migrationFiles().orElseThrow().fingerprint()).as("another engine's files, another fingerprint")
                .isNotEqualTo(found.fingerprint());
    }

    @Test
    void aNewDatabaseIsMigratedAndRemembersItsFilesSoTheNextStartSkipsFlyway() throws SQLException {
        SQLiteDataSource db = database();
        assertThat(migrations.migrate(db)).as("Flyway ran").isTrue();
        assertThat(single(db, "SELECT fingerprint FROM schema_fingerprint WHERE id = 1"))
                .isEqualTo(migrations.migrationFiles().orElseThrow().fingerprint());
        assertThat(Long.parseLong(single(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success")))
                .isEqualTo(migrations.migrationFiles().orElseThrow().count());

        assertThat(migrations.migrate(db)).as("the same files: Flyway not needed").isFalse();
    }

    @Test
    void changedFilesRunFlywayWhichStillRefusesAChecksumThatDiffers() throws SQLException {
        SQLiteDataSource db = database();
        migrations.migrate(db);
        execute(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        execute(db, "UPDATE schema_fingerprint SET fingerprint = 'the files of another version'");

        assertThatThrownBy(() -> migrations.migrate(db)).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aHistoryWithAFailedMigrationRunsFlyway() throws SQLException {
        SQLiteDataSource db = database();
        migrations.migrate(db);
        execute(db, "UPDATE flyway_schema_history SET success = 0 WHERE version = '37'");

        assertThatThrownBy(() -> migrations.migrate(db)).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("failed migration");
    }

    @Test
    void aDatabaseFromBeforeTheFingerprintIsCheckedByFlywayAndThenRemembered() throws SQLException {
        SQLiteDataSource db = database();
        migrations.migrate(db);
        execute(db, "DELETE FROM schema_fingerprint");

        assertThat(migrations.migrate(db)).isTrue();
        assertThat(migrations.migrate(db)).isFalse();
    }

    private SQLiteDataSource database() {
        SQLiteDataSource db = new SQLiteDataSource();
        db.setUrl("jdbc:sqlite:" + folder.resolve("piagam.db") + "?foreign_keys=on");
        return db;
    }

    private static void execute(SQLiteDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static String single(SQLiteDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}

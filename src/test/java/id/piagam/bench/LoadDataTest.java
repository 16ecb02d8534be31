package id.piagam.bench;

import id.piagam.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load data set (docs/load.md) generated at a small scale on the engine the suite runs on: its stored PDFs are in
 * the form the service writes (so a service started on it does not first rewrite every one of them in the
 * background, during the measured runs), and the files the wrk scripts read are there. Tagged bulk (thousands of
 * rows; {@code -Pfull}); alone: {@code mvn -B -o test -Dtest=LoadDataTest -Dpiagam.test.excludedGroups=}.
 */
@Tag("bulk")
class LoadDataTest {

    @Test
    void generatesTheSetInTheStoredFormTheServiceUses() throws Exception {
        Path folder = Path.of("target/test-db/load-" + UUID.randomUUID()).toAbsolutePath();
        TestDatabase db;
        if (TestDatabase.postgresql()) {
            db = TestDatabase.fresh();
            System.setProperty("db.user", db.user());
            System.setProperty("db.password", db.password());
            LoadData.main(new String[]{db.url(), "0.003", folder.toString()});
        } else {
            LoadData.main(new String[]{folder.resolve("load.db").toString(), "0.003"});
            db = new TestDatabase("jdbc:sqlite:" + folder.resolve("load.db"), null, null);
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // 3 events of 200 certified, and the one issued through the service
            assertThat(count(st, "SELECT COUNT(*) FROM certificate_pdf")).isEqualTo(601);
            assertThat(count(st, "SELECT COUNT(*) FROM certificate_pdf WHERE resources IS NULL")).as("PDFs stored whole (pre-V26 form)").isZero();
        }
        assertThat(Files.readAllLines(folder.resolve("codes.txt"))).isNotEmpty();
        assertThat(Files.readString(folder.resolve("bulk-events.txt")).split(" ")).hasSize(3);
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

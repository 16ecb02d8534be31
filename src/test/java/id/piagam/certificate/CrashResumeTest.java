package id.piagam.certificate;

import id.piagam.support.ServiceProcess;
import id.piagam.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Duration;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 in the middle of a bulk issue, twenty times in a row at random moments, each followed by a
 * restart on the same database: after every kill the database holds no certificate without its PDF (and an
 * embedded SQLite file passes its integrity check); in the end the job resumes by itself and completes exactly
 * the missing certificates, with no half certificate, no duplicate and no gap in the numbering. It runs on the
 * engine of the pass: the SQLite file, or a fresh schema of the PostgreSQL test database (issue #16 point 4).
 */
// starts and kills service processes for minutes; runs with -Pfull (as in CI)
@Tag("processes")
class CrashResumeTest {

    private static final int PEOPLE = 900;
    private static final int KILLS = 20;
    private ServiceProcess server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES) // twenty starts and kills on a loaded machine
    void aBulkIssueKilledTwentyTimesResumesAndCompletesExactlyTheMissingOnes() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        server = ServiceProcess.start(db.url(), db.user(), db.password());
        long eventId = server.seedBimtek(PEOPLE, "CRASH/{seq:4}/{yyyy}");
        long jobId = id(server.call("POST", "/api/events/" + eventId + "/certificates", "{}"));
        java.util.Random random = new java.util.Random();
        int previous = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            // a random moment while the job runs (it resumes by itself as the service starts): 1 to 30 more certificates
            int target = previous + 1 + random.nextInt(30);
            int round = kill;
            ServiceProcess running = server;
            await("kill " + round + ": " + target + " certificates").atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(3)).until(() -> {
                        assertThat(call0(db, "SELECT status FROM certificate_job WHERE id = " + jobId)).as("kill " + round).isEqualTo("RUNNING");
                        assertThat(running.isAlive()).as("kill " + round + ": the service is running").isTrue();
                        return ((Number) call0(db, "SELECT COUNT(*) FROM certificate")).intValue() >= target;
                    });
            server.kill();
            if (!TestDatabase.postgresql()) {
                assertThat(call0(db, "PRAGMA integrity_check")).as("after kill " + kill).isEqualTo("ok");
            }
            assertThat(((Number) call0(db, "SELECT COUNT(*) FROM certificate c LEFT JOIN certificate_pdf p ON p.certificate_id = c.id "
                    + "WHERE p.certificate_id IS NULL")).intValue()).as("after kill " + kill).isZero();
            int issued = ((Number) call0(db, "SELECT COUNT(*) FROM certificate")).intValue();
            assertThat(issued).as("after kill " + kill).isGreaterThanOrEqualTo(previous).isLessThan(PEOPLE);
            previous = issued;
            server = ServiceProcess.launch(db.url(), db.user(), db.password());
        }
        server.awaitHealth();
        ServiceProcess last = server;
        Map<String, Object> job = await("the resumed job finishes").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> last.call("GET", "/api/jobs/" + jobId, null), j -> !"RUNNING".equals(j.get("status")));
        assertThat(job.get("status")).isEqualTo("DONE");
        assertThat(((Number) job.get("issued")).intValue()).isEqualTo(PEOPLE);
        assertThat(((Number) job.get("skipped")).intValue() + ((Number) job.get("failed")).intValue()).isZero();
        server.stop();

        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
            if (!TestDatabase.postgresql()) {
                assertThat(single(st, "PRAGMA integrity_check")).isEqualTo("ok");
            }
            assertThat(single(st, "SELECT COUNT(*) FROM certificate")).isEqualTo(String.valueOf(PEOPLE));
            assertThat(single(st, "SELECT COUNT(DISTINCT enrolment_id) FROM certificate")).isEqualTo(String.valueOf(PEOPLE));
            assertThat(single(st, "SELECT COUNT(*) FROM certificate c LEFT JOIN certificate_pdf p ON p.certificate_id = c.id "
                    + "WHERE p.certificate_id IS NULL")).isEqualTo("0");
            assertThat(single(st, "SELECT COUNT(*) FROM certificate_job_item WHERE job_id = " + jobId)).isEqualTo(String.valueOf(PEOPLE));
            List<Integer> numbers = new ArrayList<>();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Map<String, byte[]> shared = new HashMap<>(); // the pieces stored once (fonts, large images), by SHA-256
            try (ResultSet rs = st.executeQuery("SELECT sha256, bytes FROM pdf_resource")) {
                while (rs.next()) {
                    shared.put(rs.getString(1), rs.getBytes(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT c.number, c.sha256, p.bytes, p.resources FROM certificate c JOIN certificate_pdf p ON p.certificate_id = c.id")) {
                while (rs.next()) {
                    numbers.add(Integer.parseInt(rs.getString(1).substring("CRASH/".length(), "CRASH/".length() + 4)));
                    byte[] pdf = PdfSegments.join(rs.getBytes(3), rs.getString(4), shared::get); // as a download reassembles it
                    assertThat(HexFormat.of().formatHex(sha.digest(pdf))).isEqualTo(rs.getString(2));
                    assertThat(new String(pdf, pdf.length - 6, 6)).contains("%%EOF");
                }
            }
            assertThat(numbers.stream().sorted().toList()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, PEOPLE).boxed().toList());
            assertThat(single(st, "SELECT COUNT(*) FROM audit_log WHERE action = 'ISSUE'")).isEqualTo(String.valueOf(PEOPLE));
        }
    }

    private static long id(Map<String, Object> m) {
        return ((Number) m.get("id")).longValue();
    }

    private static Object call0(TestDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static String single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

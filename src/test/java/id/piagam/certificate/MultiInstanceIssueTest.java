package id.piagam.certificate;

import id.piagam.support.ServiceProcess;
import id.piagam.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Duration;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one database (PostgreSQL in the suite's PostgreSQL pass, one
 * SQLite file in the other) both issue every certificate of the same event at the same moment: each
 * person gets exactly one certificate (on PostgreSQL each instance doing part of the work), and the
 * numbers run 1..n with no duplicate and no gap.
 */
// two service processes on one database; runs with -Pfull (as in CI)
@Tag("processes")
class MultiInstanceIssueTest {

    private static final int PEOPLE = 240;

    @Test
    void twoInstancesIssuingOneEventAtOnceGiveEachPersonOneCertificateAndUseEveryNumberOnce() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        try (ServiceProcess a = ServiceProcess.start(db.url(), db.user(), db.password());
             ServiceProcess b = ServiceProcess.start(db.url(), db.user(), db.password())) {
            long eventId = a.seedBimtek(PEOPLE, "MULTI/{seq:4}/{yyyy}");
            CompletableFuture<Map<String, Object>> jobA = CompletableFuture.supplyAsync(() -> call(a, "POST", "/api/events/" + eventId + "/certificates"));
            CompletableFuture<Map<String, Object>> jobB = CompletableFuture.supplyAsync(() -> call(b, "POST", "/api/events/" + eventId + "/certificates"));
            long idA = ((Number) jobA.get().get("id")).longValue();
            long idB = ((Number) jobB.get().get("id")).longValue();
            Map<String, Object> doneA = awaitDone(a, idA);
            Map<String, Object> doneB = awaitDone(b, idB);
            assertThat(doneA.get("status")).isEqualTo("DONE");
            assertThat(doneB.get("status")).isEqualTo("DONE");
            assertThat(count(doneA, "failed") + count(doneB, "failed")).as("no failures").isZero();
            assertThat(count(doneA, "issued") + count(doneB, "issued")).as("issued once between them").isEqualTo(PEOPLE);
            assertThat(count(doneA, "skipped") + count(doneB, "skipped")).as("the rest found already issued").isEqualTo(PEOPLE);
            // Which instance issues how many is left to scheduling: on PostgreSQL the two usually interleave,
            // but a colder instance may start after the other has finished (seen repeatedly on a 2-core
            // machine), so this test only holds what must always be true. Issuing that grows with
            // instances is measured by the benchmark (issue #16), not asserted here.
        }
        assertOneCertificateEachNumberedOneToN(db);
    }

    /**
     * One POST, two instances (issue #16 point 3): the other instance joins the running job (it has people nobody
     * claimed) and the two split it; still one certificate per person, numbers 1..n, and the job's counts exact.
     */
    @Test
    void anotherInstanceJoinsARunningJobAndTheTwoIssueEachPersonOnce() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        try (ServiceProcess a = ServiceProcess.start(db.url(), db.user(), db.password());
             ServiceProcess b = ServiceProcess.start(db.url(), db.user(), db.password(), Map.of("piagam.issuing.join-every", "200ms",
                     "logger.levels.id.piagam.certificate.CertificateJobs", "INFO"))) {
            long eventId = a.seedBimtek(PEOPLE, "MULTI/{seq:4}/{yyyy}");
            long id = ((Number) call(a, "POST", "/api/events/" + eventId + "/certificates").get("id")).longValue();
            Map<String, Object> done = awaitDone(a, id);
            assertThat(done.get("status")).isEqualTo("DONE");
            assertThat(count(done, "issued")).isEqualTo(PEOPLE);
            assertThat(count(done, "skipped") + count(done, "failed")).isZero();
            assertThat(b.output()).as("the other instance joined the job").contains("Joining certificate job " + id);
        }
        assertOneCertificateEachNumberedOneToN(db);
    }

    private static void assertOneCertificateEachNumberedOneToN(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThat(single(st, "SELECT COUNT(*) FROM certificate")).isEqualTo(PEOPLE);
            assertThat(single(st, "SELECT COUNT(DISTINCT enrolment_id) FROM certificate")).isEqualTo(PEOPLE);
            assertThat(single(st, "SELECT COUNT(*) FROM certificate c LEFT JOIN certificate_pdf p ON p.certificate_id = c.id "
                    + "WHERE p.certificate_id IS NULL")).isZero();
            List<Integer> numbers = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT number FROM certificate")) {
                while (rs.next()) {
                    numbers.add(Integer.parseInt(rs.getString(1).substring("MULTI/".length(), "MULTI/".length() + 4)));
                }
            }
            assertThat(numbers.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, PEOPLE).boxed().toList());
        }
    }

    private static Map<String, Object> call(ServiceProcess p, String method, String path) {
        try {
            return p.call(method, path, "{}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> awaitDone(ServiceProcess p, long jobId) {
        return await("job " + jobId + " finishes").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> p.call("GET", "/api/jobs/" + jobId, null), job -> !"RUNNING".equals(job.get("status")));
    }

    private static int count(Map<String, Object> job, String key) {
        return ((Number) job.get(key)).intValue();
    }

    private static int single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

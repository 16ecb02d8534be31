package id.piagam.certificate;

import id.piagam.support.ServiceProcess;
import id.piagam.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL goes away in the middle of a bulk issue (issue #16): the cluster is stopped with the job running,
 * the job's progress answers 503 saying it waits for the database (not a 500, not a silent stall), and once the
 * cluster is back the same job finishes by itself: one certificate per person, numbers 1..n without a gap,
 * nobody recorded as failed. Stops the shared local cluster for a few seconds ({@code pg_ctlcluster}, as root):
 * runs only with {@code -Pfull,postgresql}.
 */
@Tag("root")
class DatabaseRestartTest {

    private static final int PEOPLE = 200; // enough that the job cannot finish while the cluster stops
    private static final String CLUSTER = System.getProperty("piagam.test.pg.cluster", "15 main");

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // a service process, 60 people seeded through the API, a restart
    void aBulkIssueWaitsForARestartedDatabaseAndFinishesWithEveryPersonOnceAndNoGap() throws Exception {
        assumeTrue(TestDatabase.postgresql(), "a PostgreSQL fault: runs in the PostgreSQL pass");
        TestDatabase db = TestDatabase.fresh();
        try (ServiceProcess service = ServiceProcess.start(db.url(), db.user(), db.password())) {
            long eventId = service.seedBimtek(PEOPLE, "RESTART/{seq:4}/{yyyy}");
            long jobId = ((Number) service.call("POST", "/api/events/" + eventId + "/certificates", "{}").get("id")).longValue();
            await("some certificates issued").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> count(service.call("GET", "/api/jobs/" + jobId, null), "issued") >= 5);

            pgCtlCluster("stop", "-m", "fast");
            HttpResponse<String> whileDown;
            HttpResponse<String> eventPageWhileDown;
            try {
                // the runner notices at its next certificate; then the job's line says it waits
                whileDown = await("the job answers that it waits for the database").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> service.send("GET", "/api/jobs/" + jobId, null, "Accept-Language", "id"),
                                r -> r.statusCode() != 200 && r.body().contains("menunggu basis data"));
                // the event page the secretariat keeps open says the same, and reloads itself
                eventPageWhileDown = service.send("GET", "/kegiatan/" + eventId, null, "Accept", "text/html", "Accept-Language", "id");
            } finally {
                pgCtlCluster("start");
            }
            assertThat(whileDown.statusCode()).isEqualTo(503);
            assertThat(whileDown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(whileDown.body()).contains("storage-unavailable").contains("Penerbitan massal #" + jobId + " (kegiatan #" + eventId + ") menunggu basis data sejak pukul");
            assertThat(eventPageWhileDown.statusCode()).isEqualTo(503);
            assertThat(eventPageWhileDown.body()).contains("Basis data tidak dapat dijangkau")
                    .contains("Penerbitan massal #" + jobId + " (kegiatan #" + eventId + ") menunggu basis data sejak pukul")
                    .contains("<meta http-equiv=\"refresh\" content=\"30\">");

            Map<String, Object> done = await("the job finishes after the restart").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> service.call("GET", "/api/jobs/" + jobId, null), job -> !"RUNNING".equals(job.get("status")));
            assertThat(done.get("status")).isEqualTo("DONE");
            assertThat(count(done, "issued")).as("issued").isEqualTo(PEOPLE);
            assertThat(count(done, "failed")).as("failed").isZero();
            assertThat(count(done, "skipped")).as("skipped").isZero();
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThat(single(st, "SELECT COUNT(*) FROM certificate")).isEqualTo(PEOPLE);
            assertThat(single(st, "SELECT COUNT(DISTINCT enrolment_id) FROM certificate")).isEqualTo(PEOPLE);
            assertThat(single(st, "SELECT COUNT(*) FROM certificate_job_item")).isEqualTo(PEOPLE);
            assertThat(single(st, "SELECT COUNT(*) FROM certificate c LEFT JOIN certificate_pdf p ON p.certificate_id = c.id "
                    + "WHERE p.certificate_id IS NULL")).isZero();
            List<Integer> numbers = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT number FROM certificate")) {
                while (rs.next()) {
                    numbers.add(Integer.parseInt(rs.getString(1).substring("RESTART/".length(), "RESTART/".length() + 4)));
                }
            }
            assertThat(numbers.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, PEOPLE).boxed().toList());
        }
    }

    private static void pgCtlCluster(String action, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster"));
        command.addAll(List.of(CLUSTER.split(" ")));
        command.add(action);
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pg_ctlcluster " + action).isTrue();
        assertThat(p.exitValue()).as("pg_ctlcluster " + action + ": " + new String(p.getInputStream().readAllBytes())).isZero();
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

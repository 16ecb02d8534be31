package id.piagam.certificate;

import id.piagam.support.Fixtures;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of a bulk issue, twenty times in a row at random moments, each followed by a
 * restart on the same database: after every kill the database passes its integrity check and holds
 * no certificate without its PDF; in the end the job resumes by itself and completes exactly the
 * missing certificates, with no half certificate, no duplicate and no gap in the numbering.
 */
class CrashResumeTest {

    private static final int PEOPLE = 900;
    private static final int KILLS = 20;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.createDefault();
    private Process server;
    private Path log;
    private int port;
    private String token;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void aBulkIssueKilledTwentyTimesResumesAndCompletesExactlyTheMissingOnes() throws Exception {
        Path db = Path.of("target/test-db/crash-" + UUID.randomUUID() + ".db").toAbsolutePath();
        Files.createDirectories(db.getParent());
        String url = "jdbc:sqlite:" + db + "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&transaction_mode=IMMEDIATE";
        start(url);
        long eventId = seed();
        long jobId = id(call("POST", "/api/events/" + eventId + "/certificates", "{}"));
        java.util.Random random = new java.util.Random();
        int previous = 0;
        Map<String, Object> job;
        for (int kill = 1; kill <= KILLS; kill++) {
            // a random moment while the job runs (it resumes by itself as the service starts): 1 to 30 more certificates
            int target = previous + 1 + random.nextInt(30);
            while (((Number) call0(url, "SELECT COUNT(*) FROM certificate")).intValue() < target) {
                assertThat(call0(url, "SELECT status FROM certificate_job WHERE id = " + jobId)).as("kill " + kill).isEqualTo("RUNNING");
                assertThat(server.isAlive()).as("kill " + kill + ": the service is running").isTrue();
                Thread.sleep(3);
            }
            server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean close
            assertThat(call0(url, "PRAGMA integrity_check")).as("after kill " + kill).isEqualTo("ok");
            assertThat(((Number) call0(url, "SELECT COUNT(*) FROM certificate c LEFT JOIN certificate_pdf p ON p.certificate_id = c.id "
                    + "WHERE p.certificate_id IS NULL")).intValue()).as("after kill " + kill).isZero();
            int issued = ((Number) call0(url, "SELECT COUNT(*) FROM certificate")).intValue();
            assertThat(issued).as("after kill " + kill).isGreaterThanOrEqualTo(previous).isLessThan(PEOPLE);
            previous = issued;
            launch(url);
        }
        awaitHealth();
        do {
            Thread.sleep(100);
            job = call("GET", "/api/jobs/" + jobId, null);
        } while ("RUNNING".equals(job.get("status")));
        assertThat(job.get("status")).isEqualTo("DONE");
        assertThat(((Number) job.get("issued")).intValue()).isEqualTo(PEOPLE);
        assertThat(((Number) job.get("skipped")).intValue() + ((Number) job.get("failed")).intValue()).isZero();
        server.destroy();
        server.waitFor();

        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            assertThat(single(st, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(single(st, "SELECT COUNT(*) FROM certificate")).isEqualTo(String.valueOf(PEOPLE));
            assertThat(single(st, "SELECT COUNT(DISTINCT enrolment_id) FROM certificate")).isEqualTo(String.valueOf(PEOPLE));
            assertThat(single(st, "SELECT COUNT(*) FROM certificate c LEFT JOIN certificate_pdf p ON p.certificate_id = c.id "
                    + "WHERE p.certificate_id IS NULL")).isEqualTo("0");
            assertThat(single(st, "SELECT COUNT(*) FROM certificate_job_item WHERE job_id = " + jobId)).isEqualTo(String.valueOf(PEOPLE));
            List<Integer> numbers = new ArrayList<>();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (ResultSet rs = st.executeQuery("SELECT c.number, c.sha256, p.bytes FROM certificate c JOIN certificate_pdf p ON p.certificate_id = c.id")) {
                while (rs.next()) {
                    numbers.add(Integer.parseInt(rs.getString(1).substring("CRASH/".length(), "CRASH/".length() + 4)));
                    byte[] pdf = rs.getBytes(3);
                    assertThat(HexFormat.of().formatHex(sha.digest(pdf))).isEqualTo(rs.getString(2));
                    assertThat(new String(pdf, pdf.length - 6, 6)).contains("%%EOF");
                }
            }
            assertThat(numbers.stream().sorted().toList()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, PEOPLE).boxed().toList());
            assertThat(single(st, "SELECT COUNT(*) FROM audit_log WHERE action = 'ISSUE'")).isEqualTo(String.valueOf(PEOPLE));
        }
    }

    private long seed() throws Exception {
        StringBuilder sessions = new StringBuilder();
        for (int d = 0; d < 2; d++) {
            sessions.append(d == 0 ? "" : ",").append("{\"date\":\"2026-03-0").append(d + 2).append("\",\"topic\":\"Materi ")
                    .append(d + 1).append("\",\"jp\":4}");
        }
        Map<String, Object> event = call("POST", "/api/events", """
                {"kind":"BIMTEK","title":"Bimtek Uji Crash","organiser":"BPSDM","place":"Surabaya","startDate":"2026-03-02",
                 "endDate":"2026-03-03","minAttendancePercent":80,"sessions":[%s],
                 "certificate":{"numberPattern":"CRASH/{seq:4}/{yyyy}","signatory":{"position":"Kepala","name":"Dr. Hadi"}}}"""
                .formatted(sessions));
        long eventId = id(event);
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String nik = String.format("35%04d%02d%02d%02d%04d", 1 + i / 336, 1 + i % 28, 1 + (i / 28) % 12, 80, i + 1);
            long p = id(call("POST", "/api/participants", "{\"fullName\":\"Peserta " + Fixtures.letters(i) + "\",\"category\":\"NON_ASN\",\"nik\":\"" + nik + "\"}"));
            call("POST", "/api/events/" + eventId + "/enrolments", "{\"participantId\":" + p + "}");
            people.add(p);
        }
        for (Object s : (List<?>) event.get("sessions")) {
            StringBuilder sheet = new StringBuilder("[");
            for (int i = 0; i < people.size(); i++) {
                sheet.append(i == 0 ? "" : ",").append("{\"participantId\":").append(people.get(i)).append(",\"status\":\"HADIR\"}");
            }
            call("PUT", "/api/events/" + eventId + "/sessions/" + ((Map<?, ?>) s).get("id") + "/attendance", sheet.append("]").toString());
        }
        return eventId;
    }


    private void start(String url) throws Exception {
        launch(url);
        awaitHealth();
    }

    /** Starts the service in its own JVM without waiting for it. */
    private void launch(String url) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        log = Path.of("target/test-db/crash-server-" + port + ".log");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port, "-Ddatasources.default.url=" + url,
                "-Dpiagam.admin-password=crash-admin-secret", "id.piagam.Application")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitHealth() throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    token = (String) call("POST", "/login", "{\"username\":\"admin\",\"password\":\"crash-admin-secret\"}").get("access_token");
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not start: " + Files.readString(log));
    }

    private Map<String, Object> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body().startsWith("[") ? Map.of() : json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
    }

    private static long id(Map<String, Object> m) {
        return ((Number) m.get("id")).longValue();
    }

    private static Object call0(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
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

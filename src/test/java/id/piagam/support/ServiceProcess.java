package id.piagam.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import static org.awaitility.Awaitility.await;

/**
 * The service in a JVM of its own, as it runs in production: for tests that kill it or run two of
 * them on one database. It gets the database URL and, for PostgreSQL, the credentials; nothing of
 * the test JVM's own database settings leaks into it.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "process-admin-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final Process process;
    private final Path log;
    private final int port;
    private String token;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the service on a free port without waiting for it. */
    public static ServiceProcess launch(String dbUrl, String dbUser, String dbPassword) throws IOException {
        return launch(dbUrl, dbUser, dbPassword, Map.of());
    }

    /** Starts the service on a free port with these extra settings (system properties), without waiting for it. */
    public static ServiceProcess launch(String dbUrl, String dbUser, String dbPassword, Map<String, String> settings) throws IOException {
        return launch(dbUrl, dbUser, dbPassword, settings, List.of(), 0);
    }

    /**
     * The same on a given port (0: a free one), the java command run through {@code prefix} (e.g. {@code taskset -c 0}:
     * the instance on one core of its own, as the scale benchmark runs it).
     */
    public static ServiceProcess launch(String dbUrl, String dbUser, String dbPassword, Map<String, String> settings,
                                        List<String> prefix, int givenPort) throws IOException {
        int port = givenPort;
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
        }
        Path log = Path.of("target/test-db/service-" + port + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new java.util.ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dmicronaut.server.port=" + port, "-Ddatasources.default.url=" + dbUrl,
                "-Dpiagam.admin-password=" + ADMIN_PASSWORD));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (dbUser != null) {
            command.add("-Ddatasources.default.username=" + dbUser);
            command.add("-Ddatasources.default.password=" + dbPassword);
        }
        command.add("id.piagam.Application");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DATASOURCES_"));
        if (dbUrl.startsWith("jdbc:postgresql:")) {
            pb.environment().put("MICRONAUT_ENVIRONMENTS", "postgresql");
        } else {
            pb.environment().remove("MICRONAUT_ENVIRONMENTS");
        }
        return new ServiceProcess(pb.start(), log, port);
    }

    public static ServiceProcess start(String dbUrl, String dbUser, String dbPassword) throws Exception {
        return start(dbUrl, dbUser, dbPassword, Map.of());
    }

    public static ServiceProcess start(String dbUrl, String dbUser, String dbPassword, Map<String, String> settings) throws Exception {
        ServiceProcess p = launch(dbUrl, dbUser, dbPassword, settings);
        p.awaitHealth();
        return p;
    }

    /** Waits until the service answers, then signs in as the administrator. */
    public void awaitHealth() throws Exception {
        try {
            await("the service on port " + port + " answers /health").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("server did not start: " + Files.readString(log), e);
        }
        token = (String) call("POST", "/login", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}").get("access_token");
    }

    /** An API call as the administrator; a 3xx, 4xx or 5xx fails the test with the body. */
    public Map<String, Object> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body().startsWith("[") ? Map.of() : JSON.readValue(r.body(), Argument.mapOf(String.class, Object.class));
    }

    /** Any request, with its answer as it comes (status, headers, body), signed in as the administrator. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        return send(true, method, path, body, headers);
    }

    /** A request as a browser sends it: no bearer token, only the headers given (cookies among them). */
    public HttpResponse<String> browser(String method, String path, String body, String... headers) throws Exception {
        return send(false, method, path, body, headers);
    }

    private HttpResponse<String> send(boolean signedIn, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (signedIn && token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The process id: the mail sender names its instance after it in the outbox ({@code sent_by}). */
    /** What the service has printed so far (its log). */
    public String output() throws IOException {
        return Files.readString(log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no clean close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** A Bimtek everyone attended, with {@code people} participants (distinct NIKs), numbered by {@code pattern}. */
    public long seedBimtek(int people, String pattern) throws Exception {
        return seedBimtek(people, pattern, false);
    }

    /** The same, each participant with an email address of their own ({@code peserta<n>@contoh.go.id}) when {@code withEmail}. */
    public long seedBimtek(int people, String pattern, boolean withEmail) throws Exception {
        Map<String, Object> event = call("POST", "/api/events", """
                {"kind":"BIMTEK","title":"Bimtek Uji Proses","organiser":"BPSDM","place":"Surabaya","startDate":"2026-03-02",
                 "endDate":"2026-03-03","minAttendancePercent":80,"sessions":[{"date":"2026-03-02","topic":"Materi 1","jp":4},
                 {"date":"2026-03-03","topic":"Materi 2","jp":4}],
                 "certificate":{"numberPattern":"%s","signatory":{"position":"Kepala","name":"Dr. Hadi"}}}""".formatted(pattern));
        long eventId = ((Number) event.get("id")).longValue();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < people; i++) {
            String nik = String.format("3526%02d%02d%02d%02d%04d", 1 + i / 336 % 99, 1 + i % 28, 1 + (i / 28) % 12, 80, i + 1);
            long p = ((Number) call("POST", "/api/participants", "{\"fullName\":\"Peserta " + Fixtures.letters(i)
                    + "\",\"category\":\"NON_ASN\",\"nik\":\"" + nik + "\""
                    + (withEmail ? ",\"email\":\"peserta" + (i + 1) + "@contoh.go.id\"" : "") + "}").get("id")).longValue();
            call("POST", "/api/events/" + eventId + "/enrolments", "{\"participantId\":" + p + "}");
            ids.add(p);
        }
        for (Object s : (List<?>) event.get("sessions")) {
            StringBuilder sheet = new StringBuilder("[");
            for (int i = 0; i < ids.size(); i++) {
                sheet.append(i == 0 ? "" : ",").append("{\"participantId\":").append(ids.get(i)).append(",\"status\":\"HADIR\"}");
            }
            call("PUT", "/api/events/" + eventId + "/sessions/" + ((Map<?, ?>) s).get("id") + "/attendance", sheet.append("]").toString());
        }
        return eventId;
    }
}

package id.piagam;

import id.piagam.rendering.PdfChecks;
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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar as the README runs it ({@code mvn -B package -DskipTests}, then {@code java -jar}
 * from another folder, settings in environment variables): it starts on a new database with the demo
 * data, answers {@code /health}, signs in, issues certificates from the templates built into the jar,
 * and logs with the pattern of the service's logging ({@code LogbackConfiguration}). Needs the jar: {@code .ci/run} packages before the full suite.
 */
@Tag("processes")
class PackagedJarTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @TempDir
    Path folder;

    @Test
    void theJarStartsFromAnotherFolderAndIssues() throws Exception {
        Path jar = packagedJar();
        int port = freePort();
        Path log = folder.resolve("service.log");
        Process process = startJar(jar, port, true);
        try {
            String base = "http://127.0.0.1:" + port;
            String token = (String) json(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"jar-admin-secret\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()), Map.class).get("access_token");
            assertThat(token).as("a bearer token from /login").isNotBlank();

            List<?> events = (List<?>) json(get(base + "/api/events", token), Map.class).get("items");
            assertThat(events).as("the demo data (PIAGAM_DEMO)").hasSize(2);
            long eventId = ((Number) ((Map<?, ?>) events.get(0)).get("id")).longValue();
            HttpResponse<String> job = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events/" + eventId + "/certificates"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
            Object jobId = json(job, Map.class).get("id");
            await("the bulk job ends").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> json(get(base + "/api/jobs/" + jobId, token), Map.class).get("status"), s -> !"RUNNING".equals(s));
            assertThat(json(get(base + "/api/jobs/" + jobId, token), Map.class)).containsEntry("status", "DONE").containsEntry("failed", 0);

            List<?> certificates = json(get(base + "/api/events/" + eventId + "/certificates", token), List.class);
            assertThat(certificates).isNotEmpty();
            Map<?, ?> first = (Map<?, ?>) certificates.get(0);
            HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/certificates/" + first.get("id") + "/pdf"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(PdfChecks.text(pdf.body(), 1)).contains((String) first.get("number"), (String) first.get("holderName"));

            assertThat(Files.readString(log))
                    .as("the default templates built into the jar, and the logging pattern of LogbackConfiguration")
                    .contains("using the default templates built into the application")
                    .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  i\\.m\\.runtime\\.Micronaut - Startup completed in \\d+ms");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /**
     * src/main/sh/start.sh as the README runs it: the first start makes the class-data sharing archive
     * (cds-archive.sh: one start that answers /health and the sign-in page, then stopped), so its
     * classes include the first requests' and the service's /health answer comes with the request
     * path read from the archive; a newer jar (a new build) gets a new archive at its next start.
     */
    @Test
    void theStartScriptMakesTheArchiveOnceAndStartsFromIt() throws Exception {
        Path jar = folder.resolve("piagam.jar");
        Files.copy(packagedJar(), jar);
        int port = freePort();
        Path archive = folder.resolve("piagam.jsa");
        List<String> script = List.of(Path.of("src/main/sh/start.sh").toAbsolutePath().toString(), jar.toString());
        Process process = start(script, port, Map.of("JAVA_OPTS", "-Xshare:on -Xlog:class+load=info"));
        try {
            assertThat(archive).isNotEmptyFile();
            assertThat(Files.readString(folder.resolve("service.log")))
                    .contains("making the start-up archive piagam.jsa")
                    .as("the request path's classes come from the archive, not from the jar")
                    .containsPattern("io\\.micronaut\\.http\\.server\\.netty\\.NettyHttpRequest source: shared objects file \\(top\\)")
                    .containsPattern("io\\.micronaut\\.management\\.endpoint\\.health\\.HealthEndpoint\\$1 source: shared objects file \\(top\\)");
            assertThat(process.info().arguments().map(List::of).orElseThrow())
                    .as("the service's JVM starts from the archive").contains("-XX:SharedArchiveFile=piagam.jsa");
        } finally {
            process.destroy();
            process.waitFor();
        }
        long first = Files.getLastModifiedTime(archive).toMillis();

        Process again = start(script, port, Map.of());
        try {
            assertThat(Files.readString(folder.resolve("service.log"))).as("the archive is reused")
                    .doesNotContain("making the start-up archive");
        } finally {
            again.destroy();
            again.waitFor();
        }

        Files.setLastModifiedTime(jar, FileTime.fromMillis(first + 60_000));
        Process rebuilt = start(script, port, Map.of());
        try {
            assertThat(Files.readString(folder.resolve("service.log"))).as("a newer jar gets a new archive")
                    .contains("making the start-up archive piagam.jsa");
            assertThat(Files.getLastModifiedTime(archive).toMillis()).isGreaterThan(first);
        } finally {
            rebuilt.destroy();
            rebuilt.waitFor();
        }
    }

    /** java [options] -jar jar in the test's folder, its output in service.log; returns once /health answers */
    private Process startJar(Path jar, int port, boolean demo, String... options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", jar.toString()));
        return start(command, port, demo ? Map.of("PIAGAM_DEMO", "true") : Map.of());
    }

    /**
     * The command in the test's folder with the settings and these variables, its output in service.log; returns once
     * the command's own process is the JVM and /health answers.
     */
    private Process start(List<String> command, int port, Map<String, String> variables) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("service.log").toFile());
        settings(pb, port);
        pb.environment().putAll(variables);
        Process process = pb.start();
        try {
            await("the jar answers /health").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("the jar stopped", () -> !process.isAlive())
                    // a script runs java in its own process (exec): until then, a /health answer is another start's
                    .until(() -> process.info().command().map(c -> c.endsWith("/java")).orElse(false)
                            && get("http://127.0.0.1:" + port + "/health", null).statusCode() == 200);
        } catch (RuntimeException | Error e) {
            process.destroy();
            throw e;
        }
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void settings(ProcessBuilder pb, int port) {
        pb.environment().keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("PIAGAM_") || k.startsWith("MICRONAUT_"));
        pb.environment().put("PIAGAM_ADMIN_PASSWORD", "jar-admin-secret");
        pb.environment().put("PIAGAM_PORT", String.valueOf(port));
    }

    /** target/piagam-VERSION.jar, the shaded jar the README runs */
    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("piagam-[^/]*\\.jar")).toList();
            assertThat(jars).as("the packaged jar in target/ (mvn -B package -DskipTests before this test)").hasSize(1);
            return jars.get(0).toAbsolutePath();
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T json(HttpResponse<String> response, Class<T> type) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isLessThan(300);
        Argument<?> shape = type == List.class ? Argument.listOf(Argument.mapOf(String.class, Object.class))
                : Argument.mapOf(String.class, Object.class);
        return type.cast(JSON.readValue(response.body(), shape));
    }
}

package id.piagam.bench;

import id.piagam.programme.Event;
import id.piagam.support.Images;
import id.piagam.support.TestKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The cost of signing: the same 1,000 STTPs issued through the bulk job with the default template, unsigned,
 * signed (PAdES B-B) with an RSA 2048 key and with an ECDSA P-256 key from a PKCS#12 file, each in a fresh
 * database and service, in one run (medians of 3 timed rounds after a warm-up, as {@link IssueBenchmark}).
 * {@link IssueBenchmark} runs the two signed ones after its own (unsigned) lines; alone:
 * {@code java -Xmx256m -cp <test classpath> id.piagam.bench.SigningBenchmark} ({@code -Dbench.keys=RSA}: that case alone).
 */
final class SigningBenchmark {

    private SigningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target/bench/" + System.currentTimeMillis()).toAbsolutePath();
        Path templates = dir.resolve("templates");
        Images.templatesWithBackground(templates, "sttp-diklat-bg", Images.noisyJpeg(256 * 1024));
        System.out.printf("Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        run(dir, templates, true);
    }

    static void run(Path dir, Path templates, boolean withUnsigned) throws Exception {
        // -Dbench.keys=RSA (or EC, none, comma-separated): only those cases, e.g. a signed case in a fresh JVM for its cold round
        List<String> keys = List.of(System.getProperty("bench.keys", "none,RSA,EC").split(","));
        for (String algorithm : withUnsigned ? new String[]{"none", "RSA", "EC"} : new String[]{"RSA", "EC"}) {
            if (!keys.contains(algorithm)) {
                continue;
            }
            BenchDatabase db = BenchDatabase.fresh(dir, "bench-" + algorithm);
            Map<String, Object> properties = db.properties(Map.of("micronaut.server.port", -1,
                    "piagam.templates.dir", templates.toString(), "piagam.admin-password", "bench-admin-secret"));
            if (!algorithm.equals("none")) {
                TestKeys.Signer key = TestKeys.signer(Files.createDirectories(dir.resolve("keys")), algorithm, "Kepala BPSDM Bench");
                properties.put("piagam.signing.keystore", key.p12().toString());
                properties.put("piagam.signing.password", TestKeys.PASSWORD);
            }
            try (ApplicationContext ctx = ApplicationContext.run(properties, db.environments())) {
                EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
                Event event = IssueBenchmark.seed(ctx, "BENCH", 0, IssueBenchmark.CERTIFICATES);
                IssueBenchmark.report(switch (algorithm) {
                    case "RSA" -> "signed, RSA 2048 (PKCS#12)";
                    case "EC" -> "signed, ECDSA P-256 (PKCS#12)";
                    default -> "unsigned";
                }, ctx, server, db, event, null, 0);
            }
        }
    }
}

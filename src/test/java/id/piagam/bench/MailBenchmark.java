package id.piagam.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.piagam.programme.Event;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Email throughput (issue #15): 1,000 STTPs issued through the bulk job, every holder with an address, and the
 * outbox drained to a real SMTP server in the same JVM (GreenMail) with the certificate PDF attached and no
 * per-minute limit to speak of, so the figure is what the sender itself achieves. Reports messages per second
 * from the first to the last message sent (and while the bulk job was still issuing), and checks that every
 * holder got exactly one. {@code java -Xmx256m -cp <test classpath> id.piagam.bench.MailBenchmark}.
 */
final class MailBenchmark {

    private static final int HOLDERS = IssueBenchmark.CERTIFICATES;

    private MailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench/mail-" + System.currentTimeMillis()).toAbsolutePath());
        String url = "jdbc:sqlite:" + dir.resolve("bench.db") + "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000"
                + "&transaction_mode=IMMEDIATE&synchronous=NORMAL";
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        System.out.printf("Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (ApplicationContext ctx = ApplicationContext.run(Map.ofEntries(Map.entry("datasources.default.url", url),
                Map.entry("micronaut.server.port", -1), Map.entry("piagam.admin-password", "bench-admin-secret"),
                Map.entry("piagam.mail.smtp.host", "127.0.0.1"), Map.entry("piagam.mail.smtp.port", smtp.getSmtp().getPort()),
                Map.entry("piagam.mail.smtp.tls", "NONE"), Map.entry("piagam.mail.from", "piagam@bpsdm.contoh.go.id"),
                Map.entry("piagam.mail.poll", "200ms"), Map.entry("piagam.mail.per-minute", 1_000_000),
                Map.entry("piagam.mail.attach-pdf", true)), "bench")) {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
            Event event = IssueBenchmark.seed(ctx, "MAIL", 0, HOLDERS);
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE participant SET email = 'peserta' || id || '@contoh.go.id'");
            }
            String token = ZipFixture.login(server);
            long t0 = System.nanoTime();
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/events/" + event.id() + "/certificates"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count(url, "status = 'SENT'") == HOLDERS);
            double total = (System.nanoTime() - t0) / 1e9;
            if (smtp.getReceivedMessages().length != HOLDERS || count(url, "status <> 'SENT'") != 0) {
                throw new IllegalStateException("received " + smtp.getReceivedMessages().length + " emails for " + HOLDERS + " holders");
            }
            double drain = sentSpanSeconds(url);
            System.out.printf("email: %d messages with the PDF attached to GreenMail, one per holder; %.1f messages/second from the first to"
                    + " the last sent (%.1f s), %.1f s from the POST of the bulk issue to the last email%n", HOLDERS, HOLDERS / drain, drain, total);
        } finally {
            smtp.stop();
        }
    }

    private static long count(String url, String where) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM mail_outbox WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** From the first message sent to the last (SQLite keeps an instant as epoch milliseconds). */
    private static double sentSpanSeconds(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN(sent_at), MAX(sent_at) FROM mail_outbox WHERE status = 'SENT'")) {
            rs.next();
            return (rs.getLong(2) - rs.getLong(1)) / 1000.0;
        }
    }
}

package id.piagam.account;

import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;
/**
 * A form posted as Chromium posts it: the headers first, the body in later packets (so the body
 * still arrives while the filters run). The CSRF check reads the body without taking it from the
 * handler, whichever thread it runs on; the page answers, it does not hang.
 */
@MicronautTest(transactional = false)
class SlowFormBodyTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    @Test
    void addingRowsToTheEventFormAnswersWhenTheBodyArrivesAfterTheHeaders() throws Exception {
        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document blank = Jsoup.parse(staff.get("/kegiatan/baru?jenis=DIKLAT").body());
        Map<String, String> fields = Browser.fields(blank, "#event-form");
        fields.put("title", "Latihan Dasar CPNS");
        fields.put("tambahBaris", "1");
        for (int i = 0; i < 500; i++) {
            for (String f : List.of("id", "date", "startTime", "endTime", "topic", "jp", "facilitator", "facilitatorRole")) {
                fields.putIfAbsent("sessions[" + i + "]." + f, "");
            }
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        int rowsBefore = blank.select("#sessions tbody input[name$=.topic]").size();

        for (int attempt = 0; attempt < 20; attempt++) {
            String answer = postInPieces("/kegiatan/baru", body, staff.cookie(WebSessions.COOKIE));
            assertThat(answer).as("attempt %d", attempt).startsWith("HTTP/1.1 200");
            Document page = Jsoup.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(page.select("#sessions tbody input[name$=.topic]")).hasSize(rowsBefore + 5);
            assertThat(page.getElementById("title").val()).isEqualTo("Latihan Dasar CPNS");
        }
    }

    /**
     * An event form of sixty filled session rows (about 30,000 characters), sent as Chromium sends it,
     * again and again on one kept-alive connection: "Tambah baris" thirty times (sixty rows, three blank, five more), then the save. The CSRF
     * check once split the body on the blocking pool while it still arrived, which failed an assertion
     * in Netty's shared buffer and left the page hanging; every answer must be the page.
     */
    @Test
    void aSixtyRowEventFormPostedAgainAndAgainAlwaysAnswersWithThePage() throws Exception {
        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document blank = Jsoup.parse(staff.get("/kegiatan/baru?jenis=DIKLAT").body());
        Map<String, String> fields = Browser.fields(blank, "#event-form");
        fields.put("title", "Pelatihan Dasar CPNS Golongan III");
        fields.put("organiser", "BPSDM Provinsi Jawa Timur");
        fields.put("place", "Malang");
        fields.put("startDate", "2026-07-01");
        fields.put("endDate", "2026-07-15");
        for (int i = 0; i < 60; i++) {
            String p = "sessions[" + i + "].";
            fields.put(p + "id", "");
            fields.put(p + "date", "2026-07-" + String.format("%02d", 1 + i / 4));
            fields.put(p + "startTime", "08:00");
            fields.put(p + "endTime", "09:30");
            fields.put(p + "topic", "Materi pelatihan nomor " + (i + 1) + " tentang tata kelola pemerintahan");
            fields.put(p + "jp", "2");
            fields.put(p + "facilitator", "Dr. Fasilitator Ke-" + (i + 1) + ", M.Si.");
            fields.put(p + "facilitatorRole", "");
        }
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(20_000);
            socket.setTcpNoDelay(true);
            for (int attempt = 0; attempt < 30; attempt++) {
                Map<String, String> more = new HashMap<>(fields);
                more.put("tambahBaris", "1");
                String answer = postInPieces(socket, "/kegiatan/baru", encoded(more), staff.cookie(WebSessions.COOKIE), attempt % 3 * 15);
                assertThat(answer).as("attempt %d", attempt).startsWith("HTTP/1.1 200");
                Document page = Jsoup.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertThat(page.select("#sessions tbody input[name$=.topic]")).as("attempt %d", attempt).hasSize(68);
                assertThat(page.getElementById("sessions[59].topic").val()).startsWith("Materi pelatihan nomor 60");
            }
            // the save itself: refused (no signatory), with the form and its sixty rows back
            String saved = postInPieces(socket, "/kegiatan/baru", encoded(fields), staff.cookie(WebSessions.COOKIE), 15);
            assertThat(saved).startsWith("HTTP/1.1 400");
            assertThat(Jsoup.parse(saved.substring(saved.indexOf("\r\n\r\n") + 4)).getElementById("sessions[59].topic").val())
                    .startsWith("Materi pelatihan nomor 60");
        }
    }

    private static String encoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String postInPieces(String path, String body, String session) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(20_000);
            socket.setTcpNoDelay(true);
            return postInPieces(socket, path, body, session, 0);
        }
    }

    /** Chromium's request: its headers, then the body in small pieces a few milliseconds apart. */
    private String postInPieces(Socket socket, String path, String body, String session, int pauseMillis) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        String origin = "http://localhost:" + server.getPort();
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: localhost:" + server.getPort() + "\r\n"
                + "Connection: keep-alive\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "Cache-Control: max-age=0\r\n"
                + "Origin: " + origin + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Upgrade-Insecure-Requests: 1\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.0.0 Safari/537.36\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8\r\n"
                + "Sec-Fetch-Site: same-origin\r\n"
                + "Sec-Fetch-Mode: navigate\r\n"
                + "Sec-Fetch-User: ?1\r\n"
                + "Sec-Fetch-Dest: document\r\n"
                + "Referer: " + origin + "/kegiatan/baru?jenis=DIKLAT\r\n"
                + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
                + "Accept-Language: en-US,en;q=0.9\r\n"
                + "Cookie: " + WebSessions.COOKIE + "=" + session + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (int from = 0; from < bytes.length; from += 32) {
            if (pauseMillis > 0 && from % 4096 == 0) {
                // the filters run while the rest of the body is still to come
                await().pollDelay(Duration.ofMillis(pauseMillis)).atMost(Duration.ofMillis(pauseMillis + 1_000)).until(() -> true);
            }
            out.write(bytes, from, Math.min(32, bytes.length - from));
            out.flush();
        }
        return readResponse(socket.getInputStream());
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int contentLength = -1;
        int headerEnd = -1;
        while (headerEnd < 0 || read.size() < headerEnd + contentLength) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            read.write(buffer, 0, n);
            String text = read.toString(StandardCharsets.ISO_8859_1);
            if (headerEnd < 0 && text.contains("\r\n\r\n")) {
                headerEnd = text.indexOf("\r\n\r\n") + 4;
                String lower = text.substring(0, headerEnd).toLowerCase();
                int at = lower.indexOf("content-length:");
                contentLength = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
            }
        }
        byte[] all = read.toByteArray();
        if (headerEnd < 0) {
            return new String(all, StandardCharsets.UTF_8);
        }
        String head = new String(all, 0, headerEnd, StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOfRange(all, headerEnd, all.length);
        if (head.toLowerCase().contains("content-encoding: gzip")) {
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = gzip.readAllBytes();
            }
        }
        return head + new String(body, StandardCharsets.UTF_8);
    }
}

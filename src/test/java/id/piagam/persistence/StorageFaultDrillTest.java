package id.piagam.persistence;

import id.piagam.support.ServiceProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database on a small tmpfs: when the disk fills up, and when the file system turns read-only,
 * the running service answers writes with 503 and a message that says what is wrong (as a problem
 * document for the API, as a page for a browser), keeps serving reads, loses nothing committed, and
 * works again as soon as the space or the write access returns, without a restart.
 * Mounting needs root, as CI has (.ci/run runs as root on its clean machine).
 */
@DisabledIfEnvironmentVariable(named = "MICRONAUT_ENVIRONMENTS", matches = ".*postgresql.*",
        disabledReason = "the SQLite file on a tmpfs; PostgreSQL's disk_full and read-only states map to the same 503 (StorageFaultTest)")
// mounts a tmpfs: needs root; runs with -Pfull (as in CI)
@Tag("root")
class StorageFaultDrillTest {

    private static void sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out + " (mounting a tmpfs needs root)").isZero();
    }

    private static int participants(ServiceProcess s) throws Exception {
        return ((Number) s.call("GET", "/api/participants?size=1", null).get("total")).intValue();
    }

    private static HttpResponse<String> addPerson(ServiceProcess s, int n) throws Exception {
        return s.send("POST", "/api/participants", "{\"fullName\":\"Peserta Uji\",\"category\":\"NON_ASN\",\"nik\":\""
                + String.format("3578%02d01019%05d", 1 + n % 28, n) + "\"}", "Content-Type", "application/json");
    }

    @Test
    void aFullDiskAndAReadOnlyDatabaseAnswer503SayWhyAndRecoverWithoutARestart() throws Exception {
        Path mount = Path.of("target/test-db/tmpfs-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(mount);
        sh("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount.toString());
        Path db = mount.resolve("piagam.db");
        String url = "jdbc:sqlite:" + db + "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&transaction_mode=IMMEDIATE";
        List<Integer> created = new ArrayList<>();
        try {
            fillAndFree(url, mount, created);
            readOnlyThenWritable(url, mount, created);
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
        }
        assertThat(created).hasSizeGreaterThanOrEqualTo(7);
    }

    /** The disk fills up under the running service, then space returns. */
    private static void fillAndFree(String url, Path mount, List<Integer> created) throws Exception {
        try (ServiceProcess s = ServiceProcess.start(url, null, null)) {
            for (int i = 1; i <= 5; i++) {
                assertThat(addPerson(s, i).statusCode()).isEqualTo(201);
                created.add(i);
            }

            Path filler = mount.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] block = new byte[64 * 1024];
                while (true) {
                    out.write(block);
                }
            } catch (IOException full) {
                // no space left on the device
            }
            HttpResponse<String> refused = null;
            for (int i = 6; i < 200 && (refused == null || refused.statusCode() == 201); i++) {
                refused = addPerson(s, i); // the WAL may still hold a few pages
                if (refused.statusCode() == 201) {
                    created.add(i);
                }
            }
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).contains("storage-full").contains("Ruang penyimpanan server penuh");
            assertThat(refused.headers().firstValue("Retry-After")).contains("30");
            assertThat(participants(s)).as("reads go on").isEqualTo(created.size());
            // a browser signing in (which stores a session) gets a page that says what is wrong
            HttpResponse<String> form = s.browser("GET", "/masuk", null, "Accept", "text/html");
            String cookie = form.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';'))).reduce((a, b) -> a + "; " + b)
                    .orElse("");
            String csrf = org.jsoup.Jsoup.parse(form.body()).selectFirst("input[name=_csrf]").val();
            HttpResponse<String> page = s.browser("POST", "/masuk", "_csrf=" + csrf + "&username=admin&password=" + ServiceProcess.ADMIN_PASSWORD,
                    "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Cookie", cookie);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(org.jsoup.Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Penyimpanan server penuh");
            assertThat(page.body()).contains("Data yang sudah tersimpan aman");

            // space returns: the same running service writes again
            Files.delete(filler);
            HttpResponse<String> again = addPerson(s, 300);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            created.add(300);

            assertThat(participants(s)).isEqualTo(created.size());
            s.kill(); // as a crash would leave it: the WAL and its index stay beside the database
        }
    }

    /**
     * The file system is read-only when the service starts (a volume mounted read-only, or remounted so
     * by the kernel after errors), then becomes writable while the service runs.
     */
    private static void readOnlyThenWritable(String url, Path mount, List<Integer> created) throws Exception {
        sh("mount", "-o", "remount,ro", mount.toString());
        try (ServiceProcess s = ServiceProcess.start(url, null, null)) {
            assertThat(participants(s)).as("everything committed is there and readable").isEqualTo(created.size());
            HttpResponse<String> readOnly = addPerson(s, 301);
            assertThat(readOnly.statusCode()).as(readOnly.body()).isEqualTo(503);
            assertThat(readOnly.body()).contains("storage-read-only").contains("hanya dapat dibaca");
            HttpResponse<String> page = s.browser("GET", "/verify/bukan-kode", null, "Accept", "text/html");
            assertThat(page.statusCode()).as("pages that only read are served").isEqualTo(404);
            sh("mount", "-o", "remount,rw", mount.toString());
            HttpResponse<String> writable = addPerson(s, 302);
            assertThat(writable.statusCode()).as("writable again, same process: " + writable.body()).isEqualTo(201);
            created.add(302);
            assertThat(participants(s)).isEqualTo(created.size());
            s.stop();
        }
    }
}

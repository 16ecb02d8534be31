package id.piagam.exchange;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The training history for SIASN: completed programmes only, dates dd-MM-yyyy, per person and per event. */
@MicronautTest(transactional = false)
class SiasnExportTest extends ApiTest {

    private byte[] download(String path) {
        return httpClient.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getLastCellNum(); i++) {
                    cells.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void anAttendanceLetterOfAFailedDiklatIsNotACompletedProgrammeAndIsNotExported() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("track", "KL04").with("code", "SIASN-01").with("attendanceLetter", true));
        long lulus = s.attending(901, "Ahmad Fauzi");
        s.scored(lulus, 85, 90);
        long gagal = s.attending(902, "Citra Lestari");
        s.scored(gagal, 40, 40);
        Api.Res sttp = s.issue(lulus);
        Api.Res letter = s.issue(gagal);
        assertThat(sttp.get("kind")).isEqualTo("COMPETENCY");
        assertThat(letter.get("kind")).isEqualTo("ATTENDANCE");

        Map<String, Object> failedRecord = operator.get("/api/participants/" + gagal + "/records").map();
        Map<?, ?> event = (Map<?, ?>) ((List<?>) failedRecord.get("events")).get(0);
        assertThat(event.get("completed")).isEqualTo(false);
        assertThat(event.get("creditedJp")).isEqualTo(0);
        Map<?, ?> passed = (Map<?, ?>) ((List<?>) operator.get("/api/participants/" + lulus + "/records").get("events")).get(0);
        assertThat(passed.get("completed")).isEqualTo(true);

        String none = new String(download("/api/participants/" + gagal + "/siasn.csv"), StandardCharsets.UTF_8);
        assertThat(none.strip().lines()).hasSize(1).allMatch(l -> l.contains("Nomor Sertifikat"));
        assertThat(none).doesNotContain((String) letter.get("number"));

        String mine = new String(download("/api/participants/" + lulus + "/siasn.csv"), StandardCharsets.UTF_8);
        assertThat(mine).contains("Diklat Fungsional,KL04,Pelatihan Pengadaan Barang/Jasa,BPSDM Provinsi Jawa Timur,"
                + sttp.get("number") + ",02-03-2026,06-03-2026,2026,8," + sttp.get("verifyUrl"));

        List<List<String>> batch = rows(download("/api/events/" + s.eventId + "/siasn.xlsx"));
        assertThat(batch.get(0)).containsExactly("NIP", "Nama", "Jenis", "Kode Jalur (LAN)", "Nama Kursus/Diklat",
                "Institusi Penyelenggara", "Nomor Sertifikat", "Tanggal Mulai", "Tanggal Selesai", "Tahun", "Jumlah Jam",
                "Tautan Verifikasi");
        assertThat(batch).hasSize(2);
        assertThat(batch.get(1)).containsExactly((String) operator.get("/api/participants/" + lulus).get("nip"), "Ahmad Fauzi, S.Kom.", "Diklat Fungsional", "KL04",
                "Pelatihan Pengadaan Barang/Jasa", "BPSDM Provinsi Jawa Timur", (String) sttp.get("number"), "02-03-2026", "06-03-2026",
                "2026", "8", (String) sttp.get("verifyUrl"));
        String csv = new String(download("/api/events/" + s.eventId + "/siasn.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains((String) sttp.get("number")).doesNotContain((String) letter.get("number"));
    }

    @Test
    void aBimtekIsAKursusAndItsPageLinksTheBatchFile() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long hadir = s.attending(903, "Budi Santoso");
        Api.Res c = s.issue(hadir);
        List<List<String>> batch = rows(download("/api/events/" + s.eventId + "/siasn.xlsx"));
        assertThat(batch).hasSize(2);
        assertThat(batch.get(1).subList(2, 5)).containsExactly("Kursus", "KL10", "Bimtek SIPD");
        assertThat(batch.get(1).get(6)).isEqualTo(c.get("number"));
        assertThat(operator.get("/api/events/" + s.eventId + "/siasn.pdf").status()).isEqualTo(404);

        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document page = Jsoup.parse(browser.get("/kegiatan/" + s.eventId).body());
        Api.Res linked = browser.get(page.selectFirst("#siasn-xlsx").attr("href"));
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.contentType()).startsWith("application/vnd.openxmlformats");
    }
}

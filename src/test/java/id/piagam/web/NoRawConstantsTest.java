package id.piagam.web;

import id.piagam.account.Role;
import id.piagam.assessment.Assessment;
import id.piagam.attendance.AttendanceStatus;
import id.piagam.certificate.CertificateKind;
import id.piagam.certificate.CertificateStatus;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.EnrolmentStatus;
import id.piagam.participant.Category;
import id.piagam.programme.EventKind;
import id.piagam.programme.FacilitatorRole;
import id.piagam.programme.Mode;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No page or export of a realistic event shows a raw enum constant (COMPETENCY, NON_ASN, PESERTA …). */
@MicronautTest(transactional = false)
class NoRawConstantsTest extends ApiTest {

    private static final Pattern TOKEN = Pattern.compile("\\b[A-Z]{3,}(_[A-Z]+)*\\b");

    @Inject
    Messages messages;

    /** Every constant a person may see whose label is not the constant itself (PNS stays PNS). */
    private Set<String> rawConstants() {
        Set<String> raw = new TreeSet<>();
        Stream.of(EventKind.values(), CertificateKind.values(), CertificateStatus.values(), Category.values(), EnrolmentRole.values(),
                EnrolmentStatus.values(), AttendanceStatus.values(), Assessment.Result.values(), Role.values(), Mode.values(),
                FacilitatorRole.values()).flatMap(Stream::of).forEach(c -> {
            for (Locale l : List.of(Messages.INDONESIAN, Locale.ENGLISH)) {
                if (!messages.label(l, c).equals(c.name())) {
                    raw.add(c.name());
                }
            }
        });
        raw.addAll(List.of("ISSUE", "REISSUE", "REVOKE"));
        return raw;
    }

    private byte[] download(String path) {
        return httpClient.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(anonymous.login("admin", "test-admin-secret")), byte[].class);
    }

    @Test
    void pagesAndExportsOfARealisticEventShowLabelsAndNumbersNeverRawConstants() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "LBL-01"));
        long lulus = s.attending(700, "Ratna Dewi");
        s.scored(lulus, 85, 90);
        long gagal = s.absent(701, "Yusuf Hidayat");
        Map<String, Object> nonAsn = Fixtures.aPns(702, "Dian Lestari");
        nonAsn.put("category", "NON_ASN");
        nonAsn.remove("nip");
        nonAsn.remove("golongan");
        nonAsn.put("nik", "3528010312760002");
        Api.Res other = operator.post("/api/participants", nonAsn);
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        Api.Res issued = s.issue(lulus);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Api.Res reissued = admin.post("/api/certificates/" + issued.id() + "/reissue", Map.of("reason", "Nama salah ketik"));
        assertThat(reissued.status()).as(reissued.body()).isIn(200, 201);

        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Map<String, String> seen = new LinkedHashMap<>();
        for (String page : List.of("/", "/kegiatan", "/kegiatan/" + s.eventId, "/kegiatan/" + s.eventId + "/kehadiran",
                "/kegiatan/" + s.eventId + "/nilai", "/sertifikat/" + issued.id(), "/peserta", "/peserta/" + lulus,
                "/peserta/" + other.id(), "/admin/pengguna", "/admin/templat", "/admin/skala-nilai")) {
            Api.Res r = browser.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            var doc = Jsoup.parse(r.body());
            doc.select("script, [hidden]").remove();
            StringBuilder visible = new StringBuilder(doc.body().text());
            doc.select("option[selected], select option:first-child").forEach(o -> visible.append(' ').append(o.text()));
            seen.put(page, visible.toString());
        }
        seen.put("records.csv", new String(download("/api/events/" + s.eventId + "/records.csv"), StandardCharsets.UTF_8));
        seen.put("participants.csv", new String(download("/api/participants/export.csv"), StandardCharsets.UTF_8));
        byte[] xlsx = download("/api/events/" + s.eventId + "/records.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder cells = new StringBuilder();
            DataFormatter format = new DataFormatter();
            wb.getSheetAt(0).forEach(row -> row.forEach(c -> cells.append(format.formatCellValue(c)).append(' ')));
            seen.put("records.xlsx", cells.toString());
            var header = wb.getSheetAt(0).getRow(0);
            var first = wb.getSheetAt(0).getRow(1);
            for (String numeric : List.of("Kehadiran (%)", "JP Hadir", "JP Total")) {
                int col = -1;
                for (int i = 0; i < header.getLastCellNum(); i++) {
                    if (header.getCell(i).getStringCellValue().equals(numeric)) {
                        col = i;
                    }
                }
                assertThat(first.getCell(col).getCellType()).as(numeric).isEqualTo(CellType.NUMERIC);
            }
        }

        Set<String> raw = rawConstants();
        Map<String, Set<String>> found = new LinkedHashMap<>();
        seen.forEach((where, text) -> {
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                if (raw.contains(m.group())) {
                    found.computeIfAbsent(where, k -> new TreeSet<>()).add(m.group());
                }
            }
        });
        assertThat(found).as("raw constants shown").isEmpty();
        assertThat(gagal).isPositive();
    }
}

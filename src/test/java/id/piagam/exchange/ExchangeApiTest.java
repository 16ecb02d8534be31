package id.piagam.exchange;

import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.participant.ParticipantRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ExchangeApiTest extends ApiTest {

    @Inject
    ParticipantRepository participants;
    @Inject
    EnrolmentRepository enrolments;

    private Api.Res upload(long eventId, String path, String fileName, byte[] bytes, String mode) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes);
        if (mode != null) {
            body.addPart("mode", mode);
        }
        return operator.send(HttpRequest.POST("/api/events/" + eventId + path, body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private byte[] download(String path) {
        return download(path, "id");
    }

    private byte[] download(String path, String language) {
        return httpClient.toBlocking().retrieve(HttpRequest.GET(path).header("Accept-Language", language)
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
    }

    /**
     * A list as a secretariat would send it, with people distinct for each {@code n}: three good rows
     * (a PNS, a PNS already known, a Non-ASN), a row with a bad NIP and golongan, and a row repeating row 2's NIP.
     */
    private static String csv(int n) {
        java.time.LocalDate rina = java.time.LocalDate.of(1980, 1, 1).plusDays(n);
        java.time.LocalDate bambang = java.time.LocalDate.of(1975, 1, 1).plusDays(n);
        java.time.format.DateTimeFormatter ymd = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
        String rinaNip = rina.format(ymd) + "200503" + "2" + "001";
        return "No;Nama Lengkap;Gelar Belakang;NIP;NIK;Kategori;Tanggal Lahir;L/P;Gol.;Instansi;Email\n"
                + "1;Rina Marlina;S.E.;" + rinaNip + ";;PNS;" + rina.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + ";P;III/d;Pemkab Sumenep;rina" + n + "@contoh.go.id\n"
                + "2;Bambang Wijaya;;" + bambangNip(n) + ";;;" + bambang.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))
                + ";L;IV/a;Pemkab Sumenep;\n"
                + "3;Citra Dewi;;;" + String.format("3526%02d", n) + "4312900007;Non-ASN;3 Desember 1990;P;;Universitas Trunojoyo;\n"
                + "4;Dedi Salah;;196713031994031009;;PNS;;L;V/a;Pemkab Sumenep;\n"
                + "5;Rina Kembar;;" + rinaNip + ";;PNS;;P;;Pemkab Sumenep;\n";
    }

    private static String bambangNip(int n) {
        return java.time.LocalDate.of(1975, 1, 1).plusDays(n).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "200503" + "1" + "002";
    }

    @Test
    void previewShowsEachRowsFateAndWritesNothing() {
        long known = operator.post("/api/participants", Map.of("fullName", "Bambang Wijaya", "category", "PNS",
                "nip", bambangNip(1))).id();
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        long before = participants.count();
        Api.Res r = upload(eventId, "/imports/preview", "daftar.csv", csv(1).getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.get("imported")).isEqualTo(false);
        assertThat(r.get("total")).isEqualTo(5);
        assertThat(r.get("created")).isEqualTo(2);
        assertThat(r.get("matched")).isEqualTo(1);
        assertThat(r.get("invalid")).isEqualTo(2);
        assertThat((List<Object>) r.get("unrecognisedColumns")).containsExactly("No");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.get("rows");
        assertThat(rows.get(0)).containsEntry("row", 2).containsEntry("status", "NEW");
        assertThat(rows.get(1)).containsEntry("status", "MATCHED").containsEntry("participantId", (int) known);
        assertThat(rows.get(3)).containsEntry("row", 5).containsEntry("status", "INVALID");
        assertThat((List<Map<String, Object>>) rows.get(3).get("errors")).extracting(e -> e.get("field")).contains("nip", "golongan");
        assertThat((List<Map<String, Object>>) rows.get(4).get("errors")).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo("nip");
            assertThat((String) e.get("message")).isEqualTo("Sama dengan baris 2 di berkas ini.");
        });
        assertThat(participants.count()).isEqualTo(before);
        assertThat(enrolments.countByEventId(eventId)).isZero();
    }

    @Test
    void importingIsAllOrNothingUnlessValidRowsOnlyIsChosen() {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        long before = participants.count();
        Api.Res refused = upload(eventId, "/imports", "daftar.csv", csv(2).getBytes(StandardCharsets.UTF_8), null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.get("type")).isEqualTo("https://piagam.id/problems/import-has-errors");
        assertThat(refused.errorFields()).contains("rows[5].nip", "rows[5].golongan", "rows[6].nip");
        assertThat(participants.count()).isEqualTo(before);
        assertThat(enrolments.countByEventId(eventId)).isZero();

        Api.Res done = upload(eventId, "/imports", "daftar.csv", csv(2).getBytes(StandardCharsets.UTF_8), "VALID_ONLY");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.get("imported")).isEqualTo(true);
        assertThat(enrolments.countByEventId(eventId)).isEqualTo(3);
        long afterFirst = participants.count();
        assertThat(afterFirst).isEqualTo(before + 3);

        // the same list again: everyone is known and enrolled already, nobody is duplicated
        Api.Res again = upload(eventId, "/imports/preview", "daftar.csv", csv(2).getBytes(StandardCharsets.UTF_8), null);
        assertThat(again.get("alreadyEnrolled")).isEqualTo(3);
        assertThat(upload(eventId, "/imports", "daftar.csv", csv(2).getBytes(StandardCharsets.UTF_8), "VALID_ONLY").status()).isEqualTo(200);
        assertThat(participants.count()).isEqualTo(afterFirst);
        assertThat(enrolments.countByEventId(eventId)).isEqualTo(3);
        assertThat(upload(eventId, "/imports", "daftar.csv", csv(2).getBytes(StandardCharsets.UTF_8), "SEBAGIAN").errorFields())
                .containsExactly("mode");
    }

    @Test
    void theBlankTemplateHasAGuideAListWithNoOneInItAndAnExample() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("/api/imports/template.xlsx", "id")))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2))).containsExactly("Petunjuk", "Peserta", "Contoh");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Petunjuk pengisian daftar peserta");
            var list = wb.getSheet("Peserta");
            assertThat(list.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Nama Lengkap");
            assertThat(list.getLastRowNum()).as("no sample person to import by mistake").isZero();
            // Text for the whole column, so a number typed in any row stays as typed
            for (String field : List.of("nip", "nik", "nrp", "phone", "birthDate", "golongan")) {
                int column = ColumnMapping.FIELDS.indexOf(field);
                assertThat(list.getColumnStyle(column)).as(field).isNotNull();
                assertThat(list.getColumnStyle(column).getDataFormatString()).as(field).isEqualTo("@");
            }
            assertThat(wb.getSheet("Contoh").getRow(1).getCell(0).getStringCellValue()).isEqualTo("Siti Aminah");
            assertThat(wb.getSheet("Contoh").getRow(1).getCell(3).getStringCellValue()).isEqualTo("198503142010012015");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("/api/imports/template.xlsx", "en")))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("How to fill in the participant list");
        }
        String csv = new String(download("/api/imports/template.csv", "id"), StandardCharsets.UTF_8);
        assertThat(csv.strip().lines()).containsExactly("\uFEFF" + String.join(",", ColumnMapping.HEADERS.values()));
    }

    @Test
    void theUntouchedTemplateImportsNothingAndSaysTheListIsEmpty() {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        long before = participants.count();
        Api.Res r = upload(eventId, "/imports", "templat-peserta.xlsx", download("/api/imports/template.xlsx", "id"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("file");
            assertThat(e.get("code")).isEqualTo("import.sheetEmpty");
            assertThat((String) e.get("message")).startsWith("Lembar Peserta belum berisi peserta");
        });
        assertThat(upload(eventId, "/imports", "templat-peserta.csv", download("/api/imports/template.csv", "id"), null).errors())
                .extracting(e -> e.get("code")).containsExactly("import.noRows");
        assertThat(participants.count()).isEqualTo(before);
        assertThat(enrolments.countByEventId(eventId)).isZero();
    }

    @Test
    void aNipTypedIntoRow50OfTheTemplateArrivesExact() throws Exception {
        String nip = (String) Fixtures.aPns(1250, "Yusuf Maulana").get("nip");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("/api/imports/template.xlsx", "id")))) {
            var list = wb.getSheet("Peserta");
            // as Excel keeps what is typed into a cell of a Text column: the column's style, the digits as a string
            Row row = list.createRow(49);
            row.createCell(0).setCellValue("Yusuf Maulana");
            for (var entry : Map.of("nip", nip, "phone", "081234567891").entrySet()) {
                int column = ColumnMapping.FIELDS.indexOf(entry.getKey());
                row.createCell(column).setCellStyle(list.getColumnStyle(column));
                row.getCell(column).setCellValue(entry.getValue());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
            Api.Res r = upload(eventId, "/imports", "isian.xlsx", out.toByteArray(), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat((List<?>) r.get("unrecognisedColumns")).isEmpty();
            assertThat((List<Map<String, Object>>) r.get("rows")).singleElement().satisfies(line -> assertThat(line.get("row")).isEqualTo(50));
            assertThat(participants.findByNip(nip)).hasValueSatisfying(p -> {
                assertThat(p.fullName()).isEqualTo("Yusuf Maulana");
                assertThat(p.phone()).isEqualTo("081234567891");
            });
            assertThat(enrolments.countByEventId(eventId)).isEqualTo(1);
        }
    }

    @Test
    void badFilesAreRefusedByNameAndSize() {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        Api.Res fake = upload(eventId, "/imports/preview", "daftar.xlsx", "Nama\nBudi".getBytes(), null);
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.errorFields()).containsExactly("file");
        assertThat((String) fake.errors().get(0).get("message")).contains("bukan XLSX");
        Api.Res noName = upload(eventId, "/imports/preview", "daftar.csv", "NIP,Instansi\n1,2\n".getBytes(), null);
        assertThat((String) noName.errors().get(0).get("message")).contains("Nama Lengkap");
        Api.Res huge = upload(eventId, "/imports/preview", "besar.csv", new byte[6 * 1024 * 1024], null);
        assertThat(huge.status()).isEqualTo(413);
    }

    @Test
    void exportsNeutraliseFormulasAndCarryTheRecords() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "EKS-01"));
        long p = s.attending(600, "Eko Formula");
        Map<String, Object> person = Fixtures.aPns(600, "Eko Formula");
        person.put("jabatan", "=HYPERLINK(\"http://contoh.test\",\"klik\")");
        operator.put("/api/participants/" + p, person);
        s.scored(p, 90, 90);
        String number = (String) s.issue(p).get("number");

        String csv = new String(download("/api/participants/export.csv?q=formula"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("/api/participants/export.xlsx?q=formula")))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(11).getStringCellValue()).startsWith("'=HYPERLINK(");
        }
        String records = new String(download("/api/events/" + s.eventId + "/records.csv"), StandardCharsets.UTF_8);
        assertThat(records).contains("Eko Formula, S.Kom.").contains("100.00").contains("Ya").contains(number);
        String siasn = new String(download("/api/participants/" + p + "/siasn.csv"), StandardCharsets.UTF_8);
        assertThat(siasn).contains("Jenis,Kode Jalur (LAN),Nama Kursus/Diklat,Institusi Penyelenggara,Nomor Sertifikat,Tanggal Mulai")
                .contains("Kursus,KL03,Pelatihan Pengadaan Barang/Jasa,BPSDM Provinsi Jawa Timur," + number + ",02-03-2026,06-03-2026,2026,8,");
        assertThat(operator.get("/api/participants/export.pdf").status()).isEqualTo(404);
    }
}

package id.piagam.exchange;

import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.participant.ParticipantRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.Sheets;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;


import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Import: one person is one person. Identity is decided by NIP or NIK, never by an email or phone. */
@MicronautTest(transactional = false)
class ImportIdentityTest extends ApiTest {

    @Inject
    ParticipantRepository participants;
    @Inject
    EnrolmentRepository enrolments;

    private Api.Res upload(long eventId, String path, String fileName, byte[] bytes, Map<String, String> parts) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes);
        parts.forEach(body::addPart);
        return operator.send(HttpRequest.POST("/api/events/" + eventId + path, body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private long create(Map<String, Object> person) {
        Api.Res r = operator.post("/api/participants", person);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    private static Map<String, Object> person(String name, String category, String nip, String nik, String email, String phone,
                                              String instansi) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fullName", name);
        p.put("category", category);
        p.put("nip", nip);
        p.put("nik", nik);
        p.put("email", email);
        p.put("phone", phone);
        p.put("instansi", instansi);
        return p;
    }

    /** Known people, and a list in which rows point at them by NIP, NIK, email and phone. */
    private final class Known {
        final long otherDewi;
        final long sri;
        final long agus;
        final long rudi;
        final String rudiNip;
        final String csv;

        Known(int n) {
            String tail = String.format("%02d", n);
            otherDewi = create(person("Dewi Lestari", "PNS", "1968091319920320" + tail, null,
                    "dewi" + n + "@contoh.go.id", null, "Pemprov Jawa Timur"));
            sri = create(person("Sri Wahyuni", "PNS", "1985091320100120" + tail, "35270153098500" + tail,
                    null, null, "Pemkab Sumenep"));
            agus = create(person("Agus Salim", "NON_ASN", null, "35270112048000" + tail, null,
                    "0813000000" + tail, "Universitas Trunojoyo"));
            Map<String, Object> r = Fixtures.aPns(870 + n, "Rudi Hartono");
            rudi = create(r);
            rudiNip = (String) r.get("nip");
            csv = "Nama Lengkap;NIP;NIK;Gol.;Instansi;Email;No. HP\n"
                    + "Dewi Lestari;1988072220140220" + tail + ";;III/a;Pemkab Sampang;dewi" + n + "@contoh.go.id;\n"
                    + "Sri Wahyuni;1985091320100120" + String.format("%02d", n + 50) + ";35270153098500" + tail + ";III/b;Pemkab Sumenep;;\n"
                    + "Rudi Hartono;" + rudiNip + ";;III/c;Pemerintah Kabupaten Sumenep;;\n"
                    + "Budi Santoso;1979010220050310" + tail + ";;III/d;Pemkab Sumenep;;0813000000" + tail + "\n"
                    + "Lina Marlina;1990030320150320" + tail + ";;III/a;Pemkab Sumenep;;\n";
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRowWhoseEmailNikOrPhoneBelongsToSomeoneElseIsAConflictNeverImported() {
        Known k = new Known(11);
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        long people = participants.count();
        byte[] file = k.csv.getBytes(StandardCharsets.UTF_8);

        Api.Res preview = upload(eventId, "/imports/preview", "daftar.csv", file, Map.of());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) preview.get("rows");
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("CONFLICT", "CONFLICT", "MATCHED", "CONFLICT", "NEW");
        assertThat(preview.get("conflicts")).isEqualTo(3);
        assertThat(preview.get("matched")).isEqualTo(1);
        assertThat(preview.get("created")).isEqualTo(1);

        // the email of another Dewi: both identities side by side, the other one named in the reason
        Map<String, Object> dewi = rows.get(0);
        assertThat((Map<String, Object>) dewi.get("sheet")).containsEntry("nip", "198807222014022011");
        assertThat((Map<String, Object>) dewi.get("known")).containsEntry("id", (int) k.otherDewi)
                .containsEntry("nip", "196809131992032011").containsEntry("instansi", "Pemprov Jawa Timur");
        assertThat((List<Map<String, Object>>) dewi.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("email");
            assertThat((String) e.get("message")).contains("orang lain").contains("Dewi Lestari, NIP 196809131992032011");
        });
        assertThat(dewi.get("participantId")).isNull();
        // a NIK on file under another NIP
        assertThat((List<Map<String, Object>>) rows.get(1).get("errors")).extracting(e -> e.get("field")).containsExactly("nip");
        assertThat((Map<String, Object>) rows.get(1).get("known")).containsEntry("id", (int) k.sri);
        // a phone on file for someone else
        assertThat((List<Map<String, Object>>) rows.get(3).get("errors")).extracting(e -> e.get("field")).containsExactly("phone");
        assertThat((Map<String, Object>) rows.get(3).get("known")).containsEntry("id", (int) k.agus);
        // a match says who, and what differs
        Map<String, Object> rudi = rows.get(2);
        assertThat((Map<String, Object>) rudi.get("known")).containsEntry("id", (int) k.rudi).containsEntry("nip", k.rudiNip)
                .containsEntry("instansi", "Pemerintah Kabupaten Pamekasan");
        assertThat((List<Map<String, Object>>) rudi.get("differences")).containsExactly(
                Map.of("field", "golongan", "sheet", "III/c", "stored", "III/b"),
                Map.of("field", "instansi", "sheet", "Pemerintah Kabupaten Sumenep", "stored", "Pemerintah Kabupaten Pamekasan"));

        // all or nothing: conflicts refuse the whole file
        Api.Res all = upload(eventId, "/imports", "daftar.csv", file, Map.of());
        assertThat(all.status()).isEqualTo(422);
        assertThat(all.errorFields()).contains("rows[2].email", "rows[3].nip", "rows[5].phone");
        assertThat(participants.count()).isEqualTo(people);
        assertThat(enrolments.countByEventId(eventId)).isZero();

        // valid rows only: conflicts are skipped, the stored people stay as they are
        Api.Res done = upload(eventId, "/imports", "daftar.csv", file, Map.of("mode", "VALID_ONLY"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.get("updated")).isEqualTo(0);
        assertThat(enrolments.countByEventId(eventId)).isEqualTo(2);
        assertThat(enrolments.findByEventIdAndParticipantId(eventId, k.rudi)).isPresent();
        assertThat(enrolments.findByEventIdAndParticipantId(eventId, k.otherDewi)).isEmpty();
        assertThat(participants.count()).isEqualTo(people + 1);
        assertThat(operator.get("/api/participants/" + k.otherDewi).get("nip")).isEqualTo("196809131992032011");
        Api.Res rudiNow = operator.get("/api/participants/" + k.rudi);
        assertThat(rudiNow.get("golongan")).isEqualTo("III/b");
        assertThat(rudiNow.get("instansi")).isEqualTo("Pemerintah Kabupaten Pamekasan");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOperatorMayTakeOverTheSheetsDataForMatchedPeopleOnThePage() {
        Known k = new Known(12);
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        MultipartBody body = MultipartBody.builder().addPart("_csrf", browser.csrf())
                .addPart("file", "daftar.csv", MediaType.APPLICATION_OCTET_STREAM_TYPE, k.csv.getBytes(StandardCharsets.UTF_8)).build();
        Api.Res preview = browser.send(HttpRequest.POST("/kegiatan/" + eventId + "/impor", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Document doc = Jsoup.parse(preview.body());
        assertThat(doc.select("#rows tbody > tr").eachAttr("data-status")).containsExactly("CONFLICT", "CONFLICT", "MATCHED", "CONFLICT", "NEW");
        var conflict = doc.selectFirst("#rows tr[data-row=2]");
        assertThat(conflict.selectFirst(".id-nip td:nth-of-type(1)").text()).isEqualTo("198807222014022012");
        assertThat(conflict.selectFirst(".id-nip td:nth-of-type(2)").text()).isEqualTo("196809131992032012");
        assertThat(conflict.selectFirst(".id-instansi td:nth-of-type(2)").text()).isEqualTo("Pemprov Jawa Timur");
        var matched = doc.selectFirst("#rows tr[data-row=4]");
        assertThat(matched.selectFirst(".id-name td:nth-of-type(2)").text()).isEqualTo("Rudi Hartono, S.Kom.");
        assertThat(matched.select(".differs li").eachAttr("data-field")).containsExactly("golongan", "instansi");
        assertThat(matched.selectFirst(".differs li").text()).contains("III/b → III/c");
        assertThat(doc.select("#confirm button").eachAttr("value")).containsExactly("VALID_ONLY");
        assertThat(doc.selectFirst("#confirm input#updateKnown")).isNotNull();

        String action = doc.selectFirst("#confirm form").attr("action");
        Api.Res done = browser.post(action, Map.of("_csrf", browser.csrf(), "mode", "VALID_ONLY", "updateKnown", "true"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(Jsoup.parse(done.body()).selectFirst("#updated").text()).isEqualTo("1");
        Api.Res rudi = operator.get("/api/participants/" + k.rudi);
        assertThat(rudi.get("golongan")).isEqualTo("III/c");
        assertThat(rudi.get("instansi")).isEqualTo("Pemerintah Kabupaten Sumenep");
        assertThat(rudi.get("jabatan")).as("an empty cell never blanks stored data").isEqualTo("Pranata Komputer Ahli Pertama");
        assertThat(operator.get("/api/participants/" + k.otherDewi).get("instansi")).isEqualTo("Pemprov Jawa Timur");
        assertThat(enrolments.countByEventId(eventId)).isEqualTo(2);
    }

    private static List<Map<String, Object>> errors(Map<String, Object> row) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) row.get("errors");
        return errors;
    }

    @Test
    @SuppressWarnings("unchecked")
    void numbersExcelRoundedAreExplainedNotReportedAsDuplicates() throws Exception {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        // typed as numbers, as Excel keeps them
        byte[] file = Sheets.cells(Arrays.asList(List.of("Nama Lengkap", "NIP", "NIK"),
                Arrays.asList("Dewi Lestari", 198807222014022001d, null), Arrays.asList("Rina Marlina", 198807222014022002d, null),
                Arrays.asList("Citra Dewi", null, 3527015309850011d)));
        Api.Res r = upload(eventId, "/imports/preview", "angka.xlsx", file, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.get("rows");
        assertThat(rows).extracting(x -> x.get("status")).containsOnly("INVALID");
        String message = "Excel menyimpan nomor ini sebagai bilangan dan membulatkan digit terakhirnya, jadi nomornya tidak dapat dipakai. "
                + "Format kolom ini sebagai Teks, lalu ketik ulang nomornya.";
        assertThat(errors(rows.get(0))).extracting(e -> e.get("field"), e -> e.get("message")).containsExactly(tuple("nip", message));
        assertThat(errors(rows.get(1))).extracting(e -> e.get("field"), e -> e.get("message")).containsExactly(tuple("nip", message));
        assertThat(errors(rows.get(2))).extracting(e -> e.get("field"), e -> e.get("message")).containsExactly(tuple("nik", message));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFormulaInAnIdentityColumnMakesTheRowInvalid() throws Exception {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        byte[] file = Sheets.cells(List.of(List.of("Nama Lengkap", "NIK", "Email"),
                List.of(new Sheets.Formula("HYPERLINK(\"http://contoh.test\",\"klik\")", "klik"), "3527011204800021"),
                List.of("Yusuf Maulana", "3527011204800022", new Sheets.Formula("LOWER(\"YUSUF@CONTOH.GO.ID\")", "yusuf@contoh.go.id"))));
        long people = participants.count();
        Api.Res r = upload(eventId, "/imports", "rumus.xlsx", file, Map.of("mode", "VALID_ONLY"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.get("rows");
        assertThat(rows).extracting(x -> x.get("status")).containsExactly("INVALID", "INVALID");
        assertThat(errors(rows.get(0))).extracting(e -> e.get("field")).containsExactly("fullName");
        assertThat((String) errors(rows.get(0)).get(0).get("message")).startsWith("Sel ini berisi rumus");
        assertThat(errors(rows.get(1))).extracting(e -> e.get("field")).containsExactly("email");
        assertThat(participants.count()).isEqualTo(people);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNipEndingInSequence000AndANikOfAProvinceThatDoesNotExistAreRefusedByTheApiAndTheImport() {
        Api.Res nip = operator.post("/api/participants", person("Joko Susilo", "PNS", "197501012005031000", null, null, null, null));
        assertThat(nip.status()).isEqualTo(400);
        assertThat(nip.errors()).extracting(e -> e.get("field"), e -> e.get("code")).containsExactly(tuple("nip", "nip.sequence"));
        Api.Res nik = operator.post("/api/participants", person("Joko Susilo", "NON_ASN", null, "2026010101750001", null, null, null));
        assertThat(nik.status()).isEqualTo(400);
        assertThat(nik.errors()).extracting(e -> e.get("field"), e -> e.get("code")).containsExactly(tuple("nik", "nik.province"));
        assertThat((String) nik.errors().get(0).get("message")).isEqualTo("Kode provinsi 20 pada NIK (2 digit pertama) tidak ada.");
        Api.Res regency = operator.post("/api/participants", person("Joko Susilo", "NON_ASN", null, "3500010101750001", null, null, null));
        assertThat(regency.errors()).extracting(e -> e.get("field"), e -> e.get("code")).containsExactly(tuple("nik", "nik.regency"));

        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        String csv = "Nama Lengkap;NIP;NIK\nJoko Susilo;197501012005031000;\nSiti Aminah;;2026014101750001\n";
        Api.Res r = upload(eventId, "/imports/preview", "daftar.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.get("rows");
        assertThat(errors(rows.get(0))).extracting(e -> e.get("code")).containsExactly("nip.sequence");
        assertThat(errors(rows.get(1))).extracting(e -> e.get("code")).containsExactly("nik.province");
    }
}

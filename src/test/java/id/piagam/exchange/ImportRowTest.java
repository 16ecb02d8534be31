package id.piagam.exchange;

import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.PanitiaFunction;
import id.piagam.participant.Category;
import id.piagam.validation.FieldProblem;
import id.piagam.participant.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRowTest {

    @Test
    void recognisesTheHeadersSecretariatsWrite() {
        Map<Integer, String> m = ColumnMapping.of(List.of("No.", "Nama Lengkap", "NIP", "Tgl. Lahir", "L/P", "Gol.", "No. HP", "Keterangan"));
        assertThat(m).hasSize(6).containsAllEntriesOf(Map.of(1, "fullName", 2, "nip", 3, "birthDate", 4, "sex", 5, "golongan", 6, "phone"));
        assertThat(ColumnMapping.field("Unit Kerja")).contains("unitKerja");
        assertThat(ColumnMapping.field("E-mail")).contains("email");
        for (String header : List.of("NIP/NRP", "Pangkat/Gol.", "Pangkat/Golongan", "Gol./Ruang", "No. WA", "No. HP/WA")) {
            assertThat(ColumnMapping.field(header)).as(header).isPresent();
        }
        assertThat(ColumnMapping.of(List.of("Nama", "NIP/NRP", "Pangkat/Gol.", "No. HP/WA"))).containsExactly(
                Map.entry(0, "fullName"), Map.entry(1, "nipNrp"), Map.entry(2, "golongan"), Map.entry(3, "phone"));
    }

    @Test
    void readsDatesInTheFormatsPeopleUse() {
        List<FieldProblem> p = new ArrayList<>();
        assertThat(ImportRow.date("1967-12-03", p)).isEqualTo(LocalDate.of(1967, 12, 3));
        assertThat(ImportRow.date("03/12/1967", p)).isEqualTo(LocalDate.of(1967, 12, 3));
        assertThat(ImportRow.date("3-12-1967", p)).isEqualTo(LocalDate.of(1967, 12, 3));
        assertThat(ImportRow.date("3 Desember 1967", p)).isEqualTo(LocalDate.of(1967, 12, 3));
        assertThat(p).isEmpty();
        assertThat(ImportRow.date("31/02/1990", p)).isNull();
        assertThat(ImportRow.date("kemarin", p)).isNull();
        assertThat(p).extracting(FieldProblem::code).containsExactly("import.date", "import.date");
    }

    @Test
    void readsCategoriesSexesAndRoles() {
        List<FieldProblem> p = new ArrayList<>();
        assertThat(ImportRow.category("Non-ASN", true, p)).isEqualTo(Category.NON_ASN);
        assertThat(ImportRow.category("TNI/Polri", true, p)).isEqualTo(Category.TNI_POLRI);
        assertThat(ImportRow.category("", false, p)).isEqualTo(Category.PNS);
        assertThat(ImportRow.category("", true, p)).isEqualTo(Category.NON_ASN);
        assertThat(ImportRow.sex("Laki-laki", p)).isEqualTo(Sex.L);
        assertThat(ImportRow.sex("perempuan", p)).isEqualTo(Sex.P);
        assertThat(ImportRow.role("Narasumber", p)).isEqualTo(EnrolmentRole.NARASUMBER);
        assertThat(p).isEmpty();
        ImportRow.category("Pegawai Kontrak", true, p);
        ImportRow.sex("X", p);
        assertThat(p).extracting(FieldProblem::field).containsExactly("category", "sex");
    }

    @Test
    void readsPanitiaFunctionsInAnyCaseAndRefusesAnUnknownOne() {
        List<FieldProblem> p = new ArrayList<>();
        assertThat(ColumnMapping.field("JABATAN PANITIA")).contains("panitiaFunction");
        assertThat(ColumnMapping.field("Fungsi Panitia")).contains("panitiaFunction");
        assertThat(ImportRow.function("Ketua", p)).isEqualTo(PanitiaFunction.KETUA);
        assertThat(ImportRow.function("sekretaris", p)).isEqualTo(PanitiaFunction.SEKRETARIS);
        assertThat(ImportRow.function(" ANGGOTA ", p)).isEqualTo(PanitiaFunction.ANGGOTA);
        assertThat(ImportRow.function("Wakil Ketua Panitia", p)).isEqualTo(PanitiaFunction.WAKIL_KETUA);
        assertThat(ImportRow.function("penanggung-jawab", p)).isEqualTo(PanitiaFunction.PENANGGUNG_JAWAB);
        assertThat(ImportRow.function("", p)).isNull();
        assertThat(ImportRow.role("Moderator", p)).isEqualTo(EnrolmentRole.MODERATOR);
        assertThat(p).isEmpty();
        assertThat(ImportRow.function("Ketoa", p)).isNull();
        assertThat(p).extracting(FieldProblem::field).containsExactly("panitiaFunction");
        Map<Integer, String> m = ColumnMapping.of(List.of("Nama", "Peran", "Fungsi Panitia"));
        assertThat(ImportRow.of(new Sheet.Row(2, List.of("Budi", "Peserta", "Ketua")), m).problems())
                .containsExactly(FieldProblem.of("panitiaFunction", "enrolment.functionPanitiaOnly"));
        assertThat(ImportRow.of(new Sheet.Row(3, List.of("Budi", "Panitia", "ketua")), m).function()).isEqualTo(PanitiaFunction.KETUA);
    }

    @Test
    void cellsThatCouldRunAsFormulasAreNeutralised() {
        assertThat(TableWriter.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(TableWriter.neutralise("+62812")).isEqualTo("'+62812");
        assertThat(TableWriter.neutralise("-1")).isEqualTo("'-1");
        assertThat(TableWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TableWriter.neutralise("Budi")).isEqualTo("Budi");
    }

    @Test
    void aNipNrpCellIsTheNrpForTniPolriOrWhenItIsNoNip() {
        Map<Integer, String> m = ColumnMapping.of(List.of("Nama", "NIP/NRP", "Kategori"));
        ImportRow nip = ImportRow.of(new Sheet.Row(2, List.of("Budi", "19671203 199403 1 009", "")), m);
        assertThat(nip.request().nip()).isEqualTo("19671203 199403 1 009");
        assertThat(nip.request().nrp()).isNull();
        assertThat(nip.request().category()).isEqualTo(Category.PNS);
        ImportRow nrp = ImportRow.of(new Sheet.Row(3, List.of("Joko", "11020077", "")), m);
        assertThat(nrp.request().nrp()).isEqualTo("11020077");
        assertThat(nrp.request().nip()).isNull();
        assertThat(nrp.request().category()).isEqualTo(Category.TNI_POLRI);
        ImportRow tni = ImportRow.of(new Sheet.Row(4, List.of("Yudi", "110200770012345678", "TNI")), m);
        assertThat(tni.request().nrp()).isEqualTo("110200770012345678");
        ImportRow rounded = ImportRow.of(new Sheet.Row(5, List.of("Rina", Sheet.IMPRECISE, "")), m);
        assertThat(rounded.problems()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nip", "import.imprecise"));
    }
}

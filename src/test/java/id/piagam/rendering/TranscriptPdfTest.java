package id.piagam.rendering;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The transcript as a document: letterhead, identity, the trainings over several pages with their header each time, totals, QR codes. */
class TranscriptPdfTest {

    private static final List<String> HEADERS = List.of("No.", "Pelatihan", "Tanggal", "JP", "Hasil", "Sertifikat");

    private static TranscriptPdf renderer() throws Exception {
        return new TranscriptPdf(Files.readAllBytes(Path.of("templates/fonts/DejaVuSerif.ttf")),
                Files.readAllBytes(Path.of("templates/fonts/DejaVuSerif-Bold.ttf")));
    }

    private static TranscriptPdf.Input input(int trainings) throws Exception {
        List<TranscriptPdf.Row> rows = new ArrayList<>();
        for (int i = 1; i <= trainings; i++) {
            rows.add(new TranscriptPdf.Row(i + ".", "Bimtek", "Bimbingan Teknis Pengelolaan Arsip Dinamis Tahap " + i, "BPSDM Provinsi Jawa Timur",
                    "2\u20134 Maret 2026", "24", "Selesai (kehadiran)", List.of(new TranscriptPdf.Certificate(
                    String.format("800.2.4.2/%04d/BPSDM/2026", i), i == 2 ? "Dicabut" : "", "https://piagam.example.go.id/verify/KODE" + i))));
        }
        return new TranscriptPdf.Input(new TranscriptPdf.Letterhead("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur",
                List.of("Jl. Balai Pemuda No. 1, Surabaya 60271"), Files.readAllBytes(Path.of("templates/images/logo.png"))),
                "TRANSKRIP RIWAYAT PELATIHAN", "Dr. Maya Anggraini, S.Kom., M.M.",
                List.of(new TranscriptPdf.Field("Nama", "Dr. Maya Anggraini, S.Kom., M.M."), new TranscriptPdf.Field("NIP", "19850314 201001 2 015"),
                        new TranscriptPdf.Field("Kategori", "PNS"), new TranscriptPdf.Field("Instansi", "Pemerintah Kabupaten Pamekasan")),
                HEADERS, rows, "Belum ada pelatihan.", "Jam pelajaran per tahun", List.of("Tahun", "JP diakui", "Keterangan"),
                List.of(new TranscriptPdf.YearRow("2026", String.valueOf(24 * trainings), "tercapai")), "Jumlah", String.valueOf(24 * trainings),
                "PNS: paling sedikit 20 JP pengembangan kompetensi setahun.", "Transkrip ini bukan sertifikat.", "Surabaya, 30 November 2026",
                "Halaman");
    }

    @Test
    void aShortTranscriptIsOneA4PageWithEverythingAnHrOfficeChecks() throws Exception {
        byte[] pdf = renderer().render(input(3));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/transcript-short.pdf"), pdf);
        assertThat(PdfChecks.pages(pdf)).isEqualTo(1);
        String text = PdfChecks.text(pdf, 1);
        assertThat(text).contains("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur", "Jl. Balai Pemuda No. 1, Surabaya 60271",
                "TRANSKRIP RIWAYAT PELATIHAN", "NIP", "19850314 201001 2 015", "Pemerintah Kabupaten Pamekasan",
                "Bimbingan Teknis Pengelolaan Arsip Dinamis Tahap 3", "800.2.4.2/0002/BPSDM/2026 (Dicabut)", "Jumlah 72",
                "Transkrip ini bukan sertifikat.", "Surabaya, 30 November 2026", "Halaman 1");
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        assertThat(reader.getPageSize(1).getWidth()).as("A4 portrait").isEqualTo(595f);
        reader.close();
        assertThat(PdfChecks.qr(pdf, 0)).startsWith("https://piagam.example.go.id/verify/KODE");
    }

    @Test
    void fortyTrainingsRunOverPagesAndEachPageRepeatsTheTableHeader() throws Exception {
        byte[] pdf = renderer().render(input(42));
        Files.write(Path.of("target/transcript-long.pdf"), pdf);
        int pages = PdfChecks.pages(pdf);
        assertThat(pages).isGreaterThan(2);
        for (int page = 2; page <= pages; page++) {
            String text = PdfChecks.text(pdf, page);
            assertThat(text).as("page " + page).contains("Halaman " + page);
            if (text.contains("Tahap")) {
                assertThat(text).as("page " + page + " repeats the header").contains(String.join(" ", HEADERS));
            }
        }
        String all = new StringBuilder().append(PdfChecks.text(pdf, pages - 1)).append(PdfChecks.text(pdf, pages)).toString();
        assertThat(all).contains("Tahap 42").contains("Jumlah 1008");
    }
}

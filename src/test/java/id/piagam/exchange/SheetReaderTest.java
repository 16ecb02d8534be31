package id.piagam.exchange;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SheetReaderTest {

    private final SheetReader reader = new SheetReader(100, 20);

    @Test
    void readsUtf8CsvWithABomAndSemicolons() throws Exception {
        byte[] bytes = ("\uFEFFNama;NIP;Instansi\n" + "Siti Aminah;198503142010012015;Pemkab Pamekasan\n\n" + "André Wijaya;;\"BPSDM; Jatim\"\n")
                .getBytes(StandardCharsets.UTF_8);
        Sheet sheet = reader.read("daftar.csv", bytes);
        assertThat(sheet.headers()).containsExactly("Nama", "NIP", "Instansi");
        assertThat(sheet.rows()).hasSize(2);
        assertThat(sheet.rows().get(0).cells()).containsExactly("Siti Aminah", "198503142010012015", "Pemkab Pamekasan");
        assertThat(sheet.rows().get(1).cell(0)).isEqualTo("André Wijaya");
        assertThat(sheet.rows().get(1).cell(2)).isEqualTo("BPSDM; Jatim");
    }

    @Test
    void readsWindows1252CsvFromOlderExcel() throws Exception {
        byte[] bytes = "Nama,Instansi\nAndré Çakra,Dinas Pendidikan\n".getBytes(Charset.forName("windows-1252"));
        assertThat(reader.read("daftar.csv", bytes).rows().get(0).cell(0)).isEqualTo("André Çakra");
    }

    @Test
    void readsXlsxKeepingDatesAndRefusingNumbersTooLongToBeExact() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Peserta");
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("Nama");
            h.createCell(1).setCellValue("NIP");
            h.createCell(2).setCellValue("Tanggal Lahir");
            h.createCell(3).setCellValue("Telepon");
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("Budi Santoso");
            r.createCell(1).setCellValue(196712031994031009d);
            var date = r.createCell(2);
            date.setCellValue(LocalDate.of(1967, 12, 3));
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            date.setCellStyle(style);
            r.createCell(3).setCellValue(81234567890d);
            wb.write(out);
        }
        Sheet sheet = reader.read("daftar.xlsx", out.toByteArray());
        assertThat(sheet.rows().get(0).number()).isEqualTo(2);
        assertThat(sheet.rows().get(0).cells()).containsExactly("Budi Santoso", Sheet.IMPRECISE, "1967-12-03", "81234567890");
    }

    @Test
    void refusesFilesThatAreNotWhatTheySayTheyAre() {
        assertThatThrownBy(() -> reader.read("daftar.xlsx", "Nama\nBudi\n".getBytes())).isInstanceOf(SheetReader.Unreadable.class)
                .extracting(e -> ((SheetReader.Unreadable) e).code()).isEqualTo("import.notXlsx");
        assertThatThrownBy(() -> reader.read("daftar.csv", new byte[]{'P', 'K', 3, 4, 0, 0})).isInstanceOf(SheetReader.Unreadable.class)
                .extracting(e -> ((SheetReader.Unreadable) e).code()).isEqualTo("import.notCsv");
        assertThatThrownBy(() -> reader.read("daftar.pdf", "%PDF".getBytes())).isInstanceOf(SheetReader.Unreadable.class)
                .extracting(e -> ((SheetReader.Unreadable) e).code()).isEqualTo("import.fileType");
        assertThatThrownBy(() -> reader.read("daftar.xlsx", new byte[]{'P', 'K', 3, 4, 1, 2, 3})).isInstanceOf(SheetReader.Unreadable.class)
                .extracting(e -> ((SheetReader.Unreadable) e).code()).isEqualTo("import.xlsxBroken");
    }

    @Test
    void refusesTooManyRows() {
        StringBuilder csv = new StringBuilder("Nama\n");
        for (int i = 0; i < 101; i++) {
            csv.append("Orang\n");
        }
        assertThatThrownBy(() -> reader.read("besar.csv", csv.toString().getBytes())).isInstanceOf(SheetReader.Unreadable.class)
                .extracting(e -> ((SheetReader.Unreadable) e).code()).isEqualTo("import.tooManyRows");
    }

    @Test
    void refusesAZipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 60; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(200_000);
        assertThatThrownBy(() -> reader.read("bom.xlsx", out.toByteArray())).isInstanceOf(SheetReader.Unreadable.class)
                .extracting(e -> ((SheetReader.Unreadable) e).code()).isEqualTo("import.zipBomb");
    }
}

package id.piagam.exchange;

import id.piagam.support.Sheets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The template as a person fills it in LibreOffice or Excel and saves it: the guide first, the
     * list, the example last. Only the list is read; a NIP typed into the Text column in row 50 stays
     * exact, one typed into a General cell is a double and refused.
     */
    @Test
    void readsOnlyTheListOfAFilledTemplateAsAnOfficeSuiteSavesIt() throws Exception {
        LinkedHashMap<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Petunjuk", List.of(List.of("Petunjuk pengisian daftar peserta"), List.of(), List.of("Isi lembar Peserta: satu orang per baris")));
        List<List<Object>> list = new java.util.ArrayList<>();
        list.add(List.of("Nama Lengkap", "NIP", "NIK", "Telepon"));
        list.addAll(Collections.nCopies(48, List.of()));
        list.add(java.util.Arrays.asList("Budi Santoso", new Sheets.Text("196712031994031009"), null, new Sheets.Text("081234567890")));
        list.add(List.of("Rina Wati", 198503142010012015d));
        sheets.put("Peserta", list);
        sheets.put("Contoh", List.of(List.of("Nama Lengkap", "NIP"), List.of("Siti Aminah", new Sheets.Text("198503142010012015"))));

        Sheet sheet = reader.read("isian.xlsx", Sheets.asOfficeSuiteSaves(sheets));

        assertThat(sheet.headers()).containsExactly("Nama Lengkap", "NIP", "NIK", "Telepon");
        assertThat(sheet.rows()).extracting(Sheet.Row::number).containsExactly(50, 51);
        assertThat(sheet.rows().get(0).cells()).containsExactly("Budi Santoso", "196712031994031009", "", "081234567890");
        assertThat(sheet.rows().get(1).cell(1)).isEqualTo(Sheet.IMPRECISE);
    }

    @Test
    void aListWithNoRowsSaysSoNamingTheSheet() throws Exception {
        LinkedHashMap<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Petunjuk", List.of(List.of("Petunjuk pengisian daftar peserta")));
        sheets.put("Peserta", List.of(List.of("Nama Lengkap", "NIP")));
        sheets.put("Contoh", List.of(List.of("Nama Lengkap", "NIP"), List.of("Siti Aminah", new Sheets.Text("198503142010012015"))));
        assertThatThrownBy(() -> reader.read("templat.xlsx", Sheets.asOfficeSuiteSaves(sheets))).isInstanceOf(SheetReader.Unreadable.class)
                .satisfies(e -> {
                    assertThat(((SheetReader.Unreadable) e).code()).isEqualTo("import.sheetEmpty");
                    assertThat(((SheetReader.Unreadable) e).args()).containsExactly("Peserta");
                });
        assertThatThrownBy(() -> reader.read("templat.csv", "Nama Lengkap,NIP\n,\n".getBytes())).isInstanceOf(SheetReader.Unreadable.class)
                .extracting(e -> ((SheetReader.Unreadable) e).code()).isEqualTo("import.noRows");
    }

    @Test
    void findsTheListOnALaterSheetOfTheSecretariatsOwnWorkbook() throws Exception {
        LinkedHashMap<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Rekap", List.of(List.of("Instansi", "Jumlah"), List.of("Pemkab Sumenep", 12)));
        sheets.put("Daftar Hadir", List.of(List.of("No", "Nama"), List.of("1", "Budi Santoso")));
        assertThat(reader.read("daftar.xlsx", Sheets.asOfficeSuiteSaves(sheets)).rows().get(0).cell(1)).isEqualTo("Budi Santoso");
    }
}

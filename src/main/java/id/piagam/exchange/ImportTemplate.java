package id.piagam.exchange;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The blank participant list a secretariat downloads, fills and imports. Its sheets: a short guide
 * ({@value #GUIDE}, first, so it is read first), the list itself ({@value #DATA}: the headers and no
 * row, so nobody imports a sample person by forgetting to delete it) and one filled example row
 * ({@value #EXAMPLE}). The identity and code columns are Text for the whole column, not only for the
 * rows written: Excel keeps a NIP typed into any row of a number column as a rounded number.
 * The importer never takes the guide or the example for data ({@link #isData}).
 */
final class ImportTemplate {

    static final String GUIDE = "Petunjuk";
    static final String DATA = "Peserta";
    static final String EXAMPLE = "Contoh";

    /** Columns whose content is digits or a code that a spreadsheet would turn into a number or a date. */
    static final List<String> TEXT_FIELDS = List.of("nip", "nik", "birthDate", "golongan", "phone", "nrp");

    static final List<String> EXAMPLE_ROW = List.of("Siti Aminah", "Dr.", "S.E., M.M.", "198503142010012015", "", "PNS", "Pamekasan",
            "14/03/1985", "P", "III/d", "Analis Kebijakan Ahli Muda", "Bappeda", "Pemerintah Kabupaten Pamekasan",
            "siti.aminah@contoh.go.id", "081234567890", "Peserta", "", "");

    /** The message codes of the guide's lines, in order; the first is its title. */
    static final List<String> GUIDE_KEYS = List.of("import.template.title", "import.template.fill", "import.template.identity",
            "import.template.text", "import.template.values", "import.template.ignored");

    private ImportTemplate() {
    }

    static List<String> headers() {
        return new ArrayList<>(ColumnMapping.HEADERS.values());
    }

    static List<Integer> textColumns() {
        return TEXT_FIELDS.stream().map(ColumnMapping.FIELDS::indexOf).toList();
    }

    /** Whether a sheet of that name may hold the list: the template's guide and example never do. */
    static boolean isData(String sheetName) {
        String name = sheetName == null ? "" : sheetName.trim().toLowerCase(Locale.ROOT);
        return !name.equals(GUIDE.toLowerCase(Locale.ROOT)) && !name.equals(EXAMPLE.toLowerCase(Locale.ROOT));
    }

    /** The XLSX template; {@code guide} is the guide's text in the reader's language, its first line the title. */
    static void xlsx(List<String> guide, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(GUIDE);
            CellStyle title = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 13);
            title.setFont(bold);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            sheet.setColumnWidth(0, 100 * 256);
            for (int i = 0; i < guide.size(); i++) {
                var cell = sheet.createRow(i == 0 ? 0 : i + 1).createCell(0);
                cell.setCellValue(guide.get(i));
                cell.setCellStyle(i == 0 ? title : wrapped);
            }
            TableWriter.table(workbook, DATA, headers(), List.of(), textColumns());
            TableWriter.table(workbook, EXAMPLE, headers(), List.of(EXAMPLE_ROW), textColumns());
            workbook.write(out);
        }
    }

    /** The CSV template: the header row alone (a CSV has no room for a guide or an example). */
    static void csv(OutputStream out) throws IOException {
        TableWriter.csv(headers(), List.of(), out);
    }
}

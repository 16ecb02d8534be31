package id.piagam.support;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** Spreadsheets as a secretariat sends them, for import tests. */
public final class Sheets {

    private Sheets() {
    }

    /** A formula cell as Excel saves it: the formula and the value it last computed. */
    public record Formula(String expression, String cachedValue) {
    }

    /** An XLSX with one sheet of text cells, the first row being the headers. */
    public static byte[] xlsx(List<List<String>> rows) throws IOException {
        return cells(List.copyOf(rows));
    }

    /**
     * An XLSX with one sheet, the first row being the headers; a {@link Number} becomes a number cell
     * (as Excel keeps a NIP typed without formatting the column as text), a {@link Formula} a formula
     * cell with its cached value, {@code null} no cell, anything else a text cell.
     */
    public static byte[] cells(List<? extends List<?>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Peserta");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (value instanceof Formula f) {
                        var cell = row.createCell(c);
                        cell.setCellFormula(f.expression());
                        cell.setCellValue(f.cachedValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}

package id.piagam.exchange;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a table as CSV (UTF-8 with a BOM, so Excel reads the accents) or XLSX (streamed).
 * A cell that starts with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe,
 * so a name like {@code =HYPERLINK(…)} typed into Piagam never becomes a formula in someone's Excel.
 */
public final class TableWriter {

    private TableWriter() {
    }

    /** The cell as it is safe to hand to a spreadsheet. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    public static void csv(List<String> headers, Iterable<List<String>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(headers);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(TableWriter::neutralise).toList());
            }
        }
    }

    /**
     * XLSX with a bold header; {@code textColumns} are formatted as text so that NIP and NIK typed
     * into the file stay exact.
     */
    public static void xlsx(String sheetName, List<String> headers, Iterable<List<String>> rows, List<Integer> textColumns,
                            OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int c : textColumns) {
                sheet.setDefaultColumnStyle(c, text);
            }
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, Math.min(60, Math.max(12, headers.get(i).length() + 4)) * 256);
            }
            int r = 1;
            for (List<String> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    row.createCell(i).setCellValue(neutralise(values.get(i)));
                    if (textColumns.contains(i)) {
                        row.getCell(i).setCellStyle(text);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            workbook.dispose();
        }
    }
}

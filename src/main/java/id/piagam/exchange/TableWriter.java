package id.piagam.exchange;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Writes a table as CSV (UTF-8 with a BOM, so Excel reads the accents) or XLSX (streamed).
 * A cell that starts with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe,
 * so a name like {@code =HYPERLINK(…)} typed into Piagam never becomes a formula in someone's Excel.
 */
public final class TableWriter {

    static {
        // The streamed workbook spills rows to files in java.io.tmpdir/poifiles, a folder shared by every
        // user of the machine: one left there by another user (say, root) refuses this process and every
        // XLSX download stops. The spill files go to a folder of this process's own instead.
        try {
            File spill = Files.createTempDirectory("piagam-poi-").toFile();
            spill.deleteOnExit();
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(spill));
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for spreadsheets", e);
        }
    }

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

    /** A cell's text in a CSV: numbers plain ({@code 87.50}), anything else neutralised. */
    static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value instanceof Number n ? n.toString() : neutralise(value == null ? "" : value.toString());
    }

    public static void csv(List<String> headers, Iterable<? extends List<?>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(headers);
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(TableWriter::text).toList());
            }
        }
    }

    /**
     * XLSX with a bold header; {@code textColumns} are formatted as text so that NIP and NIK typed
     * into the file stay exact. A {@link Number} cell is a numeric cell (Excel can sum it), shown with
     * as many decimals as a {@link BigDecimal} carries.
     */
    public static void xlsx(String sheetName, List<String> headers, Iterable<? extends List<?>> rows, List<Integer> textColumns,
                            OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            table(workbook, sheetName, headers, rows, textColumns);
            workbook.write(out);
            workbook.dispose();
        }
    }

    /**
     * Adds a sheet holding the table to {@code workbook}: the bold, frozen header row, then the rows;
     * the style of each of {@code textColumns} is Text for the whole column, so what is typed into it
     * later, in any row, stays as typed.
     */
    static Sheet table(Workbook workbook, String sheetName, List<String> headers, Iterable<? extends List<?>> rows,
                       List<Integer> textColumns) {
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
        CellStyle integer = workbook.createCellStyle();
        integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
        CellStyle twoDecimals = workbook.createCellStyle();
        twoDecimals.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        int r = 1;
        for (List<?> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Number n) {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(n.doubleValue());
                    boolean whole = !(n instanceof BigDecimal d) || d.scale() <= 0;
                    cell.setCellStyle(whole ? integer : twoDecimals);
                    continue;
                }
                row.createCell(i).setCellValue(neutralise(value == null ? "" : value.toString()));
                if (textColumns.contains(i)) {
                    row.getCell(i).setCellStyle(text);
                }
            }
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }
}

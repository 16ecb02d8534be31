package id.piagam.exchange;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the participant lists secretariats actually have: XLSX from Excel, or CSV in UTF-8 (with or
 * without a BOM) or Windows-1252, separated by commas, semicolons (Indonesian Excel) or tabs.
 * Refuses what is not a spreadsheet, what is too large, and compressed files that inflate
 * suspiciously (zip bombs).
 */
public final class SheetReader {

    /** Why a file cannot be read, as a message code with arguments. */
    public static final class Unreadable extends Exception {
        private final String code;
        private final Object[] args;

        Unreadable(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }

        public String code() {
            return code;
        }

        public Object[] args() {
            return args;
        }
    }

    private final int maxRows;
    private final int maxColumns;

    public SheetReader(int maxRows, int maxColumns) {
        this.maxRows = maxRows;
        this.maxColumns = maxColumns;
    }

    public Sheet read(String fileName, byte[] bytes) throws Unreadable {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (name.endsWith(".xlsx")) {
            if (!zip) {
                throw new Unreadable("import.notXlsx");
            }
            return xlsx(bytes);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            if (zip || containsNul(bytes)) {
                throw new Unreadable("import.notCsv");
            }
            return csv(bytes);
        }
        throw new Unreadable("import.fileType");
    }

    private Sheet csv(byte[] bytes) throws Unreadable {
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = delimiter(firstLine);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
        List<String> headers = null;
        List<Sheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.size() > maxColumns) {
                    throw new Unreadable("import.tooManyColumns", maxColumns);
                }
                if (headers == null) {
                    headers = cells;
                    continue;
                }
                Sheet.Row row = new Sheet.Row((int) record.getRecordNumber(), cells);
                if (!row.isBlank()) {
                    rows.add(row);
                }
                if (rows.size() > maxRows) {
                    throw new Unreadable("import.tooManyRows", maxRows);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("import.csvBroken");
        }
        if (headers == null) {
            throw new Unreadable("import.empty");
        }
        if (rows.isEmpty()) {
            throw new Unreadable("import.noRows");
        }
        return new Sheet(headers, rows);
    }

    /**
     * The sheet that holds the list. The template's guide and example sheets never do ({@link
     * ImportTemplate#isData}), nor a hidden sheet; of the others the first whose header row names a
     * name column, else the first (which is then refused for lacking one).
     */
    private org.apache.poi.ss.usermodel.Sheet dataSheet(Workbook workbook, DataFormatter formatter) throws Unreadable {
        org.apache.poi.ss.usermodel.Sheet first = null;
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(i);
            if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i) || !ImportTemplate.isData(sheet.getSheetName())) {
                continue;
            }
            first = first == null ? sheet : first;
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header != null && header.getLastCellNum() <= maxColumns) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, header.getLastCellNum()); c++) {
                    cells.add(text(header.getCell(c), formatter));
                }
                if (ColumnMapping.of(cells).containsValue("fullName")) {
                    return sheet;
                }
            }
        }
        if (first == null) {
            throw new Unreadable("import.noDataSheet", ImportTemplate.DATA);
        }
        return first;
    }

    private Sheet xlsx(byte[] bytes) throws Unreadable {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(20L * 1024 * 1024);
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            org.apache.poi.ss.usermodel.Sheet sheet = dataSheet(workbook, formatter);
            if (sheet.getLastRowNum() > maxRows + 1) {
                throw new Unreadable("import.tooManyRows", maxRows);
            }
            List<String> headers = null;
            List<Sheet.Row> rows = new ArrayList<>();
            for (Row r : sheet) {
                if (r.getLastCellNum() > maxColumns) {
                    throw new Unreadable("import.tooManyColumns", maxColumns);
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                    cells.add(text(r.getCell(c), formatter));
                }
                if (headers == null) {
                    headers = cells;
                    continue;
                }
                Sheet.Row row = new Sheet.Row(r.getRowNum() + 1, cells);
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
            if (headers == null) {
                throw new Unreadable("import.empty");
            }
            if (rows.isEmpty()) {
                throw new Unreadable("import.sheetEmpty", sheet.getSheetName());
            }
            return new Sheet(headers, rows);
        } catch (Unreadable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("inflate") || message.contains("max entry size")
                    || message.contains("text size")) {
                throw new Unreadable("import.zipBomb");
            }
            throw new Unreadable("import.xlsxBroken");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return Sheet.FORMULA;
        }
        CellType type = cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double v = cell.getNumericCellValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            if (Math.abs(v) >= 1e15) {
                return Sheet.IMPRECISE;
            }
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return Boolean.toString(cell.getBooleanCellValue());
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue().trim();
        }
        return formatter.formatCellValue(cell).trim();
    }

    /** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (what Excel saves on Indonesian Windows). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    static char delimiter(String header) {
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static boolean containsNul(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}

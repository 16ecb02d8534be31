package id.piagam.support;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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

    /** What a person typed into a cell formatted as Text: kept as a string, whatever it looks like. */
    public record Text(String typed) {
    }

    /**
     * An XLSX written byte by byte as LibreOffice Calc and Excel store what a person typed, not by POI's
     * writer: text as shared strings (a {@link Text} cell with the cell style whose number format is 49,
     * "@"), a {@link Number} as a plain value in a General cell (how a NIP typed into an unformatted
     * cell is kept: a double), {@code null} no cell. Sheets in the map's order; an empty row list
     * writes no row element (so the next row keeps its number, as in a file with gaps).
     */
    public static byte[] asOfficeSuiteSaves(LinkedHashMap<String, List<List<Object>>> sheets) throws IOException {
        List<String> strings = new ArrayList<>();
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder sheetList = new StringBuilder();
        StringBuilder rels = new StringBuilder("<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        StringBuilder overrides = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, List<List<Object>>> sheet : sheets.entrySet()) {
            n++;
            sheetList.append("<sheet name=\"").append(escape(sheet.getKey())).append("\" sheetId=\"").append(n)
                    .append("\" state=\"visible\" r:id=\"rId").append(n).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(n).append(".xml\"/>");
            overrides.append("<Override PartName=\"/xl/worksheets/sheet").append(n)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            StringBuilder data = new StringBuilder();
            for (int r = 0; r < sheet.getValue().size(); r++) {
                List<Object> cells = sheet.getValue().get(r);
                if (cells.isEmpty()) {
                    continue;
                }
                data.append("<row r=\"").append(r + 1).append("\">");
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    String ref = column(c) + (r + 1);
                    if (value instanceof Number number) {
                        data.append("<c r=\"").append(ref).append("\" s=\"0\" t=\"n\"><v>").append(number.doubleValue()).append("</v></c>");
                    } else if (value != null) {
                        String text = value instanceof Text t ? t.typed() : value.toString();
                        strings.add(text);
                        data.append("<c r=\"").append(ref).append("\" s=\"").append(value instanceof Text ? 1 : 0).append("\" t=\"s\"><v>")
                                .append(strings.size() - 1).append("</v></c>");
                    }
                }
                data.append("</row>");
            }
            parts.put("xl/worksheets/sheet" + n + ".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + data + "</sheetData></worksheet>");
        }
        StringBuilder shared = new StringBuilder();
        strings.forEach(t -> shared.append("<si><t xml:space=\"preserve\">").append(escape(t)).append("</t></si>"));
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + overrides + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheetList + "</sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + rels + "</Relationships>");
        parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<fonts count=\"1\"><font><sz val=\"10\"/><name val=\"Arial\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""
                + strings.size() + "\" uniqueCount=\"" + strings.size() + "\">" + shared + "</sst>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String column(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : column(index / 26 - 1) + (char) ('A' + index % 26);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package id.piagam.exchange;

import java.util.List;

/**
 * A spreadsheet as text: the header row and the data rows (1-based row numbers as the user sees
 * them in Excel, the header being row 1). A numeric cell too long to be exact (an 18-digit NIP typed
 * into a number cell) is kept as {@link #IMPRECISE} so it is refused, not silently rounded; a formula
 * cell is kept as {@link #FORMULA}, so its cached value is never taken for data.
 */
public record Sheet(List<String> headers, List<Row> rows) {

    /** Markers start with a private-use character: no trimming removes it, nobody types it. */
    public static final String IMPRECISE = "\uE000imprecise-number";
    public static final String FORMULA = "\uE000formula";

    public record Row(int number, List<String> cells) {

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }
}

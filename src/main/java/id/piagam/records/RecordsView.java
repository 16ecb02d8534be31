package id.piagam.records;

import id.piagam.text.Bahasa;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A person's records as the pages show them (fragment {@code records} in {@code fragments.html}):
 * the participant's own page and the staff page of a participant print the same facts.
 */
final class RecordsView {

    private RecordsView() {
    }

    /** A training with its date range as printed. */
    record Line(ParticipantRecords.EventRecord record, String dates) {
    }

    /**
     * Puts {@code totals}, {@code rule}, {@code lines} (the dates in the reader's language) and {@code certificateBase}
     * (where a certificate number links to, followed by its id) into a page model.
     */
    static void put(Map<String, Object> model, ParticipantRecords.Records records, String certificateBase, Locale reader) {
        List<Line> lines = records.events().stream().map(r -> new Line(r, Bahasa.dateRange(r.startDate(), r.endDate(), reader))).toList();
        model.put("totals", records.totalsPerYear());
        model.put("rule", records.jpRule());
        model.put("lines", lines);
        model.put("certificateBase", certificateBase);
    }
}

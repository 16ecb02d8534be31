package id.piagam.numbering;

import id.piagam.validation.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The number series of one event's documents: the peserta's certificates and each role's (narasumber,
 * moderator, panitia). Agencies keep a series per kind of document, so within one event no two series may
 * share a pattern or print the same number: two series with one pattern would run on one counter, and two
 * overlapping patterns would print one number twice. A series set blank runs on its default pattern, so a
 * pattern equal to the default of another series is refused as well. Each series is named in messages by its
 * label ({@code enum.DocumentSeries.*}).
 */
public enum DocumentSeries {
    PESERTA("certificate.numberPattern"),
    NARASUMBER("certificate.roleNumberPatterns.narasumber"),
    MODERATOR("certificate.roleNumberPatterns.moderator"),
    PANITIA("certificate.roleNumberPatterns.panitia");

    private final String field;

    DocumentSeries(String field) {
        this.field = field;
    }

    /** The field of the event's request (and form) that sets this series. */
    public String field() {
        return field;
    }

    /**
     * The series of an event that share a pattern or could print the same number, each reported at the field the
     * event set (the later one when both are set); two defaults that clash are the configuration's, not the event's.
     * {@code own}: the patterns the event sets (blank or absent: none); {@code defaults}: each series' default;
     * patterns that break {@link NumberPattern#check} are left to that check.
     */
    public static List<FieldProblem> clashes(Map<DocumentSeries, String> own, Map<DocumentSeries, String> defaults,
                                             Optional<String> eventCode) {
        List<FieldProblem> problems = new ArrayList<>();
        DocumentSeries[] all = values();
        for (int j = 1; j < all.length; j++) {
            for (int i = 0; i < j; i++) {
                String first = set(own.get(all[i]));
                String second = set(own.get(all[j]));
                if (first == null && second == null) {
                    continue;
                }
                String a = first == null ? defaults.get(all[i]) : first;
                String b = second == null ? defaults.get(all[j]) : second;
                if (a == null || b == null || !NumberPattern.check(a, "a").isEmpty() || !NumberPattern.check(b, "b").isEmpty()) {
                    continue;
                }
                if (a.equals(b) || NumberPattern.of(a).overlaps(eventCode, NumberPattern.of(b), eventCode)) {
                    DocumentSeries at = second != null ? all[j] : all[i];
                    DocumentSeries other = at == all[j] ? all[i] : all[j];
                    String field = at.field();
                    if (problems.stream().noneMatch(p -> p.field().equals(field))) {
                        problems.add(FieldProblem.of(field, "numberPattern.sameSeries", other, other == all[i] ? a : b));
                    }
                }
            }
        }
        return problems;
    }

    private static String set(String pattern) {
        return pattern == null || pattern.isBlank() ? null : pattern.trim();
    }
}

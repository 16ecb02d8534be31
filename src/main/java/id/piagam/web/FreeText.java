package id.piagam.web;

import id.piagam.text.CleanText;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which rule of {@link CleanText} a field of a request follows, by its name (the JSON path, or the
 * page input named by it): passwords are taken exactly as typed (only hashed, never shown), fields
 * meant for several lines (a reason, a note, an address) may hold line breaks and tabs, every other
 * text is one line. The same for JSON bodies and page forms.
 */
final class FreeText {

    private static final Set<String> MULTI_LINE = Set.of("reason", "note", "notes", "description", "address");
    private static final Set<String> VERBATIM = Set.of("password", "secret", "repeat", "_csrf");

    private FreeText() {
    }

    /** The last name of a path: {@code sessions[0].topic → topic}, {@code revokeReason → revokereason}. */
    private static String leaf(String field) {
        String name = field == null ? "" : field;
        int dot = name.lastIndexOf('.');
        name = dot < 0 ? name : name.substring(dot + 1);
        int bracket = name.indexOf('[');
        return (bracket < 0 ? name : name.substring(0, bracket)).toLowerCase(Locale.ROOT);
    }

    static boolean verbatim(String field) {
        return VERBATIM.contains(leaf(field));
    }

    private static boolean multiLine(String field) {
        String leaf = leaf(field);
        return MULTI_LINE.contains(leaf) || leaf.endsWith("reason");
    }

    /** The message code ({@code text.control}, {@code text.bidi}…) when the field may not hold the text (in NFC). */
    static Optional<String> refusal(String field, String normalised) {
        if (verbatim(field)) {
            return Optional.empty();
        }
        return CleanText.check(normalised, multiLine(field)).map(r -> "text." + r.name().toLowerCase(Locale.ROOT));
    }
}

package id.piagam.text;

import java.text.Normalizer;
import java.util.Optional;

/**
 * What free text may hold, wherever it comes from: it is stored in Unicode NFC (so "é" typed two
 * ways is one name), and refused when it holds a character that is invisible or changes how the text
 * around it reads: C0 and C1 control characters (a line break and a tab are allowed where a field
 * takes several lines), bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan
 * source" reordering on the public verification page), zero-width characters and the byte-order
 * mark, unpaired surrogates, and runs of combining marks longer than any real script needs.
 */
public final class CleanText {

    /** Why a text is refused; the message code is {@code text.<name in lower case>}. */
    public enum Refusal { CONTROL, BIDI, INVISIBLE, SURROGATE, COMBINING }

    /** Vietnamese stacks two marks on a letter, some Indic text three; nothing real needs more. */
    private static final int MAX_COMBINING_RUN = 4;

    private CleanText() {
    }

    /** The text in NFC. */
    public static String normalise(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Why the text may not be stored, if it may not; {@code multiLine} allows line breaks and tabs. */
    public static Optional<Refusal> check(String text, boolean multiLine) {
        if (text == null) {
            return Optional.empty();
        }
        int combiningRun = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    combiningRun = 0;
                    continue;
                }
                return Optional.of(Refusal.SURROGATE);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(Refusal.SURROGATE);
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                    combiningRun = 0;
                    continue;
                }
                return Optional.of(Refusal.CONTROL);
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C) {
                return Optional.of(Refusal.BIDI);
            }
            if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x180E) {
                return Optional.of(Refusal.INVISIBLE);
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                if (++combiningRun > MAX_COMBINING_RUN) {
                    return Optional.of(Refusal.COMBINING);
                }
            } else {
                combiningRun = 0;
            }
        }
        return Optional.empty();
    }
}

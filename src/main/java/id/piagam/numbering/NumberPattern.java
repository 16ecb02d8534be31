package id.piagam.numbering;

import id.piagam.validation.FieldProblem;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate numbering pattern in the agency's correspondence code, e.g.
 * {@code 800.2.4.2/{seq:3}/BPSDM/{yyyy}} (800.2 = education and training, for regional governments).
 *
 * <p>Tokens: {@code {seq}} or {@code {seq:N}} (the counter, zero-padded to N digits, N 1–10; required),
 * {@code {yyyy}}, {@code {yy}}, {@code {mm}}, {@code {romanMonth}} (I–XII), {@code {kind}} (STTP for a
 * competency certificate, SERT for an attendance one) and {@code {event}} (the event's code). Anything
 * else is literal text, without {@code ..}, {@code \}, {@code %} or control characters (numbers name
 * files and pass through formatters).
 *
 * <p>Numbers are unique by construction:
 * <ul>
 *   <li>The counter is scoped by the pattern text, and by the year only when the pattern prints the
 *       year ({@link #counterYear}): a pattern without a year keeps one counter for ever.</li>
 *   <li>A number reads back unambiguously: {@code {seq}} is delimited by literal text that is not a
 *       digit (or the start or end), and {@code {romanMonth}} is followed by a literal that is not I, V
 *       or X (or the end). So one pattern's numbers differ whenever their counters (or years) do.</li>
 *   <li>Two different patterns (or one pattern with two event codes) must not be able to produce the
 *       same text ({@link #overlaps}): each is read as a sequence of character classes (a digit run of
 *       at least N for {@code {seq:N}}, 4 or 2 digits for the year and month, I/V/X for the Roman
 *       month, S-T/E-T/R-P/T for the kind, the code's letters for the event, anything for an unknown
 *       code) and the two are intersected. The classes contain every real output, so "no overlap" is
 *       sure; an overlap may be refused that real dates would never produce.</li>
 * </ul>
 */
public final class NumberPattern {

    private static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z]+)(?::(\\d+))?}");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    static final int MAX_WIDTH = 10;

    private final String pattern;

    private NumberPattern(String pattern) {
        this.pattern = pattern;
    }

    /** The problems with a pattern text, reported against {@code field}. */
    public static List<FieldProblem> check(String pattern, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        if (pattern == null || pattern.isBlank()) {
            problems.add(FieldProblem.of(field, "numberPattern.empty"));
            return problems;
        }
        if (pattern.length() > 120) {
            problems.add(FieldProblem.of(field, "numberPattern.length"));
            return problems;
        }
        if (pattern.contains("..") || pattern.contains("\\") || pattern.contains("%")
                || pattern.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            problems.add(FieldProblem.of(field, "numberPattern.character"));
        }
        Matcher m = TOKEN.matcher(pattern);
        int seq = 0;
        while (m.find()) {
            String name = m.group(1);
            switch (name) {
                case "seq" -> {
                    seq++;
                    if (m.group(2) != null && (m.group(2).length() > 2 || Integer.parseInt(m.group(2)) < 1
                            || Integer.parseInt(m.group(2)) > MAX_WIDTH)) {
                        problems.add(FieldProblem.of(field, "numberPattern.width", MAX_WIDTH));
                    }
                    if (!delimited(pattern, m.start() - 1, '}') || !delimited(pattern, m.end(), '{')) {
                        problems.add(FieldProblem.of(field, "numberPattern.seqDelimited"));
                    }
                }
                case "yyyy", "yy", "mm", "romanMonth", "kind", "event" -> {
                    if (m.group(2) != null) {
                        problems.add(FieldProblem.of(field, "numberPattern.unknownToken", m.group()));
                    }
                    if (name.equals("romanMonth") && m.end() < pattern.length() && "IVX{".indexOf(pattern.charAt(m.end())) >= 0) {
                        problems.add(FieldProblem.of(field, "numberPattern.romanDelimited"));
                    }
                }
                default -> problems.add(FieldProblem.of(field, "numberPattern.unknownToken", m.group()));
            }
        }
        if (seq != 1) {
            problems.add(FieldProblem.of(field, "numberPattern.seq"));
        }
        if (pattern.replaceAll(TOKEN.pattern(), "").matches("(?s).*[{}].*")) {
            problems.add(FieldProblem.of(field, "numberPattern.brace"));
        }
        return problems;
    }

    /** Whether the character at {@code i} (outside the text counts) is literal text other than a digit. */
    private static boolean delimited(String pattern, int i, char tokenEdge) {
        return i < 0 || i >= pattern.length() || (!Character.isDigit(pattern.charAt(i)) && pattern.charAt(i) != tokenEdge);
    }

    public static NumberPattern of(String pattern) {
        List<FieldProblem> problems = check(pattern, "numberPattern");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid number pattern " + pattern + ": " + problems);
        }
        return new NumberPattern(pattern);
    }

    /** A pattern stored before today's rules, read only to compare it with others (never to format). */
    static NumberPattern stored(String pattern) {
        return new NumberPattern(pattern);
    }

    public String text() {
        return pattern;
    }

    /** The year part of the counter's scope: the issue year when the number prints it, else 0 (one counter for ever). */
    public int counterYear(LocalDate issuedOn) {
        return pattern.contains("{yyyy}") || pattern.contains("{yy}") ? issuedOn.getYear() : 0;
    }

    /**
     * Whether this pattern (with the event code {@code code}, empty when unknown) and {@code other}
     * (with {@code otherCode}) can produce the same number: the intersection of their classes is
     * searched breadth-first over pairs of positions.
     */
    public boolean overlaps(Optional<String> code, NumberPattern other, Optional<String> otherCode) {
        List<Atom> a = atoms(code);
        List<Atom> b = other.atoms(otherCode);
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        Set<List<Integer>> seen = new HashSet<>();
        queue.add(new int[]{0, 0, 0, 0});
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            if (!seen.add(List.of(s[0], s[1], s[2], s[3]))) {
                continue;
            }
            if (s[0] == a.size() && s[2] == b.size()) {
                return true;
            }
            if (s[0] < a.size() && s[1] >= a.get(s[0]).min()) {
                queue.add(new int[]{s[0] + 1, 0, s[2], s[3]});
            }
            if (s[2] < b.size() && s[3] >= b.get(s[2]).min()) {
                queue.add(new int[]{s[0], s[1], s[2] + 1, 0});
            }
            if (s[0] < a.size() && s[2] < b.size() && a.get(s[0]).canTake(s[1]) && b.get(s[2]).canTake(s[3])
                    && a.get(s[0]).meets(b.get(s[2]))) {
                queue.add(new int[]{s[0], a.get(s[0]).after(s[1]), s[2], b.get(s[2]).after(s[3])});
            }
        }
        return false;
    }

    /** A character class repeated min..max times ({@code max} = -1: without bound); {@code chars} null = any character. */
    private record Atom(String chars, int min, int max) {

        static Atom of(String chars) {
            return new Atom(chars, 1, 1);
        }

        boolean canTake(int taken) {
            return max < 0 || taken < max;
        }

        int after(int taken) {
            return max < 0 ? Math.min(taken + 1, min) : taken + 1;
        }

        boolean meets(Atom o) {
            return chars == null || o.chars == null || chars.chars().anyMatch(c -> o.chars.indexOf(c) >= 0);
        }
    }

    private List<Atom> atoms(Optional<String> code) {
        String digits = "0123456789";
        List<Atom> atoms = new ArrayList<>();
        Matcher m = TOKEN.matcher(pattern);
        int at = 0;
        while (m.find()) {
            pattern.substring(at, m.start()).chars().forEach(c -> atoms.add(Atom.of(String.valueOf((char) c))));
            at = m.end();
            switch (m.group(1)) {
                case "seq" -> atoms.add(new Atom(digits, m.group(2) == null ? 1
                        : Math.max(1, Math.min(MAX_WIDTH, Integer.parseInt("0" + m.group(2).substring(0, Math.min(2, m.group(2).length()))))), -1));
                case "yyyy" -> atoms.add(new Atom(digits, 4, 4));
                case "yy", "mm" -> atoms.add(new Atom(digits, 2, 2));
                case "romanMonth" -> atoms.add(new Atom("IVX", 1, 4));
                case "kind" -> List.of("S", "TE", "TR", "PT").forEach(c -> atoms.add(Atom.of(c)));
                case "event" -> {
                    if (code.isPresent()) {
                        code.get().chars().forEach(c -> atoms.add(Atom.of(String.valueOf((char) c))));
                    } else {
                        atoms.add(new Atom(null, 0, -1));
                    }
                }
                default -> atoms.add(new Atom(null, 0, -1));
            }
        }
        pattern.substring(at).chars().forEach(c -> atoms.add(Atom.of(String.valueOf((char) c))));
        return atoms;
    }

    /** Whether the pattern needs the event's code. */
    public boolean needsEventCode() {
        return pattern.contains("{event}");
    }

    /** The number for the given counter value, issue date, kind ({@code {kind}}: STTP for a competency certificate, else SERT) and event code. */
    public String format(long seq, LocalDate issuedOn, boolean competency, Optional<String> eventCode) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "seq" -> m.group(2) == null ? Long.toString(seq) : String.format("%0" + m.group(2) + "d", seq);
                case "yyyy" -> Integer.toString(issuedOn.getYear());
                case "yy" -> String.format("%02d", issuedOn.getYear() % 100);
                case "mm" -> String.format("%02d", issuedOn.getMonthValue());
                case "romanMonth" -> ROMAN[issuedOn.getMonthValue() - 1];
                case "kind" -> competency ? "STTP" : "SERT";
                case "event" -> eventCode.orElseThrow(() -> new IllegalStateException("pattern needs the event code"));
                default -> throw new IllegalStateException(m.group());
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

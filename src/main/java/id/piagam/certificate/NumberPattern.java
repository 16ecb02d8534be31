package id.piagam.certificate;

import id.piagam.validation.FieldProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate numbering pattern in the agency's correspondence code, e.g.
 * {@code 800.2.4.2/{seq:3}/BPSDM/{yyyy}} (800.2 = education and training, for regional governments).
 *
 * <p>Tokens: {@code {seq}} or {@code {seq:N}} (the counter, zero-padded to N digits; required),
 * {@code {yyyy}}, {@code {yy}}, {@code {mm}}, {@code {romanMonth}} (I–XII), {@code {kind}} (STTP for a
 * competency certificate, SERT for an attendance one) and {@code {event}} (the event's code). Anything
 * else is literal text. The counter is scoped per pattern and year.
 */
public final class NumberPattern {

    private static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z]+)(?::(\\d+))?}");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

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
        Matcher m = TOKEN.matcher(pattern);
        int seq = 0;
        while (m.find()) {
            String name = m.group(1);
            switch (name) {
                case "seq" -> {
                    seq++;
                    if (m.group(2) != null && (Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 9)) {
                        problems.add(FieldProblem.of(field, "numberPattern.width"));
                    }
                }
                case "yyyy", "yy", "mm", "romanMonth", "kind", "event" -> {
                    if (m.group(2) != null) {
                        problems.add(FieldProblem.of(field, "numberPattern.unknownToken", m.group()));
                    }
                }
                default -> problems.add(FieldProblem.of(field, "numberPattern.unknownToken", m.group()));
            }
        }
        if (seq != 1) {
            problems.add(FieldProblem.of(field, "numberPattern.seq"));
        }
        if (pattern.replaceAll(TOKEN.pattern(), "").matches(".*[{}].*")) {
            problems.add(FieldProblem.of(field, "numberPattern.brace"));
        }
        if (pattern.length() > 120) {
            problems.add(FieldProblem.of(field, "numberPattern.length"));
        }
        return problems;
    }

    public static NumberPattern of(String pattern) {
        List<FieldProblem> problems = check(pattern, "numberPattern");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid number pattern " + pattern + ": " + problems);
        }
        return new NumberPattern(pattern);
    }

    public String text() {
        return pattern;
    }

    /** Whether the pattern needs the event's code. */
    public boolean needsEventCode() {
        return pattern.contains("{event}");
    }

    /** The number for the given counter value, issue date, kind and event code. */
    public String format(long seq, LocalDate issuedOn, CertificateKind kind, Optional<String> eventCode) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "seq" -> m.group(2) == null ? Long.toString(seq) : String.format("%0" + m.group(2) + "d", seq);
                case "yyyy" -> Integer.toString(issuedOn.getYear());
                case "yy" -> String.format("%02d", issuedOn.getYear() % 100);
                case "mm" -> String.format("%02d", issuedOn.getMonthValue());
                case "romanMonth" -> ROMAN[issuedOn.getMonthValue() - 1];
                case "kind" -> kind == CertificateKind.COMPETENCY ? "STTP" : "SERT";
                case "event" -> eventCode.orElseThrow(() -> new IllegalStateException("pattern needs the event code"));
                default -> throw new IllegalStateException(m.group());
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

package id.piagam.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * Why a rule decided as it did, as a message code and its arguments, so each reader gets it in
 * their own language (the secretariat in Indonesian, an English reader in English) instead of a
 * sentence fixed in the rule. The arguments keep their types and are written for the reader at the
 * edge: a {@link BigDecimal} as typed ("80", "82,5"), a {@link Decimal2} with two places ("75,00"),
 * a {@link java.time.LocalDate} as a long date, an enum by its label, a nested {@code Reason} (or a
 * list of them) by its own text; other values as they are.
 */
public record Reason(String code, List<Object> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String code, Object... args) {
        return new Reason(code, List.of(args));
    }

    /** A measured decimal shown with exactly two places (an attendance rate, a final score). */
    public record Decimal2(BigDecimal value) {
    }
}

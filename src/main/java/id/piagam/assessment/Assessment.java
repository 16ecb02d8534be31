package id.piagam.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Diklat participant's result: the final score is the weighted sum of the component scores
 * (weights in percent, summing to 100), rounded half-up to two decimals, compared with the pass
 * mark. Exact decimal arithmetic throughout: a score of 69.995 must never become 70 by accident
 * of binary floating point.
 */
public final class Assessment {

    public static final BigDecimal MAX_SCORE = new BigDecimal("100");

    public enum Result {
        LULUS, TIDAK_LULUS, BELUM_DINILAI
    }

    /** One component of the assessment (e.g. "Sikap perilaku" 20%). */
    public record Component(String name, BigDecimal weight) {
    }

    /** One component with its weight and, once recorded, its score. */
    public record ComponentScore(String name, BigDecimal weight, BigDecimal score) {
    }

    /** The outcome: final score and kualifikasi are empty until every component has a score. */
    public record Outcome(Optional<BigDecimal> finalScore, Result result, Optional<GradeBand> band, List<String> missing,
                          List<ComponentScore> components) {
    }

    private Assessment() {
    }

    public static Outcome evaluate(List<Component> components, Map<String, BigDecimal> scores,
                                   BigDecimal passMark, GradeScale scale) {
        List<String> missing = components.stream().map(Component::name).filter(n -> !scores.containsKey(n)).toList();
        List<ComponentScore> detail = components.stream().map(c -> new ComponentScore(c.name(), c.weight(), scores.get(c.name()))).toList();
        if (components.isEmpty() || !missing.isEmpty()) {
            return new Outcome(Optional.empty(), Result.BELUM_DINILAI, Optional.empty(), missing, detail);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Component c : components) {
            sum = sum.add(scores.get(c.name()).multiply(c.weight()));
        }
        BigDecimal finalScore = sum.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        Result result = finalScore.compareTo(passMark) >= 0 ? Result.LULUS : Result.TIDAK_LULUS;
        return new Outcome(Optional.of(finalScore), result, Optional.ofNullable(scale).map(s -> s.bandFor(finalScore)), List.of(), detail);
    }

    /** A component score is 0–100 with at most two decimals. */
    public static boolean isValidScore(BigDecimal score) {
        return score.signum() >= 0 && score.compareTo(MAX_SCORE) <= 0 && score.stripTrailingZeros().scale() <= 2;
    }
}

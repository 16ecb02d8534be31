package id.piagam.assessment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentTest {

    private static final List<Assessment.Component> COMPONENTS = List.of(
            new Assessment.Component("Sikap", new BigDecimal("20")),
            new Assessment.Component("Aktualisasi", new BigDecimal("30")),
            new Assessment.Component("Ujian", new BigDecimal("50")));
    private static final BigDecimal PASS = new BigDecimal("70");

    private static Assessment.Outcome evaluate(String sikap, String aktualisasi, String ujian) {
        return Assessment.evaluate(COMPONENTS, Map.of("Sikap", new BigDecimal(sikap), "Aktualisasi", new BigDecimal(aktualisasi),
                "Ujian", new BigDecimal(ujian)), PASS, GradeScaleTest.COMMON);
    }

    @Test
    void finalScoreIsTheWeightedSum() {
        // 85.5×0.2 + 72.25×0.3 + 68×0.5 = 17.1 + 21.675 + 34 = 72.775 → 72.78
        Assessment.Outcome o = evaluate("85.5", "72.25", "68");
        assertThat(o.finalScore()).contains(new BigDecimal("72.78"));
        assertThat(o.result()).isEqualTo(Assessment.Result.LULUS);
        assertThat(o.band()).get().extracting(GradeBand::label).isEqualTo("Cukup Memuaskan");
    }

    @Test
    void failsBelowThePassMarkWithAFailingBand() {
        Assessment.Outcome o = evaluate("70", "69.5", "68.35");
        // 14 + 20.85 + 34.175 = 69.025 → 69.03
        assertThat(o.finalScore()).contains(new BigDecimal("69.03"));
        assertThat(o.result()).isEqualTo(Assessment.Result.TIDAK_LULUS);
        assertThat(o.band()).get().extracting(GradeBand::label).isEqualTo("Kurang Memuaskan");
    }

    @Test
    void usesExactDecimalsWhereBinaryFloatingPointWouldDrift() {
        // 0.1-style values: 70.10×0.2 + 69.95×0.3 + 69.99×0.5 = 14.02 + 20.985 + 34.995 = 70.000 exactly
        Assessment.Outcome o = evaluate("70.10", "69.95", "69.99");
        assertThat(o.finalScore()).contains(new BigDecimal("70.00"));
        assertThat(o.result()).isEqualTo(Assessment.Result.LULUS);
    }

    @Test
    void isNotAssessedUntilEveryComponentHasAScore() {
        Assessment.Outcome o = Assessment.evaluate(COMPONENTS, Map.of("Sikap", new BigDecimal("90")), PASS, GradeScaleTest.COMMON);
        assertThat(o.result()).isEqualTo(Assessment.Result.BELUM_DINILAI);
        assertThat(o.finalScore()).isEmpty();
        assertThat(o.missing()).containsExactly("Aktualisasi", "Ujian");
    }

    @Test
    void aScoreIsZeroToHundredWithTwoDecimals() {
        assertThat(Assessment.isValidScore(new BigDecimal("0"))).isTrue();
        assertThat(Assessment.isValidScore(new BigDecimal("100.00"))).isTrue();
        assertThat(Assessment.isValidScore(new BigDecimal("85.55"))).isTrue();
        assertThat(Assessment.isValidScore(new BigDecimal("85.555"))).isFalse();
        assertThat(Assessment.isValidScore(new BigDecimal("100.01"))).isFalse();
        assertThat(Assessment.isValidScore(new BigDecimal("-0.01"))).isFalse();
    }
}

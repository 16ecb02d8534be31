package id.piagam.assessment;

import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GradeScaleTest {

    static GradeBand band(String label, String lower, boolean passing) {
        return new GradeBand(label, new BigDecimal(lower), passing);
    }

    /** DOMAIN.md's default: SM 90.01–100, M 80.01–90.00, CM 70.00–80.00, KM below 70.00. */
    static final GradeScale COMMON = new GradeScale("UMUM-4", 1, "umum", List.of(
            band("Kurang Memuaskan", "0", false), band("Cukup Memuaskan", "70.00", true),
            band("Memuaskan", "80.01", true), band("Sangat Memuaskan", "90.01", true)));

    /** The five-band scale, plus a zero band below Cukup so every score has a band. */
    static final GradeScale FIVE = new GradeScale("LIMA", 1, "lima", List.of(
            band("Sangat Memuaskan", "92.5", true), band("Memuaskan", "85.0", true), band("Sangat Baik", "77.5", true),
            band("Baik", "70.0", true), band("Cukup", "60.0", false), band("Kurang", "0", false)));

    @Nested
    class CommonScaleBoundaries {
        @ParameterizedTest
        @CsvSource({"100, Sangat Memuaskan", "90.01, Sangat Memuaskan", "90.00, Memuaskan", "80.01, Memuaskan",
                "80.00, Cukup Memuaskan", "70.00, Cukup Memuaskan", "69.99, Kurang Memuaskan", "0, Kurang Memuaskan"})
        void aScoreBelongsToTheHighestBandItReaches(String score, String label) {
            assertThat(COMMON.bandFor(new BigDecimal(score)).label()).isEqualTo(label);
        }

        @Test
        void passMarkSeventyFallsOnTheBoundary() {
            assertThat(COMMON.passBoundary()).contains(new BigDecimal("70.00"));
            assertThat(COMMON.agreesWith(new BigDecimal("70"))).isTrue();
            assertThat(COMMON.agreesWith(new BigDecimal("75"))).isFalse();
            assertThat(COMMON.agreesWith(new BigDecimal("69.99"))).isFalse();
            assertThat(COMMON.check("scale")).isEmpty();
        }
    }

    @Nested
    class PublishedGaps {
        @ParameterizedTest
        @CsvSource({"92.45, Memuaskan", "92.49, Memuaskan", "92.50, Sangat Memuaskan", "84.99, Sangat Baik",
                "77.49, Baik", "70.00, Baik", "69.99, Cukup", "59.99, Kurang"})
        void aScoreBetweenWrittenBandsLandsInExactlyOne(String score, String label) {
            assertThat(FIVE.bandFor(new BigDecimal(score)).label()).isEqualTo(label);
        }

        @Test
        void theFailingCukupBandMakesSixtyDisagreeAsPassMark() {
            assertThat(FIVE.agreesWith(new BigDecimal("70"))).isTrue();
            assertThat(FIVE.agreesWith(new BigDecimal("60"))).isFalse();
        }
    }

    @Test
    void refusesScalesThatCannotBeUsed() {
        GradeScale noZero = new GradeScale("X", 1, "x", List.of(band("Lulus", "70", true), band("Tidak", "10", false)));
        assertThat(noZero.check("bands")).extracting(FieldProblem::code).contains("gradeScale.noZeroBand");
        GradeScale inverted = new GradeScale("X", 1, "x", List.of(band("A", "80", false), band("B", "70", true), band("C", "0", false)));
        assertThat(inverted.check("bands")).extracting(FieldProblem::code).contains("gradeScale.passingBelowFailing");
        GradeScale duplicate = new GradeScale("X", 1, "x", List.of(band("A", "70", true), band("B", "70.00", true), band("C", "0", false)));
        assertThat(duplicate.check("bands")).extracting(FieldProblem::code).contains("gradeScale.duplicateBound");
        GradeScale noPass = new GradeScale("X", 1, "x", List.of(band("C", "0", false)));
        assertThat(noPass.check("bands")).extracting(FieldProblem::code).contains("gradeScale.noPassingBand");
    }

    @Test
    void competencySchemesAreATwoBandScale() {
        GradeScale bnsp = new GradeScale("BNSP", 1, "kompeten", List.of(band("Kompeten", "70", true), band("Belum Kompeten", "0", false)));
        assertThat(bnsp.check("bands")).isEmpty();
        assertThat(bnsp.bandFor(new BigDecimal("69.99")).label()).isEqualTo("Belum Kompeten");
        assertThat(bnsp.bandFor(new BigDecimal("70")).label()).isEqualTo("Kompeten");
    }
}

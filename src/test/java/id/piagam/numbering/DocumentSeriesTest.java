package id.piagam.numbering;

import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentSeriesTest {

    private static final Map<DocumentSeries, String> DEFAULTS = new EnumMap<>(Map.of(
            DocumentSeries.PESERTA, "800/{seq:4}/BPSDM/{yyyy}", DocumentSeries.NARASUMBER, "800/{seq:4}/BPSDM-NS/{yyyy}",
            DocumentSeries.MODERATOR, "800/{seq:4}/BPSDM-MOD/{yyyy}", DocumentSeries.PANITIA, "800/{seq:4}/BPSDM-PAN/{yyyy}"));

    private static List<FieldProblem> clashes(Map<DocumentSeries, String> own, String code) {
        return DocumentSeries.clashes(own, DEFAULTS, Optional.ofNullable(code));
    }

    @Test
    void distinctSeriesAndTheDefaultsPass() {
        assertThat(clashes(Map.of(), null)).isEmpty();
        assertThat(clashes(Map.of(DocumentSeries.PESERTA, "A/{seq}/P", DocumentSeries.NARASUMBER, "A/{seq}/NS",
                DocumentSeries.PANITIA, " "), null)).isEmpty();
    }

    @Test
    void aRoleSeriesEqualToThePesertaSeriesIsRefusedAtTheRoleField() {
        assertThat(clashes(Map.of(DocumentSeries.PESERTA, "A/{seq}/P", DocumentSeries.MODERATOR, "A/{seq}/P"), null))
                .containsExactly(FieldProblem.of("certificate.roleNumberPatterns.moderator", "numberPattern.sameSeries",
                        DocumentSeries.PESERTA, "A/{seq}/P"));
    }

    @Test
    void aSeriesEqualToTheDefaultOfABlankSeriesIsRefusedAtTheFieldThatWasSet() {
        assertThat(clashes(Map.of(DocumentSeries.PANITIA, "800/{seq:4}/BPSDM-NS/{yyyy}"), null))
                .containsExactly(FieldProblem.of("certificate.roleNumberPatterns.panitia", "numberPattern.sameSeries",
                        DocumentSeries.NARASUMBER, "800/{seq:4}/BPSDM-NS/{yyyy}"));
        assertThat(clashes(Map.of(DocumentSeries.PESERTA, "800/{seq:4}/BPSDM-MOD/{yyyy}"), null))
                .extracting(FieldProblem::field).containsExactly("certificate.numberPattern");
    }

    @Test
    void patternsThatPrintTheSameNumberWithTheEventCodeClash() {
        Map<DocumentSeries, String> own = Map.of(DocumentSeries.PESERTA, "X/{seq:3}/{event}", DocumentSeries.NARASUMBER, "X/{seq:3}/BT1");
        assertThat(clashes(own, "BT1")).extracting(FieldProblem::field).containsExactly("certificate.roleNumberPatterns.narasumber");
        assertThat(clashes(own, "BT2")).isEmpty();
    }

    @Test
    void anInvalidPatternIsLeftToThePatternCheck() {
        assertThat(clashes(Map.of(DocumentSeries.PESERTA, "A/P", DocumentSeries.NARASUMBER, "A/P"), null)).isEmpty();
    }
}

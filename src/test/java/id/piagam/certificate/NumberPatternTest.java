package id.piagam.certificate;

import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberPatternTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 6);

    @Test
    void formatsTheRegionalCorrespondenceCode() {
        assertThat(NumberPattern.of("800.2.4.2/{seq:3}/BPSDM/{yyyy}").format(7, ISSUED, CertificateKind.COMPETENCY, Optional.empty()))
                .isEqualTo("800.2.4.2/007/BPSDM/2026");
        assertThat(NumberPattern.of("800.2.4.2/{seq:3}/BPSDM/{yyyy}").format(1234, ISSUED, CertificateKind.COMPETENCY, Optional.empty()))
                .isEqualTo("800.2.4.2/1234/BPSDM/2026");
    }

    @Test
    void knowsMonthsKindsAndTheEventCode() {
        NumberPattern p = NumberPattern.of("{kind}-{event}/{seq:5}/{romanMonth}/{mm}/{yy}");
        assertThat(p.needsEventCode()).isTrue();
        assertThat(p.format(42, ISSUED, CertificateKind.ATTENDANCE, Optional.of("BT-01"))).isEqualTo("SERT-BT-01/00042/III/03/26");
        assertThat(p.format(1, LocalDate.of(2026, 12, 1), CertificateKind.COMPETENCY, Optional.of("D1"))).isEqualTo("STTP-D1/00001/XII/12/26");
        assertThat(NumberPattern.of("{seq}").format(9, ISSUED, CertificateKind.COMPETENCY, Optional.empty())).isEqualTo("9");
    }

    @Test
    void refusesPatternsThatCannotMakeUniqueNumbers() {
        assertThat(NumberPattern.check("800.2/BPSDM/{yyyy}", "numberPattern")).extracting(FieldProblem::code).containsExactly("numberPattern.seq");
        assertThat(NumberPattern.check("{seq}/{seq}", "numberPattern")).extracting(FieldProblem::code).containsExactly("numberPattern.seq");
        assertThat(NumberPattern.check("{seq:3}/{tahun}", "numberPattern")).extracting(FieldProblem::code)
                .containsExactly("numberPattern.unknownToken");
        assertThat(NumberPattern.check("{seq:0}", "numberPattern")).extracting(FieldProblem::code).containsExactly("numberPattern.width");
        assertThat(NumberPattern.check("{seq}/{yyyy", "numberPattern")).extracting(FieldProblem::code).containsExactly("numberPattern.brace");
        assertThat(NumberPattern.check(" ", "numberPattern")).extracting(FieldProblem::code).containsExactly("numberPattern.empty");
        assertThatThrownBy(() -> NumberPattern.of("tanpa nomor")).isInstanceOf(IllegalArgumentException.class);
    }
}

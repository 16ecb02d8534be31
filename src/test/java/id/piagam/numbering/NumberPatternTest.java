package id.piagam.numbering;

import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberPatternTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 6);
    private static final boolean STTP = true;
    private static final boolean SERT = false;

    @Test
    void formatsTheRegionalCorrespondenceCode() {
        assertThat(NumberPattern.of("800.2.4.2/{seq:3}/BPSDM/{yyyy}").format(7, ISSUED, STTP, Optional.empty()))
                .isEqualTo("800.2.4.2/007/BPSDM/2026");
        assertThat(NumberPattern.of("800.2.4.2/{seq:3}/BPSDM/{yyyy}").format(1234, ISSUED, STTP, Optional.empty()))
                .isEqualTo("800.2.4.2/1234/BPSDM/2026");
    }

    @Test
    void knowsMonthsKindsAndTheEventCode() {
        NumberPattern p = NumberPattern.of("{kind}-{event}/{seq:5}/{romanMonth}/{mm}/{yy}");
        assertThat(p.needsEventCode()).isTrue();
        assertThat(p.format(42, ISSUED, SERT, Optional.of("BT-01"))).isEqualTo("SERT-BT-01/00042/III/03/26");
        assertThat(p.format(1, LocalDate.of(2026, 12, 1), STTP, Optional.of("D1"))).isEqualTo("STTP-D1/00001/XII/12/26");
        assertThat(NumberPattern.of("{seq}").format(9, ISSUED, STTP, Optional.empty())).isEqualTo("9");
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

    private static java.util.List<String> codes(String pattern) {
        return NumberPattern.check(pattern, "numberPattern").stream().map(FieldProblem::code).toList();
    }

    @Test
    void refusesWidthsPathsAndFormatCharacters() {
        assertThat(codes("A/{seq:10}/B")).isEmpty();
        assertThat(codes("A/{seq:11}/B")).containsExactly("numberPattern.width");
        assertThat(codes("A/{seq:9999999999}/B")).containsExactly("numberPattern.width");
        assertThat(codes("../../{seq}")).containsExactly("numberPattern.character");
        assertThat(codes("%s%n/{seq}")).containsExactly("numberPattern.character");
        assertThat(codes("A\\{seq}")).containsExactly("numberPattern.character");
        assertThat(codes("A/{seq}/\u0007")).containsExactly("numberPattern.character");
    }

    @Test
    void theCounterIsSetOffByTextThatIsNotADigit() {
        assertThat(codes("DUP-0{seq:3}")).containsExactly("numberPattern.seqDelimited");
        assertThat(codes("{yyyy}{seq}")).containsExactly("numberPattern.seqDelimited");
        assertThat(codes("A/{seq}7")).containsExactly("numberPattern.seqDelimited");
        assertThat(codes("{romanMonth}I/{seq}")).containsExactly("numberPattern.romanDelimited");
        assertThat(codes("{seq}")).isEmpty();
        assertThat(codes("DUP-{seq:4}")).isEmpty();
    }

    @Test
    void aPatternWithoutTheYearKeepsOneCounterForEver() {
        assertThat(NumberPattern.of("UJI/{seq:3}/BPSDM").counterYear(ISSUED)).isZero();
        assertThat(NumberPattern.of("UJI/{seq:3}/{mm}").counterYear(ISSUED)).isZero();
        assertThat(NumberPattern.of("UJI/{seq:3}/{yyyy}").counterYear(ISSUED)).isEqualTo(2026);
        assertThat(NumberPattern.of("UJI/{seq:3}/{yy}").counterYear(ISSUED)).isEqualTo(2026);
    }

    private static boolean overlap(String a, String codeA, String b, String codeB) {
        return NumberPattern.of(a).overlaps(Optional.ofNullable(codeA), NumberPattern.of(b), Optional.ofNullable(codeB));
    }

    @Test
    void findsPatternsThatCanPrintTheSameNumber() {
        assertThat(overlap("DUP-{seq:4}", null, "DUP-{seq:3}", null)).as("1000 from both").isTrue();
        assertThat(overlap("800.2.4.2/{seq:4}/BPSDM/{yyyy}", null, "800.2.4.2/{seq:4}/BPSDM/2026", null)).isTrue();
        assertThat(overlap("{kind}/{seq}", null, "SERT/{seq}", null)).isTrue();
        assertThat(overlap("{event}/{seq}", "A12", "A{mm}/{seq}", null)).isTrue();
        assertThat(overlap("{event}/{seq}", null, "ANY/{seq}", null)).as("an unknown code could be anything").isTrue();
        assertThat(overlap("A/{seq}/B", null, "A/{seq}/C", null)).isFalse();
        assertThat(overlap("800.2.4.2/{seq:4}/BPSDM/{yyyy}", null, "800.2.4.2/{seq:4}/BKD/{yyyy}", null)).isFalse();
        assertThat(overlap("{event}/{seq}", "A", "{event}/{seq}", "A/1")).isFalse();
        assertThat(overlap("{kind}/{seq}", null, "SKP/{seq}", null)).isFalse();
        assertThat(overlap("X/{romanMonth}/{seq}", null, "X/{mm}/{seq}", null)).isFalse();
    }
}

package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GolonganTest {

    @Test
    void takesTheGolonganFromAPangkatAndGolonganCell() {
        assertThat(Golongan.normalise("Penata Muda, III/a")).isEqualTo("III/a");
        assertThat(Golongan.normalise("Pembina Tingkat I (IV / B)")).isEqualTo("IV/b");
        assertThat(Golongan.normalise("iii/c")).isEqualTo("III/c");
        assertThat(Golongan.normalise("IX")).isEqualTo("IX");
    }

    @Test
    void pnsGolonganHaveTheirPangkat() {
        assertThat(Golongan.check("III/a", Category.PNS)).isEmpty();
        assertThat(Golongan.pangkat(Category.PNS, "III/a")).contains("Penata Muda");
        assertThat(Golongan.pangkat(Category.PNS, "IV/e")).contains("Pembina Utama");
        assertThat(Golongan.pangkat(Category.PNS, "I/b")).contains("Juru Muda Tingkat I");
        assertThat(Golongan.PNS).hasSize(17);
    }

    @Test
    void cpnsHaveAGolonganButNoPangkat() {
        assertThat(Golongan.check("III/a", Category.CPNS)).isEmpty();
        assertThat(Golongan.pangkat(Category.CPNS, "III/a")).isEmpty();
    }

    @Test
    void pppkUseRomanGolonganOneToSeventeen() {
        assertThat(Golongan.check("IX", Category.PPPK)).isEmpty();
        assertThat(Golongan.check("XVII", Category.PPPK)).isEmpty();
        assertThat(Golongan.check("XVIII", Category.PPPK)).get().extracting(FieldProblem::code).isEqualTo("golongan.unknown");
        assertThat(Golongan.check("III/a", Category.PPPK)).isPresent();
        assertThat(Golongan.pangkat(Category.PPPK, "IX")).isEmpty();
    }

    @Test
    void nonAsnAndTniPolriHaveNoGolongan() {
        assertThat(Golongan.check("III/a", Category.NON_ASN)).get().extracting(FieldProblem::code).isEqualTo("golongan.notApplicable");
        assertThat(Golongan.check("II/b", Category.TNI_POLRI)).isPresent();
        assertThat(Golongan.check(null, Category.NON_ASN)).isEmpty();
    }

    @Test
    void refusesUnknownPnsGolongan() {
        assertThat(Golongan.check("V/a", Category.PNS)).isPresent();
        assertThat(Golongan.check("IV/f", Category.PNS)).isPresent();
    }

    @Test
    void normalisesTheWayPeopleWriteIt() {
        assertThat(Golongan.normalise(" iii/a ")).isEqualTo("III/a");
        assertThat(Golongan.normalise("iv / B")).isEqualTo("IV/b");
        assertThat(Golongan.normalise("ix")).isEqualTo("IX");
    }
}

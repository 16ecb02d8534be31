package id.piagam.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CleanTextTest {

    @Test
    void ordinaryIndonesianAndAccentedTextPasses() {
        assertThat(CleanText.check("Dr. Ir. Hj. Siti Nur'aini, M.Kes.", false)).isEmpty();
        assertThat(CleanText.check("Nguyễn Thị Minh Khai", false)).isEmpty();
        assertThat(CleanText.check("Pemerintah Kab. Pamekasan — Bagian “Umum” (2026)", false)).isEmpty();
        assertThat(CleanText.check("baris satu\nbaris dua\tkolom", true)).isEmpty();
    }

    @Test
    void refusesControlBidiInvisibleSurrogateAndCombiningFloods() {
        assertThat(CleanText.check("Dinas\u0000Kominfo", false)).contains(CleanText.Refusal.CONTROL);
        assertThat(CleanText.check("Dinas\u0085Kominfo", false)).contains(CleanText.Refusal.CONTROL);
        assertThat(CleanText.check("baris\nbaru", false)).contains(CleanText.Refusal.CONTROL);
        assertThat(CleanText.check("S.Kom.\u202E", false)).contains(CleanText.Refusal.BIDI);
        assertThat(CleanText.check("a\u2067b", false)).contains(CleanText.Refusal.BIDI);
        assertThat(CleanText.check("Bu\u200Bdi", false)).contains(CleanText.Refusal.INVISIBLE);
        assertThat(CleanText.check("\uFEFFBudi", false)).contains(CleanText.Refusal.INVISIBLE);
        assertThat(CleanText.check("Budi\uD800", false)).contains(CleanText.Refusal.SURROGATE);
        assertThat(CleanText.check("\uDC00Budi", false)).contains(CleanText.Refusal.SURROGATE);
        assertThat(CleanText.check("Z" + "\u0301".repeat(149), false)).contains(CleanText.Refusal.COMBINING);
    }

    @Test
    void normalisesToNfc() {
        assertThat(CleanText.normalise("Jose\u0301")).isEqualTo("Jos\u00E9");
        assertThat(CleanText.normalise("José")).isEqualTo("José");
    }
}

package id.piagam.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BahasaTest {

    @ParameterizedTest
    @CsvSource({"0, nol", "1, satu", "10, sepuluh", "11, sebelas", "12, dua belas", "19, sembilan belas", "20, dua puluh",
            "32, tiga puluh dua", "100, seratus", "101, seratus satu", "111, seratus sebelas", "245, dua ratus empat puluh lima",
            "1000, seribu", "1945, seribu sembilan ratus empat puluh lima", "2026, dua ribu dua puluh enam",
            "1000000, satu juta", "2500000, dua juta lima ratus ribu"})
    void writesNumbersInWords(long n, String words) {
        assertThat(Bahasa.terbilang(n)).isEqualTo(words);
    }

    @Test
    void aDateADocumentStatesIsReadBackAndNothingElseIs() {
        for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() < 2025; d = d.plusDays(1)) {
            assertThat(Bahasa.parseLongDate(Bahasa.longDate(d))).contains(d);
        }
        for (String other : new String[]{"", "30 Februari 2026", "6 March 2026", "2026-03-06", "6 Maret", "enam Maret 2026", "6  Maret 2026"}) {
            assertThat(Bahasa.parseLongDate(other)).as(other).isEmpty();
        }
        assertThat(Bahasa.parseLongDate(null)).isEmpty();
    }

    @Test
    void writesJpTheWayCertificatesDo() {
        assertThat(Bahasa.withWords(32)).isEqualTo("32 (tiga puluh dua)");
    }

    @Test
    void writesDatesAndRangesInIndonesian() {
        assertThat(Bahasa.longDate(LocalDate.of(2026, 1, 27))).isEqualTo("27 Januari 2026");
        assertThat(Bahasa.dateRange(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 1, 27))).isEqualTo("25\u201327 Januari 2026");
        assertThat(Bahasa.dateRange(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 2, 2))).isEqualTo("25 Januari s.d. 2 Februari 2026");
        assertThat(Bahasa.dateRange(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 2))).isEqualTo("29 Desember 2025 s.d. 2 Januari 2026");
        assertThat(Bahasa.dateRange(LocalDate.of(2026, 8, 17), LocalDate.of(2026, 8, 17))).isEqualTo("17 Agustus 2026");
    }

    @Test
    void writesDecimalsWithAComma() {
        assertThat(Bahasa.decimal2(new BigDecimal("75"))).isEqualTo("75,00");
        assertThat(Bahasa.decimal2(new BigDecimal("68.5"))).isEqualTo("68,50");
        assertThat(Bahasa.decimal(new BigDecimal("80.00"))).isEqualTo("80");
        assertThat(Bahasa.decimal(new BigDecimal("82.50"))).isEqualTo("82,5");
        assertThat(Bahasa.decimal(new BigDecimal("100"))).isEqualTo("100");
    }

    @Test
    void writesDatesInEnglishForAReaderWhoChoseEnglish() {
        java.util.Locale en = java.util.Locale.ENGLISH;
        assertThat(Bahasa.longDate(LocalDate.of(2026, 1, 27), en)).isEqualTo("27 January 2026");
        assertThat(Bahasa.longDate(LocalDate.of(2026, 1, 27), java.util.Locale.forLanguageTag("id"))).isEqualTo("27 Januari 2026");
        assertThat(Bahasa.dateRange(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 1, 27), en)).isEqualTo("25\u201327 January 2026");
        assertThat(Bahasa.dateRange(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 2, 2), en)).isEqualTo("25 January \u2013 2 February 2026");
        assertThat(Bahasa.dateRange(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 2), en))
                .isEqualTo("29 December 2025 \u2013 2 January 2026");
        assertThat(Bahasa.dateRange(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 4), en)).isEqualTo("4 May 2026");
    }

    @Test
    void writesAMomentWithItsZone() {
        assertThat(Bahasa.timestampWithZone(java.time.Instant.parse("2026-03-06T03:00:00Z"), java.time.ZoneId.of("Asia/Jakarta")))
                .isEqualTo("2026-03-06 10:00 WIB");
        assertThat(Bahasa.timestampWithZone(java.time.Instant.parse("2026-03-06T03:00:00Z"), java.time.ZoneId.of("Asia/Makassar")))
                .isEqualTo("2026-03-06 11:00 WITA");
    }
}

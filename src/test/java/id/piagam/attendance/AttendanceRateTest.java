package id.piagam.attendance;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static id.piagam.attendance.AttendanceStatus.ALPA;
import static id.piagam.attendance.AttendanceStatus.HADIR;
import static id.piagam.attendance.AttendanceStatus.IZIN;
import static id.piagam.attendance.AttendanceStatus.SAKIT;
import static id.piagam.attendance.AttendanceStatus.TERLAMBAT;
import static org.assertj.core.api.Assertions.assertThat;

class AttendanceRateTest {

    private static AttendanceRate.Entry e(int jp, AttendanceStatus s) {
        return new AttendanceRate.Entry(jp, s);
    }

    @Test
    void onlyHadirAndTerlambatCountAsPresent() {
        assertThat(HADIR.countsAsPresent()).isTrue();
        assertThat(TERLAMBAT.countsAsPresent()).isTrue();
        assertThat(IZIN.countsAsPresent()).isFalse();
        assertThat(SAKIT.countsAsPresent()).isFalse();
        assertThat(ALPA.countsAsPresent()).isFalse();
    }

    @Test
    void weightsEachSessionByItsJp() {
        AttendanceRate rate = AttendanceRate.of(List.of(e(4, HADIR), e(8, ALPA), e(8, TERLAMBAT), e(4, IZIN)));
        assertThat(rate.presentJp()).isEqualTo(12);
        assertThat(rate.totalJp()).isEqualTo(24);
        assertThat(rate.percent()).isEqualByComparingTo("50.00");
        // missing the 8-JP session costs twice as much as missing a 4-JP one
        assertThat(AttendanceRate.of(List.of(e(4, HADIR), e(8, HADIR), e(8, HADIR), e(4, SAKIT))).percent()).isEqualByComparingTo("83.33");
        assertThat(AttendanceRate.of(List.of(e(4, HADIR), e(8, ALPA), e(8, HADIR), e(4, HADIR))).percent()).isEqualByComparingTo("66.66");
    }

    @Test
    void aSessionWithNothingRecordedCountsAsNotAttended() {
        AttendanceRate rate = AttendanceRate.of(List.of(e(2, HADIR), e(2, null)));
        assertThat(rate.percent()).isEqualByComparingTo("50.00");
    }

    @Test
    void comparesWithTheThresholdExactlyAndTruncatesWhatItShows() {
        // 2 of 3 JP = 66.666…%: shown as 66.66, meets 66.66 but not 66.67
        AttendanceRate rate = AttendanceRate.of(List.of(e(1, HADIR), e(1, HADIR), e(1, ALPA)));
        assertThat(rate.percent()).isEqualByComparingTo("66.66");
        assertThat(rate.meets(new BigDecimal("66.66"))).isTrue();
        assertThat(rate.meets(new BigDecimal("66.67"))).isFalse();
    }

    @Test
    void neverShowsTheThresholdWhenJustBelowIt() {
        // 799 of 1000 JP = 79.9% → 79.90, never rounded up to 80
        List<AttendanceRate.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(e(1, i < 799 ? HADIR : ALPA));
        }
        AttendanceRate rate = AttendanceRate.of(entries);
        assertThat(rate.percent()).isEqualByComparingTo("79.90");
        assertThat(rate.meets(new BigDecimal("80"))).isFalse();
        assertThat(AttendanceRate.of(List.of(e(3, HADIR), e(1, HADIR), e(1, HADIR), e(1, HADIR), e(1, HADIR), e(3, ALPA))).meets(new BigDecimal("70")))
                .isTrue();
    }

    @Test
    void anEventWithoutSessionsMeetsNothing() {
        AttendanceRate rate = AttendanceRate.of(List.of());
        assertThat(rate.percent()).isEqualByComparingTo("0");
        assertThat(rate.meets(new BigDecimal("0.01"))).isFalse();
    }
}

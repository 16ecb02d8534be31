package id.piagam.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The attendance rate of one participant, weighted by each session's JP: a 4-JP session missed
 * weighs four times a 1-JP one. The threshold comparison is exact ({@code present × 100 ≥ min × total});
 * the percentage shown is truncated to two places, so it never displays 80,00% for 79,999%.
 */
public record AttendanceRate(int presentJp, int totalJp) {

    /** One session's weight and what was recorded for it (null: nothing recorded yet). */
    public record Entry(int jp, AttendanceStatus status) {
    }

    public static AttendanceRate of(Collection<Entry> sessions) {
        int total = 0;
        int present = 0;
        for (Entry e : sessions) {
            total += e.jp();
            if (e.status() != null && e.status().countsAsPresent()) {
                present += e.jp();
            }
        }
        return new AttendanceRate(present, total);
    }

    /** The percentage, truncated to two decimals; zero for an event with no sessions. */
    public BigDecimal percent() {
        if (totalJp == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(presentJp).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(totalJp), 2, RoundingMode.DOWN);
    }

    public boolean meets(BigDecimal minimumPercent) {
        if (totalJp == 0) {
            return false;
        }
        return BigDecimal.valueOf(presentJp).multiply(BigDecimal.valueOf(100))
                .compareTo(minimumPercent.multiply(BigDecimal.valueOf(totalJp))) >= 0;
    }
}

package id.piagam.assessment;

import java.math.BigDecimal;

/** One kualifikasi: its label, the lowest score that reaches it, and whether it is a passing band. */
public record GradeBand(String label, BigDecimal lowerBound, boolean passing) {
}

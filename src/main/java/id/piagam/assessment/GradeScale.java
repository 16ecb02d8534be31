package id.piagam.assessment;

import java.util.function.BiFunction;
import id.piagam.validation.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A grade scale (kualifikasi kelulusan). Published scales are written with gaps (92,4 … 92,5)
 * while scores have two decimals, so each band is stored as a lower bound only: a score belongs
 * to the highest band whose lower bound it reaches, and 92,45 lands in exactly one band.
 *
 * <p>Bands are agency data and versioned; an event keeps the version it used.
 */
public record GradeScale(String code, int version, String name, List<GradeBand> bands) {

    public GradeScale {
        bands = bands.stream().sorted(Comparator.comparing(GradeBand::lowerBound).reversed()).toList();
    }

    public GradeBand bandFor(BigDecimal score) {
        return bands.stream().filter(b -> score.compareTo(b.lowerBound()) >= 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("scale " + code + " has no band for " + score));
    }

    /** The structural problems of the scale itself, reported against the field {@code field}. */
    public List<FieldProblem> check(String field) {
        return check(field, null);
    }

    /**
     * The same, with the bands in the order the client sent them ({@code asSent}), so that a problem of
     * one band names that band's own input ({@code bands[2].lowerBound}) rather than the whole list.
     */
    public List<FieldProblem> check(String field, List<GradeBand> asSent) {
        BiFunction<GradeBand, String, String> at = (band, property) -> {
            int i = asSent == null ? -1 : asSent.indexOf(band);
            return i < 0 ? field : field + "[" + i + "]." + property;
        };
        BiFunction<GradeBand, String, String> repeated = (band, property) -> {
            int i = asSent == null ? -1 : asSent.lastIndexOf(band);
            return i < 0 ? field : field + "[" + i + "]." + property;
        };
        List<FieldProblem> problems = new ArrayList<>();
        if (bands.isEmpty()) {
            problems.add(FieldProblem.of(field, "gradeScale.empty"));
            return problems;
        }
        Set<BigDecimal> seen = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (GradeBand band : bands) {
            if (band.label() == null || band.label().isBlank()) {
                problems.add(FieldProblem.of(at.apply(band, "label"), "gradeScale.label"));
            } else if (!labels.add(band.label().trim().toLowerCase())) {
                problems.add(FieldProblem.of(repeated.apply(band, "label"), "gradeScale.duplicateLabel", band.label()));
            }
            if (band.lowerBound().signum() < 0 || band.lowerBound().compareTo(Assessment.MAX_SCORE) > 0
                    || band.lowerBound().stripTrailingZeros().scale() > 2) {
                problems.add(FieldProblem.of(at.apply(band, "lowerBound"), "gradeScale.bound", band.lowerBound().toPlainString()));
            }
            if (!seen.add(band.lowerBound().stripTrailingZeros())) {
                problems.add(FieldProblem.of(repeated.apply(band, "lowerBound"), "gradeScale.duplicateBound",
                        band.lowerBound().toPlainString()));
            }
        }
        if (bands.get(bands.size() - 1).lowerBound().signum() != 0) {
            problems.add(FieldProblem.of(field, "gradeScale.noZeroBand"));
        }
        // passing bands must all lie above the failing ones
        boolean failingSeen = false;
        for (GradeBand band : bands) {
            if (!band.passing()) {
                failingSeen = true;
            } else if (failingSeen) {
                problems.add(FieldProblem.of(at.apply(band, "passing"), "gradeScale.passingBelowFailing", band.label()));
            }
        }
        if (bands.stream().noneMatch(GradeBand::passing)) {
            problems.add(FieldProblem.of(field, "gradeScale.noPassingBand"));
        }
        return problems;
    }

    /** The lower bound of the lowest passing band: the only pass mark that agrees with this scale. */
    public Optional<BigDecimal> passBoundary() {
        return bands.stream().filter(GradeBand::passing).map(GradeBand::lowerBound).min(Comparator.naturalOrder());
    }

    /**
     * A pass mark agrees with the scale when it falls exactly on the boundary between the failing
     * and the passing bands, so that no passing participant gets a failing band and no failing one
     * a passing band.
     */
    public boolean agreesWith(BigDecimal passMark) {
        return passBoundary().map(b -> b.compareTo(passMark) == 0).orElse(false);
    }
}

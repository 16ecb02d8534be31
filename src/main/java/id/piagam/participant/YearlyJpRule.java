package id.piagam.participant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a person's JP per year is measured against, by category: a PNS must get at least 20 JP of
 * competency development a year (PP 11/2017 art. 203(4), kept by PP 17/2020); PPPK staff get at
 * most 24 JP a year of their contract; others (CPNS, non-ASN, TNI/Polri) have no yearly target.
 */
@Serdeable
public record YearlyJpRule(Kind kind, @Nullable Integer jp) {

    public enum Kind { MINIMUM, CEILING, NONE }

    /** How one year stands against the rule. */
    public enum Status { MET, SHORT, WITHIN, OVER, NO_TARGET }

    public static final int PNS_MINIMUM_JP = 20;
    public static final int PPPK_CEILING_JP = 24;

    public static YearlyJpRule of(Category category) {
        return switch (category) {
            case PNS -> new YearlyJpRule(Kind.MINIMUM, PNS_MINIMUM_JP);
            case PPPK -> new YearlyJpRule(Kind.CEILING, PPPK_CEILING_JP);
            case CPNS, NON_ASN, TNI_POLRI -> new YearlyJpRule(Kind.NONE, null);
        };
    }

    public Status status(int credited) {
        return switch (kind) {
            case MINIMUM -> credited >= jp ? Status.MET : Status.SHORT;
            case CEILING -> credited > jp ? Status.OVER : Status.WITHIN;
            case NONE -> Status.NO_TARGET;
        };
    }

    /** JP short of the minimum, or over the ceiling; 0 otherwise. */
    public int gap(int credited) {
        return switch (kind) {
            case MINIMUM -> Math.max(0, jp - credited);
            case CEILING -> Math.max(0, credited - jp);
            case NONE -> 0;
        };
    }
}

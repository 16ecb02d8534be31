package id.piagam.participant;

import id.piagam.validation.FieldProblem;

import java.util.Optional;

/**
 * The NRP (Nomor Registrasi Pokok) of a TNI or Polri member: their service number, in place of a NIP.
 * Its structure differs by force and era (Polri 8 digits, TNI up to 14 and more), so only what all share
 * is checked: digits only, 8 to 18 of them. It applies to category TNI/Polri only (a civil servant
 * working in TNI or Polri has a NIP). Stored as digits, typed with spaces, dots or hyphens.
 */
public final class Nrp {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 18;

    private Nrp() {
    }

    /** Every problem with a normalised NRP for the category, at most one. */
    public static Optional<FieldProblem> check(String nrp, Category category) {
        if (nrp == null) {
            return Optional.empty();
        }
        if (category != Category.TNI_POLRI) {
            return Optional.of(FieldProblem.of("nrp", "nrp.notApplicable", category.name()));
        }
        if (!isWellFormed(nrp)) {
            return Optional.of(FieldProblem.of("nrp", "nrp.format", MIN_LENGTH, MAX_LENGTH));
        }
        return Optional.empty();
    }

    /** Digits only, 8 to 18 of them. */
    public static boolean isWellFormed(String nrp) {
        return nrp != null && nrp.matches("\\d{" + MIN_LENGTH + "," + MAX_LENGTH + "}");
    }
}

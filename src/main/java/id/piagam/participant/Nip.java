package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 18-digit civil-servant number and its PPPK sibling.
 *
 * <p>NIP: {@code YYYYMMDD YYYYMM G NNN}: birth date, year and month of appointment (TMT CPNS),
 * sex (1 male, 2 female), sequence. NI PPPK has the same length, but digits 9–12 are the appointment
 * year and digits 13–14 are not a month, so they are not validated as one. The sequence starts at 001:
 * a NIP ending in 000 is the typical tail of a number Excel rounded, and is refused. Stored as digits, printed
 * grouped: {@code NIP. 19671203 199403 1 009}.
 */
public final class Nip {

    /** Nobody is appointed before the age of 18 (PP 11/2017 art. 23). */
    static final int MIN_APPOINTMENT_AGE = 18;

    private Nip() {
    }

    /** Strips the spaces, dots and hyphens people type; leaves anything else for validation to refuse. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s.\\-]", "");
    }

    /** {@code 196712031994031009 → "19671203 199403 1 009"}. */
    public static String grouped(String nip) {
        if (nip == null || nip.length() != 18) {
            return nip;
        }
        return nip.substring(0, 8) + " " + nip.substring(8, 14) + " " + nip.substring(14, 15) + " " + nip.substring(15);
    }

    /**
     * The problems with a NIP for a person of the given category, birth date and sex (both optional:
     * when given they must agree with the number).
     */
    public static List<FieldProblem> check(String nip, Category category, LocalDate birthDate, Sex sex, Year thisYear) {
        List<FieldProblem> problems = new ArrayList<>();
        if (nip.length() != 18 || !nip.chars().allMatch(Character::isDigit)) {
            problems.add(FieldProblem.of("nip", "nip.format"));
            return problems;
        }
        Optional<LocalDate> born = date(nip.substring(0, 8));
        if (born.isEmpty()) {
            problems.add(FieldProblem.of("nip", "nip.birthDate"));
            return problems;
        }
        int appointedYear = Integer.parseInt(nip.substring(8, 12));
        int appointedMonth = Integer.parseInt(nip.substring(12, 14));
        if (appointedYear < born.get().getYear() + MIN_APPOINTMENT_AGE || appointedYear > thisYear.getValue() + 1) {
            problems.add(FieldProblem.of("nip", "nip.appointmentYear", appointedYear));
        }
        if (category != Category.PPPK && (appointedMonth < 1 || appointedMonth > 12)) {
            problems.add(FieldProblem.of("nip", "nip.appointmentMonth", nip.substring(12, 14)));
        }
        char sexDigit = nip.charAt(14);
        if (sexDigit != '1' && sexDigit != '2') {
            problems.add(FieldProblem.of("nip", "nip.sexDigit"));
        } else if (sex != null && sex != (sexDigit == '1' ? Sex.L : Sex.P)) {
            problems.add(FieldProblem.of("sex", "nip.sexMismatch"));
        }
        if (nip.endsWith("000")) {
            problems.add(FieldProblem.of("nip", "nip.sequence"));
        }
        if (birthDate != null && !birthDate.equals(born.get())) {
            problems.add(FieldProblem.of("birthDate", "nip.birthDateMismatch"));
        }
        return problems;
    }

    private static Optional<LocalDate> date(String yyyymmdd) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8))))
                    .filter(d -> d.getYear() >= 1900);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

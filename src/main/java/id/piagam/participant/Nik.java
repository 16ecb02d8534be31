package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 16-digit national identity number (NIK): region (6), birth date DDMMYY with 40 added to the
 * day for women, sequence (4). It has no check digit, so this is all that can be verified.
 */
public final class Nik {

    private Nik() {
    }

    public static List<FieldProblem> check(String nik, LocalDate birthDate, Sex sex, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (nik.length() != 16 || !nik.chars().allMatch(Character::isDigit)) {
            problems.add(FieldProblem.of("nik", "nik.format"));
            return problems;
        }
        int province = Integer.parseInt(nik.substring(0, 2));
        if (province < 11 || province > 99 || nik.startsWith("0000", 2)) {
            problems.add(FieldProblem.of("nik", "nik.region"));
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        boolean female = day > 40;
        int realDay = female ? day - 40 : day;
        LocalDate born = birthDate(realDay, month, yy, today);
        if (born == null) {
            problems.add(FieldProblem.of("nik", "nik.birthDate"));
            return problems;
        }
        if (nik.endsWith("0000")) {
            problems.add(FieldProblem.of("nik", "nik.sequence"));
        }
        if (sex != null && sex != (female ? Sex.P : Sex.L)) {
            problems.add(FieldProblem.of("sex", "nik.sexMismatch"));
        }
        if (birthDate != null && (birthDate.getDayOfMonth() != realDay || birthDate.getMonthValue() != month
                || birthDate.getYear() % 100 != yy)) {
            problems.add(FieldProblem.of("birthDate", "nik.birthDateMismatch"));
        }
        return problems;
    }

    /** The two-digit year is read in the latest century that does not put the birth in the future. */
    private static LocalDate birthDate(int day, int month, int yy, LocalDate today) {
        for (int century = today.getYear() / 100 * 100; century >= 1900; century -= 100) {
            try {
                LocalDate date = LocalDate.of(century + yy, month, day);
                if (!date.isAfter(today)) {
                    return date;
                }
            } catch (DateTimeException e) {
                // 29 February in a year that is not a leap year: try the previous century
            }
        }
        return null;
    }
}

package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The 16-digit national identity number (NIK): region (6), birth date DDMMYY with 40 added to the
 * day for women, sequence (4). It has no check digit, so this is all that can be verified.
 */
public final class Nik {

    /**
     * The province codes (Kemendagri's region codes) that exist: Sumatra 11–19, Jakarta and Java
     * 31–36 (21 Kepulauan Riau), Bali and Nusa Tenggara 51–53, Kalimantan 61–65, Sulawesi 71–76,
     * Maluku 81–82, Papua 91–96.
     */
    static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34",
            "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93",
            "94", "95", "96");

    private Nik() {
    }

    public static List<FieldProblem> check(String nik, LocalDate birthDate, Sex sex, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (nik.length() != 16 || !nik.chars().allMatch(Character::isDigit)) {
            problems.add(FieldProblem.of("nik", "nik.format"));
            return problems;
        }
        if (!PROVINCES.contains(nik.substring(0, 2))) {
            problems.add(FieldProblem.of("nik", "nik.province", nik.substring(0, 2)));
        } else if (nik.startsWith("00", 2)) {
            problems.add(FieldProblem.of("nik", "nik.regency"));
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

package id.piagam.participant;

/**
 * Indonesian phone numbers, kept in one form: the national one with its leading 0
 * ({@code 081234567890}, {@code 0215551234}), the way Indonesians write and dial them.
 *
 * <p>People write {@code 0812-3456-7890}, {@code +62 812 3456 7890} or {@code 62812…}; a number
 * typed into a spreadsheet's number cell loses its leading 0 ({@code 81234567890}). All of these
 * become the same stored number. Anything else cannot be an Indonesian phone and is refused: a
 * mobile number is 08 and 8–11 more digits, a landline 0, an area code (not starting with 0 or 8)
 * and the subscriber number, 9–12 digits in all.
 */
public final class Phone {

    private Phone() {
    }

    /** The stored form of what was typed, or the input without separators when it is no phone at all. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[\\s.\\-()/]", "");
        if (s.startsWith("+62")) {
            return "0" + s.substring(3);
        }
        if (s.startsWith("62")) {
            return "0" + s.substring(2);
        }
        if (s.startsWith("8")) {
            return "0" + s;
        }
        return s;
    }

    /** Whether a normalised number can be an Indonesian phone. */
    public static boolean isValid(String normalised) {
        return normalised.matches("08[0-9]{8,11}") || normalised.matches("0[1-79][0-9]{7,10}");
    }
}

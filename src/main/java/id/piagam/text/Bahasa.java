package id.piagam.text;

import java.math.BigDecimal;
import java.text.Collator;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Function;

/**
 * How numbers and dates are written in Indonesian official documents: decimal comma,
 * "27 Januari 2026", ranges "25–27 Januari 2026", and numbers in words ("terbilang").
 */
public final class Bahasa {

    public static final List<String> MONTHS = List.of("Januari", "Februari", "Maret", "April", "Mei", "Juni",
            "Juli", "Agustus", "September", "Oktober", "November", "Desember");

    /** Month names for a reader who chose English on the pages. */
    public static final List<String> ENGLISH_MONTHS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");

    private static final String[] UNITS = {"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
            "delapan", "sembilan", "sepuluh", "sebelas"};

    private static final Collator NAMES = names();

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Bahasa() {
    }

    /**
     * Lists of people in Indonesian alphabetical order, ignoring case ("dr. Ratna" before "Yusuf"),
     * as a secretariat looks a name up on a printed list; the database's binary order puts every
     * lower-case title after "Z".
     */
    public static <T> Comparator<T> byName(Function<T, String> name) {
        return Comparator.comparing(name, NAMES::compare);
    }

    private static Collator names() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("id-ID"));
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    /** A decimal with exactly two places and a decimal comma: {@code 75.5 → "75,50"}. */
    public static String decimal2(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** A decimal without trailing zeros and with a decimal comma: {@code 80.00 → "80"}, {@code 82.50 → "82,5"}. */
    public static String decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        return stripped.toPlainString().replace('.', ',');
    }

    /**
     * A decimal as typed on a form, with a decimal comma ({@code 87,5}) or a point.
     *
     * @throws NumberFormatException when it is not a number
     */
    public static BigDecimal readDecimal(String typed) {
        return new BigDecimal(typed.trim().replace(',', '.'));
    }

    /** A moment as the secretariat's pages show it, in the service's zone: "2026-03-06 10:00". */
    public static String timestamp(Instant at, ZoneId zone) {
        return TIMESTAMP.withZone(zone).format(at);
    }

    /**
     * A moment with the zone a reader in Indonesia knows it by: "2026-03-06 10:00 WIB" (WITA, WIT
     * for Makassar and Jayapura; the zone's id elsewhere), so a link's expiry is not misread.
     */
    public static String timestampWithZone(Instant at, ZoneId zone) {
        String label = switch (zone.getId()) {
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> zone.getId();
        };
        return timestamp(at, zone) + " " + label;
    }

    /** "27 Januari 2026". */
    public static String longDate(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS.get(date.getMonthValue() - 1) + " " + date.getYear();
    }

    /** The date in a text {@link #longDate(LocalDate)} wrote ("27 Januari 2026"); empty for any other text. */
    public static Optional<LocalDate> parseLongDate(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(" ");
        if (parts.length != 3 || !parts[0].matches("\\d{1,2}") || !parts[2].matches("\\d{4}") || !MONTHS.contains(parts[1])) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(parts[2]), MONTHS.indexOf(parts[1]) + 1, Integer.parseInt(parts[0])));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A date for the reader of a page: "27 Januari 2026", or "27 January 2026" when they chose
     * English. Documents (certificates, transcripts) stay in Indonesian: they use {@link #longDate(LocalDate)}.
     */
    public static String longDate(LocalDate date, Locale reader) {
        return english(reader) ? date.getDayOfMonth() + " " + ENGLISH_MONTHS.get(date.getMonthValue() - 1) + " " + date.getYear()
                : longDate(date);
    }

    /** A range for the reader of a page: "25–27 January 2026", "25 January – 2 February 2026", across years both in full. */
    public static String dateRange(LocalDate start, LocalDate end, Locale reader) {
        if (!english(reader)) {
            return dateRange(start, end);
        }
        if (start.equals(end)) {
            return longDate(end, reader);
        }
        if (start.getYear() != end.getYear()) {
            return longDate(start, reader) + " \u2013 " + longDate(end, reader);
        }
        if (start.getMonth() == end.getMonth()) {
            return start.getDayOfMonth() + "\u2013" + longDate(end, reader);
        }
        return start.getDayOfMonth() + " " + ENGLISH_MONTHS.get(start.getMonthValue() - 1) + " \u2013 " + longDate(end, reader);
    }

    private static boolean english(Locale reader) {
        return reader != null && "en".equals(reader.getLanguage());
    }

    /** "25–27 Januari 2026", "25 Januari – 2 Februari 2026" or, across years, both dates in full with "s.d.". */
    public static String dateRange(LocalDate start, LocalDate end) {
        if (start.equals(end)) {
            return longDate(start);
        }
        if (start.getYear() != end.getYear()) {
            return longDate(start) + " s.d. " + longDate(end);
        }
        if (start.getMonth() == end.getMonth()) {
            return start.getDayOfMonth() + "\u2013" + longDate(end);
        }
        return start.getDayOfMonth() + " " + MONTHS.get(start.getMonthValue() - 1) + " s.d. " + longDate(end);
    }

    /** A whole number in words: {@code 32 → "tiga puluh dua"}. */
    public static String terbilang(long n) {
        if (n < 0) {
            return "minus " + terbilang(-n);
        }
        if (n == 0) {
            return "nol";
        }
        return words(n).trim().replaceAll(" +", " ");
    }

    /** "32 (tiga puluh dua)". */
    public static String withWords(long n) {
        return n + " (" + terbilang(n) + ")";
    }

    private static String words(long n) {
        if (n < 12) {
            return UNITS[(int) n];
        }
        if (n < 20) {
            return words(n - 10) + " belas";
        }
        if (n < 100) {
            return words(n / 10) + " puluh " + words(n % 10);
        }
        if (n < 200) {
            return "seratus " + words(n - 100);
        }
        if (n < 1000) {
            return words(n / 100) + " ratus " + words(n % 100);
        }
        if (n < 2000) {
            return "seribu " + words(n - 1000);
        }
        if (n < 1_000_000) {
            return words(n / 1000) + " ribu " + words(n % 1000);
        }
        if (n < 1_000_000_000) {
            return words(n / 1_000_000) + " juta " + words(n % 1_000_000);
        }
        return words(n / 1_000_000_000) + " miliar " + words(n % 1_000_000_000);
    }
}

package id.piagam.exchange;

import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.PanitiaFunction;
import id.piagam.participant.Category;
import id.piagam.validation.FieldProblem;
import id.piagam.participant.ParticipantRequest;
import id.piagam.participant.Sex;
import id.piagam.text.Bahasa;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a participant list read into a request, with the values written the way people write
 * them: "Non-ASN", "Laki-laki", "03/12/1967" or "3 Desember 1967", "Narasumber", and a panitia's function
 * ("Ketua", "sekretaris"), which only a row of the panitia may give. An empty category
 * means PNS when a NIP is given, TNI/Polri when only an NRP is, and Non-ASN otherwise. A "NIP/NRP"
 * column holds an NRP when the row's category is TNI/Polri or the value is not an 18-digit number, else
 * a NIP. A number Excel rounded, or a formula, is
 * refused at its field: nothing is taken from a rounded number or a formula's cached value.
 */
public record ImportRow(int number, ParticipantRequest request, EnrolmentRole role, PanitiaFunction function, List<FieldProblem> problems) {

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern LONG = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]+)\\s+(\\d{4})");

    public static ImportRow of(Sheet.Row row, Map<Integer, String> mapping) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> v = new HashMap<>();
        mapping.forEach((column, field) -> v.put(field, row.cell(column).trim()));
        boolean noNip = blank(v.get("nip")) == null && blank(v.get(ColumnMapping.NIP_OR_NRP)) == null;
        for (String field : fieldsRead()) {
            String code = Sheet.IMPRECISE.equals(v.get(field)) ? "import.imprecise" : Sheet.FORMULA.equals(v.get(field)) ? "import.formula" : null;
            if (code != null) {
                // a spoiled NIP/NRP cell is reported at the NIP, the number it most likely was
                problems.add(FieldProblem.of(field.equals(ColumnMapping.NIP_OR_NRP) ? "nip" : field, code));
                v.put(field, "");
            }
        }
        Category category = category(v.get("category"), noNip, problems);
        String either = blank(v.remove(ColumnMapping.NIP_OR_NRP));
        if (either != null) {
            boolean nrp = (category == Category.TNI_POLRI || !either.replaceAll("[\\s.\\-]", "").matches("\\d{18}"))
                    && blank(v.get("nrp")) == null;
            if (blank(v.get(nrp ? "nrp" : "nip")) == null) {
                v.put(nrp ? "nrp" : "nip", either);
            }
            if (nrp && blank(v.get("category")) == null) {
                category = Category.TNI_POLRI;
            }
        }
        Sex sex = sex(v.get("sex"), problems);
        LocalDate birth = date(v.get("birthDate"), problems);
        EnrolmentRole role = role(v.get("role"), problems);
        PanitiaFunction function = function(v.get("panitiaFunction"), problems);
        if (function != null && role != EnrolmentRole.PANITIA && problems.stream().noneMatch(p -> p.field().equals("role"))) {
            problems.add(FieldProblem.of("panitiaFunction", "enrolment.functionPanitiaOnly"));
        }
        ParticipantRequest request = new ParticipantRequest(blank(v.get("fullName")), blank(v.get("frontTitle")), blank(v.get("backTitle")),
                blank(v.get("nip")), blank(v.get("nik")), category, blank(v.get("birthPlace")), birth, sex, blank(v.get("golongan")),
                blank(v.get("jabatan")), blank(v.get("unitKerja")), blank(v.get("instansi")), blank(v.get("email")), blank(v.get("phone")),
                blank(v.get("nrp")));
        if (request.fullName() == null && problems.stream().noneMatch(p -> p.field().equals("fullName"))) {
            problems.add(FieldProblem.of("fullName", "jakarta.validation.constraints.NotBlank.message"));
        }
        return new ImportRow(row.number(), request, role, function, problems);
    }

    private static List<String> fieldsRead() {
        List<String> fields = new ArrayList<>(ColumnMapping.FIELDS);
        fields.add(ColumnMapping.NIP_OR_NRP);
        return fields;
    }

    static Category category(String raw, boolean noNip, List<FieldProblem> problems) {
        String s = raw == null ? "" : raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return switch (s) {
            case "" -> noNip ? Category.NON_ASN : Category.PNS;
            case "PNS", "ASN" -> Category.PNS;
            case "CPNS" -> Category.CPNS;
            case "PPPK", "P3K" -> Category.PPPK;
            case "NONASN", "HONORER", "SWASTA", "UMUM", "NONPNS" -> Category.NON_ASN;
            case "TNIPOLRI", "TNI", "POLRI" -> Category.TNI_POLRI;
            default -> {
                problems.add(FieldProblem.of("category", "value.choice", "PNS, CPNS, PPPK, Non-ASN, TNI/Polri"));
                yield Category.NON_ASN;
            }
        };
    }

    static Sex sex(String raw, List<FieldProblem> problems) {
        String s = raw == null ? "" : raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return switch (s) {
            case "" -> null;
            case "L", "LAKILAKI", "PRIA", "M", "MALE" -> Sex.L;
            case "P", "PEREMPUAN", "WANITA", "F", "FEMALE" -> Sex.P;
            default -> {
                problems.add(FieldProblem.of("sex", "value.choice", "L, P"));
                yield null;
            }
        };
    }

    static EnrolmentRole role(String raw, List<FieldProblem> problems) {
        String s = raw == null ? "" : raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return switch (s) {
            case "", "PESERTA" -> EnrolmentRole.PESERTA;
            case "NARASUMBER", "PEMATERI", "WIDYAISWARA" -> EnrolmentRole.NARASUMBER;
            case "MODERATOR" -> EnrolmentRole.MODERATOR;
            case "PANITIA" -> EnrolmentRole.PANITIA;
            default -> {
                problems.add(FieldProblem.of("role", "value.choice", "peserta, narasumber, moderator, panitia"));
                yield EnrolmentRole.PESERTA;
            }
        };
    }

    /**
     * A panitia's function as people write it, in any case and with or without "panitia" after it: "Ketua",
     * "sekretaris", "Wakil Ketua Panitia", "penanggung jawab"; blank: none.
     */
    static PanitiaFunction function(String raw, List<FieldProblem> problems) {
        String s = raw == null ? "" : raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "").replaceFirst("PANITIA$", "");
        if (s.isEmpty() && (raw == null || raw.isBlank())) {
            return null;
        }
        for (PanitiaFunction f : PanitiaFunction.values()) {
            if (f.name().replace("_", "").equals(s)) {
                return f;
            }
        }
        problems.add(FieldProblem.of("panitiaFunction", "import.panitiaFunction", raw.trim(),
                String.join(", ", Arrays.stream(PanitiaFunction.values()).map(PanitiaFunction::printed).toList())));
        return null;
    }

    /** yyyy-MM-dd, dd/MM/yyyy (also with - or .), or "3 Desember 1967". */
    static LocalDate date(String raw, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(s);
            }
            Matcher m = DMY.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = LONG.matcher(s);
            if (m.matches()) {
                int month = Bahasa.MONTHS.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList().indexOf(m.group(2).toLowerCase(Locale.ROOT));
                if (month >= 0) {
                    return LocalDate.of(Integer.parseInt(m.group(3)), month + 1, Integer.parseInt(m.group(1)));
                }
            }
        } catch (DateTimeException e) {
            // falls through to the problem below
        }
        problems.add(FieldProblem.of("birthDate", "import.date", s));
        return null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

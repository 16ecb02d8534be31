package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalises what people type (spaces in NIPs, upper-case emails, "iii/a") and checks a person's
 * identity exactly: NIP or NI PPPK structure, NIK, golongan for the category, and that the numbers
 * agree with the birth date and sex given.
 *
 * <p>Identity rule: civil servants and PPPK have a NIP and must give it; Non-ASN and TNI/Polri have
 * none and are identified by NIK instead; TNI/Polri may give their NRP ({@link Nrp}) instead of a NIK, and
 * only they may give one.
 */
public final class ParticipantRules {

    private ParticipantRules() {
    }

    /** The request with whitespace trimmed, blanks as null and numbers in their stored form. */
    public static ParticipantRequest normalise(ParticipantRequest r) {
        return new ParticipantRequest(collapse(r.fullName()), blankToNull(r.frontTitle()), blankToNull(r.backTitle()),
                blankToNull(Nip.normalise(r.nip())), blankToNull(Nip.normalise(r.nik())), r.category(),
                blankToNull(r.birthPlace()), r.birthDate(), r.sex(), blankToNull(Golongan.normalise(r.golongan())),
                blankToNull(r.jabatan()), blankToNull(r.unitKerja()), blankToNull(r.instansi()),
                r.email() == null ? null : blankToNull(r.email().toLowerCase(Locale.ROOT)), blankToNull(Phone.normalise(r.phone())),
                blankToNull(Nip.normalise(r.nrp())));
    }

    /** Every problem with a normalised request; empty when it may be stored. */
    public static List<FieldProblem> check(ParticipantRequest r, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        Category category = r.category();
        if (r.fullName() != null && !r.fullName().codePoints().allMatch(c -> Character.isLetter(c) || c == ' '
                || c == '\'' || c == '.' || c == '-' || Character.getType(c) == Character.NON_SPACING_MARK)) {
            problems.add(FieldProblem.of("fullName", "name.characters"));
        }
        if (r.birthDate() != null && (r.birthDate().isAfter(today) || r.birthDate().getYear() < 1900)) {
            problems.add(FieldProblem.of("birthDate", "birthDate.range"));
        }
        if (category.hasNip()) {
            if (r.nip() == null) {
                problems.add(FieldProblem.of("nip", "nip.required", category.name()));
            } else {
                problems.addAll(Nip.check(r.nip(), category, r.birthDate(), r.sex(), Year.from(today)));
            }
        } else {
            if (r.nip() != null) {
                problems.add(FieldProblem.of("nip", "nip.notApplicable", category.name()));
            }
            if (r.nik() == null && r.nrp() == null) {
                problems.add(category == Category.TNI_POLRI ? FieldProblem.of("nik", "nik.requiredOrNrp")
                        : FieldProblem.of("nik", "nik.required", category.name()));
            }
        }
        if (r.nik() != null) {
            problems.addAll(Nik.check(r.nik(), r.birthDate(), r.sex(), today));
        }
        Nrp.check(r.nrp(), category).ifPresent(problems::add);
        Golongan.check(r.golongan(), category).ifPresent(problems::add);
        if (r.email() != null && !deliverable(r.email())) {
            problems.add(FieldProblem.of("email", "jakarta.validation.constraints.Email.message"));
        }
        if (r.phone() != null && !Phone.isValid(r.phone())) {
            problems.add(FieldProblem.of("phone", "phone.format"));
        }
        return dedupe(problems);
    }

    /**
     * Whether an SMTP server can be given the address, so invitations and certificates can be emailed:
     * one plain address (Jakarta Mail's strict parse: no display name, comment, list or quotes) at a
     * domain of letter-digit-hyphen labels.
     */
    static boolean deliverable(String email) {
        try {
            InternetAddress parsed = new InternetAddress(email, true);
            parsed.validate();
            return parsed.getAddress().equals(email) && parsed.getPersonal() == null && !email.contains("\"")
                    && email.matches("[^@\\s]+@" + DOMAIN);
        } catch (AddressException e) {
            return false;
        }
    }

    private static final String DOMAIN = "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";

    /** Lower-case text the search looks in: name with titles, NIP, NIK, NRP, instansi, unit kerja, email. */
    public static String searchText(ParticipantRequest r) {
        StringBuilder sb = new StringBuilder();
        for (String s : new String[]{Participant.printedName(r.frontTitle(), r.fullName(), r.backTitle()), r.nip(), r.nik(), r.nrp(),
                r.instansi(), r.unitKerja(), r.email()}) {
            if (s != null) {
                sb.append(s.toLowerCase(Locale.ROOT)).append(" | ");
            }
        }
        return sb.toString();
    }

    private static List<FieldProblem> dedupe(List<FieldProblem> problems) {
        return problems.stream().distinct().toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String collapse(String s) {
        return s == null ? null : s.trim().replaceAll("\\s+", " ");
    }
}

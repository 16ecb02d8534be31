package id.piagam.participant;

import id.piagam.validation.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides who a row of a participant list is. Identity is decided by NIP (PNS, CPNS, PPPK) or NRP
 * (TNI/Polri) or, failing that, NIK; an email or phone never decides it. When the row's NIK, email or phone belongs
 * to another known person, or the person found has a different NIP or NIK on file, the row is a
 * conflict: importing it could enrol the wrong person, so it is shown side by side and never imported.
 */
public final class IdentityMatch {

    /** What importing the row would do to the people list. */
    public enum Outcome {
        NEW, MATCHED, CONFLICT
    }

    /**
     * The decision: for MATCHED the person matched, for CONFLICT the known person the row collides
     * with, with one problem per colliding field.
     */
    public record Result(Outcome outcome, Participant person, List<FieldProblem> conflicts) {
    }

    /** A field where the sheet differs from the stored person. */
    public record Difference(String field, String sheet, String stored) {
    }

    /** The fields a sheet may update on a matched person, in the order they are shown. */
    static final List<String> UPDATABLE = List.of("nip", "nrp", "nik", "category", "golongan", "jabatan", "unitKerja", "instansi", "email", "phone");

    private IdentityMatch() {
    }

    /**
     * @param row     the row, normalised and valid
     * @param byNip   the person with the row's NIP
     * @param byNrp   the person with the row's NRP
     * @param byNik   the person with the row's NIK
     * @param byEmail the person with the row's email
     * @param byPhone the people with the row's phone
     */
    public static Result decide(ParticipantRequest row, Optional<Participant> byNip, Optional<Participant> byNrp,
                                Optional<Participant> byNik, Optional<Participant> byEmail, List<Participant> byPhone) {
        Optional<Participant> byNumber = byNip.or(() -> byNrp);
        Participant identity = byNumber.or(() -> byNik).orElse(null);
        List<FieldProblem> conflicts = new ArrayList<>();
        Participant other = null;
        if (identity != null && byNumber.isPresent() && row.nik() != null && identity.nik() != null && !identity.nik().equals(row.nik())) {
            conflicts.add(FieldProblem.of("nik", byNip.isPresent() ? "import.conflict.nikDiffers" : "import.conflict.nikDiffersNrp",
                    describe(identity), identity.nik()));
        }
        if (identity != null && byNip.isEmpty() && row.nip() != null && identity.nip() != null) {
            conflicts.add(FieldProblem.of("nip", "import.conflict.nipDiffers", describe(identity), identity.nip()));
        }
        if (identity != null && byNrp.isEmpty() && row.nrp() != null && identity.nrp() != null) {
            conflicts.add(FieldProblem.of("nrp", "import.conflict.nrpDiffers", describe(identity), identity.nrp()));
        }
        List<Candidate> candidates = new ArrayList<>();
        if (byNip.isPresent()) {
            byNrp.ifPresent(p -> candidates.add(new Candidate("nrp", p)));
        }
        byNik.ifPresent(p -> candidates.add(new Candidate("nik", p)));
        byEmail.ifPresent(p -> candidates.add(new Candidate("email", p)));
        byPhone.forEach(p -> candidates.add(new Candidate("phone", p)));
        for (Candidate c : candidates) {
            if (identity == null || !identity.id().equals(c.person.id())) {
                conflicts.add(FieldProblem.of(c.field, "import.conflict." + c.field, describe(c.person)));
                other = other == null ? c.person : other;
            }
        }
        if (!conflicts.isEmpty()) {
            return new Result(Outcome.CONFLICT, other != null ? other : identity, conflicts.stream().distinct().toList());
        }
        return identity == null ? new Result(Outcome.NEW, null, List.of()) : new Result(Outcome.MATCHED, identity, List.of());
    }

    /**
     * Where the sheet says something else than the stored person: only values the sheet gives
     * (an empty cell never blanks stored data), and the category only when the sheet has a category
     * column or brings a NIP the stored category cannot carry.
     */
    public static List<Difference> differences(ParticipantRequest sheet, Participant stored, boolean categoryColumn) {
        List<Difference> out = new ArrayList<>();
        for (String field : UPDATABLE) {
            String given = value(field, sheet::nip, sheet::nrp, sheet::nik, () -> sheet.category().name(), sheet::golongan, sheet::jabatan,
                    sheet::unitKerja, sheet::instansi, sheet::email, sheet::phone);
            String kept = value(field, stored::nip, stored::nrp, stored::nik, () -> stored.category().name(), stored::golongan, stored::jabatan,
                    stored::unitKerja, stored::instansi, stored::email, stored::phone);
            if (field.equals("category") && !categoryColumn && !(sheet.nip() != null && !stored.category().hasNip())) {
                continue;
            }
            if (given != null && !given.equals(kept)) {
                out.add(new Difference(field, given, kept));
            }
        }
        return out;
    }

    /** The stored person with the sheet's differing values taken over, as a request to save. */
    public static ParticipantRequest updated(Participant p, ParticipantRequest sheet, List<Difference> differences) {
        List<String> f = differences.stream().map(Difference::field).toList();
        return new ParticipantRequest(p.fullName(), p.frontTitle(), p.backTitle(),
                f.contains("nip") ? sheet.nip() : p.nip(), f.contains("nik") ? sheet.nik() : p.nik(),
                f.contains("category") ? sheet.category() : p.category(), p.birthPlace(), p.birthDate(), p.sex(),
                f.contains("golongan") ? sheet.golongan() : p.golongan(), f.contains("jabatan") ? sheet.jabatan() : p.jabatan(),
                f.contains("unitKerja") ? sheet.unitKerja() : p.unitKerja(), f.contains("instansi") ? sheet.instansi() : p.instansi(),
                f.contains("email") ? sheet.email() : p.email(), f.contains("phone") ? sheet.phone() : p.phone(),
                f.contains("nrp") ? sheet.nrp() : p.nrp());
    }

    /** "Dewi Lestari, NIP 196809131992032004" (a PPPK's NI PPPK; or NRP, or NIK when there is neither). */
    static String describe(Participant p) {
        String id = p.nip() != null ? Category.nipLabel(p.category()) + " " + p.nip() : p.nrp() != null ? "NRP " + p.nrp() : p.nik() != null ? "NIK " + p.nik() : "";
        return id.isEmpty() ? p.printedName() : p.printedName() + ", " + id;
    }

    @SafeVarargs
    private static String value(String field, Supplier<String>... getters) {
        int i = UPDATABLE.indexOf(field);
        return getters[i].get();
    }

    private record Candidate(String field, Participant person) {
    }
}

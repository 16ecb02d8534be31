package id.piagam.programme;

import id.piagam.participant.Category;
import id.piagam.participant.Golongan;
import id.piagam.validation.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The signature block as the official correspondence rules lay it out (Permendagri 1/2023 on
 * tata naskah dinas): "a.n." (atas nama) names the delegating office on its own line and the
 * signer's own position below it; "Plt." (acting, long term) and "Plh." (acting for a day) stand in
 * front of the position itself. The pangkat is printed with its golongan: "Pembina Tingkat I (IV/b)".
 */
public final class SignatoryBlock {

    public static final String AN = "a.n.";
    public static final List<String> PREFIXES = List.of(AN, "Plt.", "Plh.");

    private SignatoryBlock() {
    }

    /** "a.n", "A.N.", "an" → "a.n."; "plt" → "Plt."; blank → none; anything else is returned as typed. */
    public static String normalisePrefix(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String key = raw.trim().toLowerCase(Locale.ROOT).replace(".", "").replace(" ", "");
        return switch (key) {
            case "an" -> AN;
            case "plt" -> "Plt.";
            case "plh" -> "Plh.";
            default -> raw.trim();
        };
    }

    /** The problems with a signatory's prefix, office and golongan; field names under {@code certificate.signatory}. */
    public static List<FieldProblem> check(EventRequest.Signatory s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (s == null) {
            return problems;
        }
        String prefix = normalisePrefix(s.prefix());
        if (prefix != null && !PREFIXES.contains(prefix)) {
            problems.add(FieldProblem.of("certificate.signatory.prefix", "signatory.prefix", prefix));
        }
        if (present(s.office()) && !AN.equals(prefix)) {
            problems.add(FieldProblem.of("certificate.signatory.office", "signatory.officeNeedsAn"));
        }
        if (present(s.golongan())) {
            String golongan = Golongan.normalise(s.golongan());
            if (!Golongan.PNS.contains(golongan)) {
                problems.add(FieldProblem.of("certificate.signatory.golongan", "signatory.golongan", s.golongan().trim()));
            }
        }
        return problems;
    }

    /**
     * The lines above the signature: "a.n. {office}," then "{position},"; or "Plt. {position},";
     * or "{position},". An "a.n." without an office (the single field of earlier versions) prints
     * on one line as it always did.
     */
    public static String heading(String prefix, String office, String position) {
        String pos = position == null ? "" : position.trim();
        if (pos.isEmpty() && !present(office)) {
            return "";
        }
        if (AN.equals(prefix) && present(office)) {
            return AN + " " + comma(office.trim()) + (pos.isEmpty() ? "" : "\n" + comma(pos));
        }
        return comma(prefix == null ? pos : prefix + " " + pos);
    }

    /** "Pembina Tingkat I (IV/b)": the pangkat typed (or the one of the golongan), with the golongan. */
    public static String pangkatLine(String pangkat, String golongan) {
        String rank = present(pangkat) ? pangkat.trim()
                : present(golongan) ? Golongan.pangkat(Category.PNS, golongan).orElse("") : "";
        if (!present(golongan)) {
            return rank;
        }
        return rank.isEmpty() ? golongan : rank + " (" + golongan + ")";
    }

    private static String comma(String line) {
        return line.endsWith(",") ? line : line + ",";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static Optional<String> golongan(String raw) {
        return present(raw) ? Optional.of(Golongan.normalise(raw)) : Optional.empty();
    }
}

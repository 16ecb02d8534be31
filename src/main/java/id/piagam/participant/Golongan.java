package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Golongan (grade) and pangkat (rank). PNS golongan I/a–IV/e each have a pangkat; CPNS have a
 * golongan but no pangkat yet; PPPK have golongan I–XVII and no pangkat. Non-ASN and TNI/Polri
 * participants have none of these.
 */
public final class Golongan {

    private static final Map<String, String> PNS_PANGKAT = new LinkedHashMap<>();

    static {
        PNS_PANGKAT.put("I/a", "Juru Muda");
        PNS_PANGKAT.put("I/b", "Juru Muda Tingkat I");
        PNS_PANGKAT.put("I/c", "Juru");
        PNS_PANGKAT.put("I/d", "Juru Tingkat I");
        PNS_PANGKAT.put("II/a", "Pengatur Muda");
        PNS_PANGKAT.put("II/b", "Pengatur Muda Tingkat I");
        PNS_PANGKAT.put("II/c", "Pengatur");
        PNS_PANGKAT.put("II/d", "Pengatur Tingkat I");
        PNS_PANGKAT.put("III/a", "Penata Muda");
        PNS_PANGKAT.put("III/b", "Penata Muda Tingkat I");
        PNS_PANGKAT.put("III/c", "Penata");
        PNS_PANGKAT.put("III/d", "Penata Tingkat I");
        PNS_PANGKAT.put("IV/a", "Pembina");
        PNS_PANGKAT.put("IV/b", "Pembina Tingkat I");
        PNS_PANGKAT.put("IV/c", "Pembina Utama Muda");
        PNS_PANGKAT.put("IV/d", "Pembina Utama Madya");
        PNS_PANGKAT.put("IV/e", "Pembina Utama");
    }

    public static final List<String> PNS = List.copyOf(PNS_PANGKAT.keySet());

    public static final List<String> PPPK = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII");

    private Golongan() {
    }

    /** The golongan written the canonical way ("iii/a" → "III/a", "ix" → "IX"), or the input if unknown. */
    /** "Penata Muda, III/a" or "Penata (III/c)": a "Pangkat/Gol." column holds both; the golongan is taken. */
    private static final Pattern IN_PANGKAT = Pattern.compile("(?i)\\b(IV|III|II|I)\\s*/\\s*([a-e])\\b");

    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher pns = IN_PANGKAT.matcher(raw);
        if (pns.find()) {
            return pns.group(1).toUpperCase() + "/" + pns.group(2).toLowerCase();
        }
        String s = raw.trim().replace(" ", "");
        int slash = s.indexOf('/');
        return slash < 0 ? s.toUpperCase() : s.substring(0, slash).toUpperCase() + "/" + s.substring(slash + 1).toLowerCase();
    }

    /** The golongan values allowed for a category (empty: none may be given). */
    public static List<String> allowed(Category category) {
        return switch (category) {
            case PNS, CPNS -> PNS;
            case PPPK -> PPPK;
            case NON_ASN, TNI_POLRI -> List.of();
        };
    }

    public static Optional<FieldProblem> check(String golongan, Category category) {
        if (golongan == null) {
            return Optional.empty();
        }
        List<String> allowed = allowed(category);
        if (allowed.isEmpty()) {
            return Optional.of(FieldProblem.of("golongan", "golongan.notApplicable", category.name()));
        }
        return allowed.contains(golongan) ? Optional.empty()
                : Optional.of(FieldProblem.of("golongan", "golongan.unknown", golongan, category.name()));
    }

    /** The pangkat printed for a golongan: PNS only (CPNS and PPPK have none). */
    public static Optional<String> pangkat(Category category, String golongan) {
        return category == Category.PNS && golongan != null ? Optional.ofNullable(PNS_PANGKAT.get(golongan)) : Optional.empty();
    }
}

package id.piagam.exchange;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises the columns of a participant list by their header, in the many ways Indonesian
 * secretariats write them ("Nama Lengkap", "NIP/NRP", "Tgl. Lahir", "L/P", "Gol.", "No. HP"…).
 */
public final class ColumnMapping {

    /** The fields an import understands, in the order of the blank template. */
    public static final List<String> FIELDS = List.of("fullName", "frontTitle", "backTitle", "nip", "nik", "category", "birthPlace",
            "birthDate", "sex", "golongan", "jabatan", "unitKerja", "instansi", "email", "phone", "role", "panitiaFunction", "nrp");

    /**
     * A "NIP/NRP" column holds either number; {@link ImportRow} decides per row which one it is. Not a
     * column of the blank template.
     */
    static final String NIP_OR_NRP = "nipNrp";

    /** The template's own headers, in Indonesian. */
    public static final Map<String, String> HEADERS = new LinkedHashMap<>();

    private static final Map<String, String> SYNONYMS = new LinkedHashMap<>();

    static {
        header("fullName", "Nama Lengkap", "nama", "nama peserta", "nama tanpa gelar", "full name", "name", "fullname");
        header("frontTitle", "Gelar Depan", "gelar depan", "front title");
        header("backTitle", "Gelar Belakang", "gelar belakang", "back title", "gelar");
        header("nip", "NIP", "nip", "nip nippk", "ni pppk", "nip ni pppk", "nomor induk pegawai");
        SYNONYMS.put("nip nrp", NIP_OR_NRP);
        header("nik", "NIK", "nik", "nomor induk kependudukan", "no ktp", "ktp");
        header("category", "Kategori", "kategori", "status kepegawaian", "jenis pegawai", "status pegawai", "category");
        header("birthPlace", "Tempat Lahir", "tempat lahir", "birth place");
        header("birthDate", "Tanggal Lahir", "tanggal lahir", "tgl lahir", "birth date", "date of birth");
        header("sex", "Jenis Kelamin", "jenis kelamin", "jk", "l p", "sex", "gender");
        header("golongan", "Golongan", "golongan", "gol", "golongan ruang", "pangkat golongan", "pangkat gol", "gol ruang",
                "pangkat gol ruang", "pangkat golongan ruang");
        header("jabatan", "Jabatan", "jabatan", "position");
        header("unitKerja", "Unit Kerja", "unit kerja", "satuan kerja", "opd", "perangkat daerah");
        header("instansi", "Instansi", "instansi", "asal instansi", "institution");
        header("email", "Email", "email", "e mail", "surel", "alamat email");
        header("phone", "Telepon", "telepon", "no hp", "nomor hp", "hp", "telp", "no telp", "whatsapp", "wa", "phone", "no wa",
                "nomor wa", "no whatsapp", "no hp wa", "nomor hp wa", "no telp wa", "hp wa");
        header("role", "Peran", "peran", "role", "sebagai");
        header("panitiaFunction", "Fungsi Panitia", "fungsi panitia", "jabatan panitia", "jabatan kepanitiaan", "fungsi kepanitiaan",
                "tugas panitia", "kedudukan dalam panitia", "jabatan dalam panitia", "committee function");
        header("nrp", "NRP", "nrp", "nomor registrasi pokok", "nrp nip");
    }

    private static void header(String field, String templateHeader, String... synonyms) {
        HEADERS.put(field, templateHeader);
        SYNONYMS.put(normalise(templateHeader), field);
        for (String s : synonyms) {
            SYNONYMS.put(s, field);
        }
    }

    private ColumnMapping() {
    }

    /** "Tgl. Lahir" → "tgl lahir": lower case, accents and punctuation gone, spaces single. */
    static String normalise(String header) {
        String s = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    public static Optional<String> field(String header) {
        return Optional.ofNullable(SYNONYMS.get(normalise(header)));
    }

    /** Column index → field for a header row; the first column wins when two mean the same field. */
    public static Map<Integer, String> of(List<String> headers) {
        Map<Integer, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            field(headers.get(i)).filter(f -> !mapping.containsValue(f)).ifPresent(f -> mapping.put(column, f));
        }
        return mapping;
    }
}

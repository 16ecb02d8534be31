package id.piagam.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies built in the test: {@code aDiklat().withSessions(4, 8, 8, 4).body()}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A valid PNS with a NIP derived from {@code n}, unique per n below 10,000. */
    public static Map<String, Object> aPns(int n, String name) {
        LocalDate born = LocalDate.of(1975, 1, 1).plusDays(n);
        String nip = String.format("%04d%02d%02d%s1%03d", born.getYear(), born.getMonthValue(), born.getDayOfMonth(), "200503", Math.max(1, n % 1000));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fullName", name);
        p.put("backTitle", "S.Kom.");
        p.put("nip", nip);
        p.put("category", "PNS");
        p.put("birthPlace", "Pamekasan");
        p.put("birthDate", born.toString());
        p.put("sex", "L");
        p.put("golongan", "III/b");
        p.put("jabatan", "Pranata Komputer Ahli Pertama");
        p.put("unitKerja", "Dinas Kominfo");
        p.put("instansi", "Pemerintah Kabupaten Pamekasan");
        p.put("email", "orang" + n + "@contoh.go.id");
        return p;
    }

    /** A name made of letters only (names may not hold digits), distinct for every n: "Peserta Bac". */
    public static String name(int n) {
        return "Peserta " + letters(n);
    }

    /** n written with the letters a–z, capitalised: 0 → "A", 27 → "Bb". */
    public static String letters(int n) {
        StringBuilder sb = new StringBuilder();
        int v = n;
        do {
            sb.append((char) ('a' + v % 26));
            v /= 26;
        } while (v > 0);
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    public static EventBuilder aDiklat() {
        return new EventBuilder("DIKLAT");
    }

    public static EventBuilder aBimtek() {
        return new EventBuilder("BIMTEK");
    }

    public static final class EventBuilder {
        private final Map<String, Object> body = new HashMap<>();
        private final LocalDate start = LocalDate.of(2026, 3, 2);

        EventBuilder(String kind) {
            body.put("kind", kind);
            body.put("title", kind.equals("DIKLAT") ? "Pelatihan Pengadaan Barang/Jasa" : "Bimtek SIPD");
            body.put("organiser", "BPSDM Provinsi Jawa Timur");
            body.put("place", "Surabaya");
            body.put("startDate", start.toString());
            body.put("endDate", start.plusDays(4).toString());
            body.put("minAttendancePercent", 80);
            if (kind.equals("DIKLAT")) {
                body.put("track", "KL03");
                body.put("components", List.of(Map.of("name", "Sikap", "weight", 20), Map.of("name", "Ujian", "weight", 80)));
            }
            withSessions(4, 4);
            body.put("certificate", Map.of("issuePlace", "Surabaya", "signatory", Map.of("prefix", "a.n.",
                    "position", "Kepala BPSDM Provinsi Jawa Timur", "name", "Dr. Ir. Hadi Prasetyo, M.Si.", "pangkat", "Pembina Utama Muda",
                    "nip", "197105121996031002")));
        }

        /** One session per JP value, one per day from the start. */
        public EventBuilder withSessions(int... jps) {
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (int i = 0; i < jps.length; i++) {
                sessions.add(new HashMap<>(Map.of("date", start.plusDays(Math.min(i, 4)).toString(), "topic", "Materi " + (i + 1), "jp", jps[i])));
            }
            body.put("sessions", sessions);
            return this;
        }

        public EventBuilder with(String key, Object value) {
            if (value == null) {
                body.remove(key);
            } else {
                body.put(key, value);
            }
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }
    }
}

package id.piagam.exchange;

import id.piagam.programme.Track;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A training as the national HR system (BKN's SIASN) records it in a civil servant's history
 * (riwayat kursus / diklat): jenis, the name, the organising institution, the certificate number,
 * start and end dates written dd-MM-yyyy, the year and the hours. Only completed programmes
 * belong there; the caller passes those only.
 */
final class SiasnHistory {

    static final List<String> HEADERS = List.of("NIP", "Nama", "Jenis", "Kode Jalur (LAN)", "Nama Kursus/Diklat",
            "Institusi Penyelenggara", "Nomor Sertifikat", "Tanggal Mulai", "Tanggal Selesai", "Tahun", "Jumlah Jam",
            "Tautan Verifikasi");

    /** Columns written as text (NIP, certificate number, dates), so a spreadsheet never turns them into numbers. */
    static final List<Integer> TEXT_COLUMNS = List.of(0, 6, 7, 8);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** One completed training of one person. */
    record Line(String nip, String name, Track track, String title, String organiser, String number, LocalDate start,
                LocalDate end, int jp, String verifyUrl) {
    }

    private SiasnHistory() {
    }

    /**
     * SIASN keeps structural and functional training as "diklat" (riwayat diklat) and everything
     * else, technical training, Bimtek, seminars and courses, as "kursus" (riwayat kursus).
     */
    static String jenis(Track track) {
        return switch (track) {
            case KL01 -> "Diklat Struktural";
            case KL04 -> "Diklat Fungsional";
            default -> "Kursus";
        };
    }

    static List<String> row(Line l) {
        return List.of(l.nip() == null ? "" : l.nip(), l.name(), jenis(l.track()), l.track().name(), l.title(), l.organiser(),
                l.number(), DATE.format(l.start()), DATE.format(l.end()), Integer.toString(l.end().getYear()),
                Integer.toString(l.jp()), l.verifyUrl());
    }
}

package id.piagam.programme;

/**
 * LAN's learning tracks (jalur pengembangan kompetensi): classroom (KL) and non-classroom (NKL).
 * Employers report training by this code, so every event carries one. Bimtek is its own
 * classroom track, KL10.
 */
public enum Track {
    KL01("Pelatihan struktural kepemimpinan"),
    KL02("Pelatihan manajerial"),
    KL03("Pelatihan teknis"),
    KL04("Pelatihan fungsional"),
    KL05("Pelatihan sosial kultural"),
    KL06("Seminar/konferensi/sarasehan"),
    KL07("Workshop/lokakarya"),
    KL08("Kursus"),
    KL09("Penataran"),
    KL10("Bimbingan teknis"),
    KL11("Sosialisasi"),
    KL12("Pelatihan klasikal lainnya"),
    NKL01("Coaching"),
    NKL02("Mentoring"),
    NKL03("E-learning"),
    NKL04("Pelatihan jarak jauh"),
    NKL05("Datasering (secondment)"),
    NKL06("Pembelajaran alam terbuka (outbound)"),
    NKL07("Patok banding (benchmarking)"),
    NKL08("Pertukaran PNS dengan pegawai swasta/BUMN/BUMD"),
    NKL09("Belajar mandiri (self development)"),
    NKL10("Komunitas belajar (community of practice)"),
    NKL11("Bimbingan di tempat kerja"),
    NKL12("Magang/praktik kerja"),
    NKL13("Pelatihan nonklasikal lainnya");

    public static final Track BIMTEK = KL10;

    private final String label;

    Track(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Classroom tracks that certify attendance, not a passed assessment (seminar, workshop, course,
     * penataran, Bimtek, sosialisasi, other classroom events: KL06–KL12): the tracks an
     * attendance-only event (kind BIMTEK) may carry. Structural, managerial, technical, functional
     * and socio-cultural training (KL01–KL05) is a Diklat.
     */
    public boolean attendanceOnly() {
        return compareTo(KL06) >= 0 && compareTo(KL12) <= 0;
    }
}

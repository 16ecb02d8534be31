package id.piagam.certificate;

import id.piagam.rendering.RenderInput;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic sample data for previewing a template. */
final class SampleCertificate {

    private SampleCertificate() {
    }

    static RenderInput input(CertificateKind kind, String verifyUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("participant.name", "Dr. Siti Nurhaliza Rahmawati, S.E., M.Ak.");
        f.put("participant.nip", "19850314 201001 2 015");
        f.put("participant.idLine", "NIP. 19850314 201001 2 015");
        f.put("participant.idLabel", "NIP");
        f.put("participant.idNumber", "19850314 201001 2 015");
        f.put("participant.birth", "Pamekasan, 14 Maret 1985");
        f.put("participant.pangkatGolongan", "Penata Tingkat I (III/d)");
        f.put("participant.jabatan", "Analis Kebijakan Ahli Muda");
        f.put("participant.unitKerja", "Badan Perencanaan Pembangunan Daerah,");
        f.put("participant.instansi", "Pemerintah Kabupaten Pamekasan");
        f.put("event.title", kind == CertificateKind.COMPETENCY ? "Pelatihan Dasar Pengadaan Barang/Jasa Pemerintah Angkatan II"
                : "Bimbingan Teknis Penyusunan Dokumen Perencanaan dan Penganggaran melalui SIPD");
        f.put("event.fullTitle", f.get("event.title"));
        f.put("event.kindLabel", kind == CertificateKind.COMPETENCY ? "Pelatihan" : "Bimbingan Teknis");
        f.put("event.organiser", "BADAN PENGEMBANGAN SUMBER DAYA MANUSIA PROVINSI JAWA TIMUR");
        f.put("event.partner", "");
        f.put("event.place", "Surabaya");
        f.put("event.dateRange", "2\u20136 Maret 2026");
        f.put("event.startDate", "2 Maret 2026");
        f.put("event.endDate", "6 Maret 2026");
        f.put("event.jp", "40");
        f.put("event.jpWords", "40 (empat puluh)");
        f.put("event.angkatan", "II");
        f.put("event.year", "2026");
        f.put("event.track", "KL03 Pelatihan teknis");
        f.put("event.code", "PBJ-DSR-2026");
        f.put("certificate.title", kind == CertificateKind.COMPETENCY ? "SURAT TANDA TAMAT PELATIHAN"
                : kind.forPeserta() ? "SERTIFIKAT" : "PIAGAM PENGHARGAAN");
        f.put("certificate.number", "800.2.4.2/0123/BPSDM/2026");
        f.put("certificate.issuedOn", "6 Maret 2026");
        f.put("certificate.issueLine", "Surabaya, 6 Maret 2026");
        f.put("certificate.verifyUrl", verifyUrl);
        f.put("certificate.expiresOn", "");
        f.put("result.finalScore", kind == CertificateKind.COMPETENCY ? "86,45" : "");
        f.put("result.kualifikasi", kind == CertificateKind.COMPETENCY ? "MEMUASKAN" : "");
        f.put("signatory.prefix", "a.n.");
        f.put("signatory.office", "Kepala Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur");
        f.put("signatory.position", "Sekretaris");
        f.put("signatory.heading", "a.n. Kepala Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur,\nSekretaris,");
        f.put("signatory.name", "Dr. Ir. Hadi Prasetyo, M.Si.");
        f.put("signatory.pangkat", "Pembina Utama Muda (IV/c)");
        f.put("signatory.nipLine", "NIP. 19710512 199603 1 002");
        f.put("role.name", switch (kind) {
            case NARASUMBER -> "Narasumber";
            case MODERATOR -> "Moderator";
            case PANITIA -> "Panitia";
            default -> "Peserta";
        });
        f.put("role.function", kind == CertificateKind.PANITIA ? "Sekretaris" : "");
        f.put("role.jp", kind.forPeserta() || kind == CertificateKind.PANITIA ? "0" : "8");
        f.put("role.jpWords", kind.forPeserta() || kind == CertificateKind.PANITIA ? "0 (nol)" : "8 (delapan)");
        List<RenderInput.CurriculumRow> rows = kind == CertificateKind.NARASUMBER || kind == CertificateKind.MODERATOR ? List.of(
                new RenderInput.CurriculumRow("Kebijakan pengadaan barang/jasa pemerintah (2 Maret 2026)", 4),
                new RenderInput.CurriculumRow("Etika pengadaan (3 Maret 2026)", 4)) : List.of(
                new RenderInput.CurriculumRow("Kebijakan pengadaan barang/jasa pemerintah", 4),
                new RenderInput.CurriculumRow("Etika pengadaan", 4),
                new RenderInput.CurriculumRow("Perencanaan pengadaan", 8),
                new RenderInput.CurriculumRow("Pemilihan penyedia", 8),
                new RenderInput.CurriculumRow("Pelaksanaan kontrak", 8),
                new RenderInput.CurriculumRow("Aktualisasi dan ujian akhir", 8));
        List<RenderInput.ScoreRow> scores = kind == CertificateKind.COMPETENCY ? List.of(
                new RenderInput.ScoreRow("Sikap dan perilaku", new BigDecimal("20"), new BigDecimal("88.00")),
                new RenderInput.ScoreRow("Aktualisasi", new BigDecimal("30"), new BigDecimal("85.50")),
                new RenderInput.ScoreRow("Ujian akhir", new BigDecimal("50"), new BigDecimal("86.60"))) : List.of();
        return new RenderInput(f, rows, scores, verifyUrl, f.get("certificate.title") + " (contoh)");
    }
}

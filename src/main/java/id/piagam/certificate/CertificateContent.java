package id.piagam.certificate;

import id.piagam.assessment.GradeBand;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.participant.Category;
import id.piagam.participant.Nip;
import id.piagam.programme.Event;
import id.piagam.programme.EventKind;
import id.piagam.programme.EventSession;
import id.piagam.programme.SignatoryBlock;
import id.piagam.programme.Track;
import id.piagam.rendering.RenderInput;
import id.piagam.text.Bahasa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a certificate prints, built from the event, the enrolment's frozen identity and the outcome.
 * This map is also the snapshot stored with the certificate, so what was printed can always be shown.
 */
public final class CertificateContent {

    private CertificateContent() {
    }

    /** The fixed facts of one certificate being issued. */
    public record Issue(CertificateKind kind, String number, LocalDate issuedOn, LocalDate expiresOn, String verifyUrl) {

        Issue withVerifyUrl(String url) {
            return new Issue(kind, number, issuedOn, expiresOn, url);
        }
    }

    public static RenderInput build(Event e, List<EventSession> sessions, Enrolment en, EnrolmentOutcome outcome, Issue issue) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("participant.name", en.printedName());
        f.put("participant.nip", en.nip() == null ? "" : Nip.grouped(en.nip()));
        String idLabel = idLabel(en);
        String idNumber = en.nip() != null ? Nip.grouped(en.nip()) : orEmpty(en.nik());
        f.put("participant.idLabel", idLabel);
        f.put("participant.idNumber", idNumber.isEmpty() ? "-" : idNumber);
        f.put("participant.idLine", idNumber.isEmpty() ? "" : idLabel + ". " + idNumber);
        f.put("participant.birth", birth(en));
        f.put("participant.pangkatGolongan", en.pangkat() != null ? en.pangkat() + " (" + en.golongan() + ")"
                : en.golongan() != null ? en.golongan() : "-");
        f.put("participant.jabatan", orDash(en.jabatan()));
        f.put("participant.unitKerja", en.unitKerja() == null ? "" : en.unitKerja() + (en.instansi() == null ? "" : ","));
        f.put("participant.instansi", orEmpty(en.instansi()));
        int jp = sessions.stream().mapToInt(EventSession::jp).sum();
        f.put("event.title", e.title());
        f.put("event.fullTitle", fullTitle(e.title(), e.angkatan()));
        f.put("event.kindLabel", e.kind() == EventKind.DIKLAT ? "Pelatihan" : e.track() == Track.BIMTEK ? "Bimbingan Teknis" : e.track().label());
        f.put("event.organiser", e.organiser());
        f.put("event.partner", orEmpty(e.partner()));
        f.put("event.place", e.place());
        f.put("event.dateRange", Bahasa.dateRange(e.startDate(), e.endDate()));
        f.put("event.startDate", Bahasa.longDate(e.startDate()));
        f.put("event.endDate", Bahasa.longDate(e.endDate()));
        f.put("event.jp", Integer.toString(jp));
        f.put("event.jpWords", Bahasa.withWords(jp));
        f.put("event.angkatan", orEmpty(e.angkatan()));
        f.put("event.year", Integer.toString(e.year()));
        f.put("event.track", e.track().name() + " " + e.track().label());
        f.put("event.code", orEmpty(e.code()));
        f.put("certificate.title", title(issue.kind(), e));
        f.put("certificate.number", issue.number());
        f.put("certificate.issuedOn", Bahasa.longDate(issue.issuedOn()));
        f.put("certificate.issueLine", (e.issuePlace() == null ? e.place() : e.issuePlace()) + ", " + Bahasa.longDate(issue.issuedOn()));
        f.put("certificate.verifyUrl", issue.verifyUrl());
        f.put("certificate.expiresOn", issue.expiresOn() == null ? "" : Bahasa.longDate(issue.expiresOn()));
        boolean graded = issue.kind() == CertificateKind.COMPETENCY && outcome.assessment() != null;
        f.put("result.finalScore", graded ? outcome.assessment().finalScore().map(Bahasa::decimal2).orElse("") : "");
        f.put("result.kualifikasi", graded ? outcome.assessment().band().map(GradeBand::label).orElse("").toUpperCase(Locale.ROOT) : "");
        f.put("signatory.prefix", orEmpty(e.signatoryPrefix()));
        f.put("signatory.position", orEmpty(e.signatoryPosition()));
        f.put("signatory.name", orEmpty(e.signatoryName()));
        f.put("signatory.office", orEmpty(e.signatoryOffice()));
        f.put("signatory.heading", SignatoryBlock.heading(e.signatoryPrefix(), e.signatoryOffice(), e.signatoryPosition()));
        f.put("signatory.pangkat", SignatoryBlock.pangkatLine(e.signatoryPangkat(), e.signatoryGolongan()));
        f.put("signatory.nipLine", e.signatoryNip() == null ? "" : "NIP. " + Nip.grouped(e.signatoryNip()));
        List<RenderInput.ScoreRow> scores = graded ? outcome.assessment().components().stream()
                .map(c -> new RenderInput.ScoreRow(c.name(), c.weight(), c.score())).toList() : List.of();
        List<EventSession> own = RoleSessions.of(sessions, en);
        int roleJp = RoleSessions.jp(own);
        f.put("role.name", ROLE_NAMES.get(en.role()));
        f.put("role.function", en.panitiaFunction() == null ? "" : en.panitiaFunction().printed());
        f.put("role.jp", Integer.toString(roleJp));
        f.put("role.jpWords", Bahasa.withWords(roleJp));
        List<RenderInput.CurriculumRow> rows = issue.kind().forPeserta() ? curriculum(sessions) : RoleSessions.rows(own);
        return new RenderInput(f, rows, scores, issue.verifyUrl(), f.get("certificate.title") + " " + issue.number());
    }

    /** How a document names the person's role at the event (official documents are in Bahasa Indonesia). */
    private static final Map<EnrolmentRole, String> ROLE_NAMES = Map.of(EnrolmentRole.PESERTA, "Peserta",
            EnrolmentRole.NARASUMBER, "Narasumber", EnrolmentRole.MODERATOR, "Moderator", EnrolmentRole.PANITIA, "Panitia");

    /** The agenda pembelajaran: sessions grouped by mata pelatihan, in order, with their JP. */
    static List<RenderInput.CurriculumRow> curriculum(List<EventSession> sessions) {
        Map<String, Integer> byTopic = new LinkedHashMap<>();
        sessions.forEach(s -> byTopic.merge(s.topic(), s.jp(), Integer::sum));
        List<RenderInput.CurriculumRow> rows = new ArrayList<>();
        byTopic.forEach((topic, jp) -> rows.add(new RenderInput.CurriculumRow(topic, jp)));
        return rows;
    }

    /**
     * The document title: the event's own (agencies write "Surat Tanda Tamat Pelatihan", "STTPP",
     * "Piagam"…), else the default for the STTP, a Bimtek certificate, or a Diklat's attendance letter; the
     * documents of narasumber, moderator and panitia print the event's title for the role, else PIAGAM PENGHARGAAN
     * (the template states the role).
     */
    static String title(CertificateKind kind, Event e) {
        String role = switch (kind) {
            case NARASUMBER -> e.narasumberTitle();
            case MODERATOR -> e.moderatorTitle();
            case PANITIA -> e.panitiaTitle();
            case COMPETENCY, ATTENDANCE -> null;
        };
        if (!kind.forPeserta()) {
            return role != null ? role : "PIAGAM PENGHARGAAN";
        }
        if (kind == CertificateKind.COMPETENCY) {
            return e.certificateTitle() != null ? e.certificateTitle() : "SURAT TANDA TAMAT PELATIHAN";
        }
        if (e.kind() == EventKind.BIMTEK) {
            return e.certificateTitle() != null ? e.certificateTitle() : "SERTIFIKAT";
        }
        return e.attendanceTitle() != null ? e.attendanceTitle() : "SURAT KETERANGAN TELAH MENGIKUTI PELATIHAN";
    }

    /** The event's title with its angkatan (class), unless the title already names it: "… Angkatan II". */
    static String fullTitle(String title, String angkatan) {
        if (angkatan == null || angkatan.isBlank() || title.toLowerCase(Locale.ROOT).contains("angkatan")) {
            return title;
        }
        String a = angkatan.trim();
        return title + (a.toLowerCase(Locale.ROOT).startsWith("angkatan") ? " " + a : " Angkatan " + a);
    }

    /**
     * What the printed number is called: a PPPK's 18 digits are a NI PPPK, not a NIP (BKN writes
     * "NI PPPK"), a person without either is identified by the NIK.
     */
    static String idLabel(Enrolment en) {
        if (en.nip() == null) {
            return en.nik() == null ? "Nomor induk" : "NIK";
        }
        return Category.nipLabel(en.category());
    }

    private static String birth(Enrolment en) {
        if (en.birthDate() == null) {
            return orDash(en.birthPlace());
        }
        return (en.birthPlace() == null ? "" : en.birthPlace() + ", ") + Bahasa.longDate(en.birthDate());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}

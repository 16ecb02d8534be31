package id.piagam.certificate;

import id.piagam.assessment.Assessment;
import id.piagam.attendance.AttendanceRate;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.EnrolmentStatus;
import id.piagam.enrolment.PanitiaFunction;
import id.piagam.programme.EventKind;
import id.piagam.rules.Reason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule that decides who gets which certificate.
 *
 * <ul>
 *   <li>A competency certificate (STTP) is only ever issued for a Diklat, and only to a peserta
 *       who met the attendance threshold and passed the assessment.</li>
 *   <li>A Bimtek gives an attendance certificate to a peserta who met its attendance threshold; it
 *       never states a grade.</li>
 *   <li>A Diklat peserta who met the threshold but did not pass gets nothing, unless the event
 *       grants an attendance letter (surat keterangan telah mengikuti) to such participants.</li>
 *   <li>Narasumber, moderator and panitia, and peserta who withdrew or dropped out, get no participant certificate.</li>
 *   <li>A narasumber gets a narasumber certificate (piagam penghargaan) only for having taught at least one
 *       session, a moderator a moderator certificate only for having moderated one, a member of the panitia a
 *       panitia certificate only with a function (ketua, sekretaris…) to state; like every certificate, only
 *       once the event has ended.</li>
 * </ul>
 * Reasons are codes with arguments ({@code eligibility.attendanceBelow} with 75.00 and 80), written at the
 * edge in the reader's language ("kehadiran 75,00% &lt; 80%" for the secretariat).
 */
public final class EligibilityPolicy {

    /** The reason a failed Diklat participant who attended gets the attendance letter instead of the STTP. */
    static final String LETTER_ONLY = "eligibility.letterOnly";

    /** What the rule looks at for one enrolment. {@code assessment} is null for a Bimtek. */
    public record Facts(EventKind eventKind, boolean attendanceLetter, BigDecimal minAttendancePercent,
                        BigDecimal passMark, EnrolmentRole role, EnrolmentStatus status,
                        AttendanceRate attendance, Assessment.Outcome assessment, PanitiaFunction panitiaFunction,
                        int sessionsTaught, int sessionsModerated) {

        /** A participant's facts: no function, no session taught or moderated. */
        public Facts(EventKind eventKind, boolean attendanceLetter, BigDecimal minAttendancePercent, BigDecimal passMark,
                     EnrolmentRole role, EnrolmentStatus status, AttendanceRate attendance, Assessment.Outcome assessment) {
            this(eventKind, attendanceLetter, minAttendancePercent, passMark, role, status, attendance, assessment, null, 0, 0);
        }
    }

    /** The decision: the kind it would get (empty when none) and why not (or why only a letter). */
    public record Decision(boolean eligible, Optional<CertificateKind> kind, List<Reason> reasons) {

        static Decision no(List<Reason> reasons) {
            return new Decision(false, Optional.empty(), List.copyOf(reasons));
        }
    }

    /** Stable problem types for refusing a certificate of a named kind. */
    public enum Refusal {
        COMPETENCY_REQUIRES_DIKLAT("competency-requires-diklat"),
        NOT_ELIGIBLE("not-eligible");

        private final String type;

        Refusal(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    private EligibilityPolicy() {
    }

    /**
     * Nothing is certified before it happened: until the event's last day (in Asia/Jakarta) no one has
     * completed it, whatever is recorded so far; otherwise {@link #decide(Facts)}.
     */
    public static Decision decide(Facts f, LocalDate endDate, LocalDate today) {
        if (endDate.isAfter(today)) {
            return Decision.no(List.of(Reason.of("eligibility.eventNotEnded", endDate)));
        }
        return decide(f);
    }

    /**
     * Whether the participant completed the programme: a Bimtek by its attendance certificate, a
     * Diklat only by the STTP. A Diklat's attendance letter (attended but did not pass) is not a
     * completed Diklat: it earns no JP and does not belong in the national HR history (SIASN).
     */
    public static boolean completed(EventKind eventKind, Decision d) {
        CertificateKind completing = eventKind == EventKind.DIKLAT ? CertificateKind.COMPETENCY : CertificateKind.ATTENDANCE;
        return d.eligible() && d.kind().filter(k -> k == completing).isPresent();
    }

    public static Decision decide(Facts f) {
        List<Reason> reasons = new ArrayList<>();
        if (f.status() != EnrolmentStatus.AKTIF) {
            return Decision.no(List.of(Reason.of("eligibility.notActive", f.status())));
        }
        switch (f.role()) {
            case NARASUMBER -> {
                return f.sessionsTaught() > 0 ? yes(CertificateKind.NARASUMBER) : Decision.no(List.of(Reason.of("eligibility.taughtNoSession")));
            }
            case MODERATOR -> {
                return f.sessionsModerated() > 0 ? yes(CertificateKind.MODERATOR)
                        : Decision.no(List.of(Reason.of("eligibility.moderatedNoSession")));
            }
            case PANITIA -> {
                return f.panitiaFunction() != null ? yes(CertificateKind.PANITIA) : Decision.no(List.of(Reason.of("eligibility.noFunction")));
            }
            case PESERTA -> {
                // the participant's certificate, below
            }
        }
        if (f.attendance().totalJp() == 0) {
            return Decision.no(List.of(Reason.of("eligibility.noSessions")));
        }
        boolean attended = f.attendance().meets(f.minAttendancePercent());
        if (!attended) {
            reasons.add(Reason.of("eligibility.attendanceBelow", new Reason.Decimal2(f.attendance().percent()),
                    f.minAttendancePercent()));
        }
        if (f.eventKind() == EventKind.BIMTEK) {
            return attended ? new Decision(true, Optional.of(CertificateKind.ATTENDANCE), List.of()) : Decision.no(reasons);
        }
        Assessment.Outcome a = f.assessment();
        switch (a.result()) {
            case BELUM_DINILAI -> reasons.add(a.missing().isEmpty() ? Reason.of("eligibility.notAssessed")
                    : Reason.of("eligibility.scoresMissing", String.join(", ", a.missing())));
            case TIDAK_LULUS -> reasons.add(Reason.of("eligibility.scoreBelow", new Reason.Decimal2(a.finalScore().orElseThrow()), f.passMark()));
            case LULUS -> {
                if (attended) {
                    return new Decision(true, Optional.of(CertificateKind.COMPETENCY), List.of());
                }
            }
        }
        if (attended && a.result() == Assessment.Result.TIDAK_LULUS && f.attendanceLetter()) {
            reasons.add(Reason.of(LETTER_ONLY));
            return new Decision(true, Optional.of(CertificateKind.ATTENDANCE), List.copyOf(reasons));
        }
        return Decision.no(reasons);
    }

    private static Decision yes(CertificateKind kind) {
        return new Decision(true, Optional.of(kind), List.of());
    }

    /**
     * Whether a certificate of the named kind may be issued; every issuing path (one, bulk, reissue,
     * an API call that names a kind) asks this.
     */
    public static Optional<Refusal> refuse(Facts f, CertificateKind requested) {
        if (requested == CertificateKind.COMPETENCY && f.eventKind() != EventKind.DIKLAT) {
            return Optional.of(Refusal.COMPETENCY_REQUIRES_DIKLAT);
        }
        Decision d = decide(f);
        return d.eligible() && d.kind().orElseThrow() == requested ? Optional.empty() : Optional.of(Refusal.NOT_ELIGIBLE);
    }
}

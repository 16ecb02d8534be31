package id.piagam.certificate;

import id.piagam.assessment.Assessment;
import id.piagam.attendance.AttendanceRate;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.programme.Event;
import id.piagam.programme.EventSession;

import java.util.List;

/** Everything decided about one enrolment: attendance, assessment (Diklat only) and eligibility. */
public record EnrolmentOutcome(Event event, List<EventSession> sessions, Enrolment enrolment, AttendanceRate attendance,
                               Assessment.Outcome assessment, EligibilityPolicy.Facts facts, EligibilityPolicy.Decision decision) {

    public int totalJp() {
        return attendance.totalJp();
    }

    /**
     * The JP the person's own document states: the sessions a narasumber taught or a moderator moderated, the whole
     * programme for a peserta and the panitia. Records, transcripts and exports show this beside the document.
     */
    public int roleJp() {
        EnrolmentRole role = enrolment.role();
        if (role != EnrolmentRole.NARASUMBER && role != EnrolmentRole.MODERATOR) {
            return totalJp();
        }
        return RoleSessions.jp(RoleSessions.of(sessions, enrolment));
    }
}

package id.piagam.certificate;

import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.programme.EventSession;
import id.piagam.rendering.RenderInput;
import id.piagam.text.Bahasa;

import java.util.List;
import java.util.Objects;

/**
 * The sessions a narasumber taught or a moderator moderated (the sessions that name their enrolment), as
 * their certificates list them. A link from a session to someone whose role has since changed counts for
 * nothing: a narasumber teaches, a moderator moderates.
 */
final class RoleSessions {

    private RoleSessions() {
    }

    static List<EventSession> taught(List<EventSession> sessions, Enrolment en) {
        return en.role() != EnrolmentRole.NARASUMBER ? List.of()
                : sessions.stream().filter(s -> Objects.equals(s.facilitatorEnrolmentId(), en.id())).toList();
    }

    static List<EventSession> moderated(List<EventSession> sessions, Enrolment en) {
        return en.role() != EnrolmentRole.MODERATOR ? List.of()
                : sessions.stream().filter(s -> Objects.equals(s.moderatorEnrolmentId(), en.id())).toList();
    }

    /** The sessions of the person's role: taught, moderated, or none (panitia, peserta). */
    static List<EventSession> of(List<EventSession> sessions, Enrolment en) {
        return en.role() == EnrolmentRole.NARASUMBER ? taught(sessions, en) : moderated(sessions, en);
    }

    /** The JP of those sessions, as the document states it. */
    static int jp(List<EventSession> sessions) {
        return sessions.stream().mapToInt(EventSession::jp).sum();
    }

    /** One row per session, in order: its topic with its date ("Kebijakan Pengadaan (2 Maret 2026)") and its JP. */
    static List<RenderInput.CurriculumRow> rows(List<EventSession> sessions) {
        return sessions.stream().map(s -> new RenderInput.CurriculumRow(s.topic() + " (" + Bahasa.longDate(s.sessionDate()) + ")", s.jp()))
                .toList();
    }
}

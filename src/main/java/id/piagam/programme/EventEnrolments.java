package id.piagam.programme;

import java.util.Map;

/**
 * A port: how many people are enrolled in an event, asked before its kind may change, and each enrolment's
 * role, asked when a session names its narasumber or moderator. Enrolment sits above programme, so its
 * repository implements this and programme never imports enrolment.
 */
public interface EventEnrolments {

    long countByEventId(Long eventId);

    /** The role of each enrolment of the event (PESERTA, NARASUMBER, MODERATOR, PANITIA) by enrolment id. */
    Map<Long, String> rolesByEnrolment(Long eventId);
}

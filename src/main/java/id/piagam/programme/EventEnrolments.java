package id.piagam.programme;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A port: how many people are enrolled in an event, asked before its kind may change, and each enrolment's
 * role, asked when a session names its narasumber or moderator. Enrolment sits above programme, so its
 * repository implements this and programme never imports enrolment.
 */
public interface EventEnrolments {

    long countByEventId(Long eventId);

    /** One enrolment of the event: its id, the printed name and the role (PESERTA, NARASUMBER, MODERATOR, PANITIA). */
    record Enrolled(Long id, String name, String role) {
    }

    /** The event's enrolments, by name. */
    List<Enrolled> enrolled(Long eventId);

    /** The role of each enrolment of the event by enrolment id. */
    default Map<Long, String> rolesByEnrolment(Long eventId) {
        return enrolled(eventId).stream().collect(Collectors.toMap(Enrolled::id, Enrolled::role));
    }
}

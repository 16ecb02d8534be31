package id.piagam.programme;

/**
 * A port: how many people are enrolled in an event, asked before its kind may change. Enrolment sits
 * above programme, so its repository implements this and programme never imports enrolment.
 */
public interface EventEnrolments {

    long countByEventId(Long eventId);
}

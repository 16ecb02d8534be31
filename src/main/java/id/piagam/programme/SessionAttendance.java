package id.piagam.programme;

/**
 * A port: whether attendance was recorded for a session, asked before the session may be removed.
 * Attendance sits above programme, so its repository implements this and programme never imports it.
 */
public interface SessionAttendance {

    boolean existsBySessionId(Long sessionId);
}

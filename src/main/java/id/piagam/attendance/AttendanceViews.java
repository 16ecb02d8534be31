package id.piagam.attendance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

public final class AttendanceViews {

    private AttendanceViews() {
    }

    /** The name of a cell of the attendance grid (its select and its error): session and participant. */
    public static String cell(long sessionId, long participantId) {
        return "s" + sessionId + ".p" + participantId;
    }

    /** One line of a session's attendance sheet. */
    @Serdeable
    public record Entry(@Nullable Long participantId, @Nullable AttendanceStatus status) {
    }

    @Serdeable
    public record Line(Long participantId, String printedName, AttendanceStatus status, Instant recordedAt, String recordedBy) {
    }
}

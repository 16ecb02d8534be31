package id.piagam.attendance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

public final class AttendanceViews {

    private AttendanceViews() {
    }

    /** One line of a session's attendance sheet. */
    @Serdeable
    public record Entry(@Nullable Long participantId, @Nullable AttendanceStatus status) {
    }

    @Serdeable
    public record Line(Long participantId, String printedName, AttendanceStatus status, Instant recordedAt, String recordedBy) {
    }
}

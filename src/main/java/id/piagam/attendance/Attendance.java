package id.piagam.attendance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** What was recorded for one enrolment at one session, when and by whom. */
@MappedEntity("attendance")
public record Attendance(@Id @GeneratedValue @Nullable Long id, Long enrolmentId, Long sessionId, AttendanceStatus status,
                         Instant recordedAt, @Nullable String recordedBy) {
}

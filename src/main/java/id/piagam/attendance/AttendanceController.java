package id.piagam.attendance;

import id.piagam.security.Roles;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

@Controller("/api/events/{eventId}/sessions/{sessionId}/attendance")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Attendance")
class AttendanceController {

    private final AttendanceService service;

    AttendanceController(AttendanceService service) {
        this.service = service;
    }

    /**
     * Records the session's attendance: {@code [{"participantId", "status"}]}, status one of HADIR,
     * TERLAMBAT, IZIN, SAKIT, ALPA. Lines not sent keep what they had. Answers with the whole sheet.
     */
    @Put
    List<AttendanceViews.Line> record(long eventId, long sessionId,
                                      @Body @NotNull @Size(max = 5000) List<AttendanceViews.Entry> entries,
                                      Authentication auth) {
        return service.record(eventId, sessionId, entries, auth.getName());
    }

    @Get
    List<AttendanceViews.Line> sheet(long eventId, long sessionId) {
        return service.sheet(eventId, sessionId);
    }
}

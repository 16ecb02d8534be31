package id.piagam.programme;

import id.piagam.assessment.GradeScaleViews;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A programme as the API shows it; {@code totalJp} is derived from the sessions. */
@Serdeable
public record EventView(Long id, EventKind kind, Track track, String trackLabel, String code, String title,
                        String angkatan, int year, String organiser, String partner, String place, Mode mode,
                        LocalDate startDate, LocalDate endDate, int minutesPerJp, BigDecimal minAttendancePercent,
                        List<SessionView> sessions, int totalJp, BigDecimal passMark, List<ComponentView> components,
                        GradeScaleViews.ScaleView gradeScale, Boolean attendanceLetter, EventRequest.CertificateSettings certificate,
                        Instant createdAt, Instant updatedAt) {

    @Serdeable
    public record SessionView(Long id, LocalDate date, String startTime, String endTime, String topic, int jp,
                              String facilitator, FacilitatorRole facilitatorRole, Long facilitatorEnrolmentId,
                              Long moderatorEnrolmentId) {
        static SessionView of(EventSession s) {
            return new SessionView(s.id(), s.sessionDate(), s.startTime(), s.endTime(), s.topic(), s.jp(), s.facilitator(),
                    s.facilitatorRole(), s.facilitatorEnrolmentId(), s.moderatorEnrolmentId());
        }
    }

    @Serdeable
    public record ComponentView(Long id, String name, BigDecimal weight) {
    }

    /** A line of the event list. */
    @Serdeable
    public record Summary(Long id, EventKind kind, Track track, String code, String title, String angkatan, int year,
                          String organiser, String place, LocalDate startDate, LocalDate endDate, int totalJp) {
    }
}

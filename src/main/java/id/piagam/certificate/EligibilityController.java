package id.piagam.certificate;

import id.piagam.security.Roles;
import id.piagam.assessment.Assessment;
import id.piagam.assessment.GradeBand;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.EnrolmentStatus;
import id.piagam.programme.EventService;
import id.piagam.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

@Controller("/api/events/{eventId}/eligibility")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Certificates")
class EligibilityController {

    private final EventService events;
    private final EligibilityService eligibility;
    private final Messages messages;

    EligibilityController(EventService events, EligibilityService eligibility, Messages messages) {
        this.events = events;
        this.eligibility = eligibility;
        this.messages = messages;
    }

    /**
     * One line per enrolment: would it get a certificate, which kind, and why not: {@code reasons} as
     * text in the reader's language (Indonesian unless {@code Accept-Language: en}), {@code reasonCodes}
     * the same reasons as codes with arguments, for programs.
     */
    @Serdeable
    record EligibilityView(Long participantId, Long enrolmentId, String printedName, EnrolmentRole role,
                           EnrolmentStatus status, boolean eligible, CertificateKind kind, List<String> reasons,
                           List<CertificateViews.ReasonCode> reasonCodes,
                           BigDecimal attendanceRate, int presentJp, int totalJp, BigDecimal finalScore,
                           Assessment.Result result, String kualifikasi) {
    }

    @Get
    List<EligibilityView> list(long eventId, HttpRequest<?> request) {
        Locale locale = messages.locale(request);
        return eligibility.forEvent(events.get(eventId)).stream().map(o -> new EligibilityView(
                o.enrolment().participantId(), o.enrolment().id(), o.enrolment().printedName(), o.enrolment().role(),
                o.enrolment().status(), o.decision().eligible(), o.decision().kind().orElse(null),
                o.decision().reasons().stream().map(r -> messages.text(locale, r)).toList(),
                o.decision().reasons().stream().map(CertificateViews.ReasonCode::of).toList(),
                o.attendance().percent(), o.attendance().presentJp(), o.attendance().totalJp(),
                o.assessment() == null ? null : o.assessment().finalScore().orElse(null),
                o.assessment() == null ? null : o.assessment().result(),
                o.assessment() == null ? null : o.assessment().band().map(GradeBand::label).orElse(null))).toList();
    }
}

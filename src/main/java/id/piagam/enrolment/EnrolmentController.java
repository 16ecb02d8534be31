package id.piagam.enrolment;

import id.piagam.security.Roles;
import id.piagam.programme.EventService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;

@Controller("/api/events/{eventId}/enrolments")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Enrolments")
class EnrolmentController {

    private final EnrolmentService service;
    private final EnrolmentRepository enrolments;
    private final EventService events;
    private final IdentityCorrections corrections;

    EnrolmentController(EnrolmentService service, EnrolmentRepository enrolments, EventService events, IdentityCorrections corrections) {
        this.service = service;
        this.corrections = corrections;
        this.enrolments = enrolments;
        this.events = events;
    }

    /** Enrols a participant (role peserta unless given); 409 with {@code existingId} if already enrolled. */
    @Post
    HttpResponse<EnrolmentViews.EnrolmentView> enrol(long eventId, @Body @Valid EnrolmentViews.EnrolRequest request) {
        Enrolment e = service.enrol(eventId, request.participantId(), request.role(), request.panitiaFunction());
        return HttpResponse.created(EnrolmentViews.EnrolmentView.of(e),
                URI.create("/api/events/" + eventId + "/enrolments/" + e.participantId()));
    }

    @Get
    List<EnrolmentViews.EnrolmentView> list(long eventId) {
        events.get(eventId);
        return enrolments.findByEventIdOrderByPrintedName(eventId).stream().map(EnrolmentViews.EnrolmentView::of).toList();
    }

    @Get("/{participantId}")
    EnrolmentViews.EnrolmentView get(long eventId, long participantId) {
        return EnrolmentViews.EnrolmentView.of(service.get(eventId, participantId));
    }

    @Put("/{participantId}")
    EnrolmentViews.EnrolmentView update(long eventId, long participantId, @Body @Valid EnrolmentViews.UpdateRequest request) {
        return EnrolmentViews.EnrolmentView.of(service.update(eventId, participantId, request));
    }

    /**
     * Corrects single fields of the identity printed for this enrolment (fields left out stay), each
     * change audited; certificates already issued change only by a reissue, which then prints them.
     */
    @Put("/{participantId}/identity")
    EnrolmentViews.EnrolmentView correctIdentity(long eventId, long participantId, @Body @Valid EnrolmentViews.IdentityRequest request,
                                                 Authentication auth) {
        return EnrolmentViews.EnrolmentView.of(corrections.correct(eventId, participantId, request, auth.getName()));
    }

    /** Who corrected which field of the printed identity, when, from what to what. */
    @Get("/{participantId}/identity/corrections")
    List<EnrolmentViews.CorrectionView> identityCorrections(long eventId, long participantId) {
        return corrections.history(eventId, participantId);
    }
}

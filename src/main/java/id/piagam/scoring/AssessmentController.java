package id.piagam.scoring;

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
import jakarta.validation.Valid;

import java.util.List;

@Controller("/api/events/{eventId}/assessments")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Assessment")
class AssessmentController {

    private final AssessmentService service;

    AssessmentController(AssessmentService service) {
        this.service = service;
    }

    /** Records component scores ({@code {"scores": {"Sikap": 85.5}}}); a Bimtek is refused with 422. */
    @Put("/{participantId}")
    AssessmentViews.AssessmentView record(long eventId, long participantId, @Body @Valid AssessmentViews.ScoresRequest request,
                                          Authentication auth) {
        return service.record(eventId, participantId, request.scores(), auth.getName());
    }

    @Get
    List<AssessmentViews.AssessmentView> list(long eventId) {
        return service.list(eventId);
    }
}

package id.piagam.participant;

import id.piagam.rules.DomainRefusal;
import id.piagam.security.Roles;
import id.piagam.web.PageView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;

@Controller("/api/participants")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Participants")
class ParticipantController {

    private final ParticipantService service;
    private final ParticipantRepository participants;

    ParticipantController(ParticipantService service, ParticipantRepository participants) {
        this.service = service;
        this.participants = participants;
    }

    /** Creates a person; 409 with {@code existingId} when the NIP, NIK or email is already known. */
    @Post
    HttpResponse<ParticipantView> create(@Body @Valid ParticipantRequest request) {
        Participant p = service.create(request);
        return HttpResponse.created(ParticipantView.of(p), URI.create("/api/participants/" + p.id()));
    }

    /** Searches by name (with titles), NIP, NIK, instansi, unit kerja or email; paged from 0. */
    @Get
    PageView<ParticipantView> search(@Nullable @QueryValue String q,
                                     @QueryValue(defaultValue = "0") @Min(0) int page,
                                     @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageView.of(service.search(q, Pageable.from(page, size)), ParticipantView::of);
    }

    @Get("/{id}")
    ParticipantView get(long id) {
        return participants.findById(id).map(ParticipantView::of)
                .orElseThrow(() -> DomainRefusal.notFound("entity.participant", id));
    }

    /** Replaces the person's data. Certificates and enrolments keep the identity they froze. */
    @Put("/{id}")
    ParticipantView update(long id, @Body @Valid ParticipantRequest request) {
        return ParticipantView.of(service.update(id, request));
    }
}

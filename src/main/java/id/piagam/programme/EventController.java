package id.piagam.programme;

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

@Controller("/api/events")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Events")
class EventController {

    private final EventService service;

    EventController(EventService service) {
        this.service = service;
    }

    /** Creates a Bimtek or a Diklat with its sessions; a Bimtek with assessment settings is refused (422). */
    @Post
    HttpResponse<EventView> create(@Body @Valid EventRequest request) {
        Event e = service.create(request);
        return HttpResponse.created(service.view(e), URI.create("/api/events/" + e.id()));
    }

    /** Lists events, newest first; filter by text (title, code, organiser), kind and year. */
    @Get
    PageView<EventView.Summary> list(@Nullable @QueryValue String q, @Nullable @QueryValue EventKind kind,
                                     @Nullable @QueryValue Integer year,
                                     @QueryValue(defaultValue = "0") @Min(0) int page,
                                     @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageView.of(service.search(q, kind, year, Pageable.from(page, size)), s -> s);
    }

    @Get("/{id}")
    EventView get(long id) {
        return service.view(service.get(id));
    }

    /** Replaces the event's settings; sessions with an id keep their attendance, removed ones must have none. */
    @Put("/{id}")
    EventView update(long id, @Body @Valid EventRequest request) {
        return service.view(service.update(id, request));
    }
}

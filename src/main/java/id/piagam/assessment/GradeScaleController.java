package id.piagam.assessment;

import id.piagam.security.Roles;
import id.piagam.rules.DomainRefusal;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;

@Controller("/api/grade-scales")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Grade scales")
class GradeScaleController {

    private final GradeScales scales;

    GradeScaleController(GradeScales scales) {
        this.scales = scales;
    }

    @Get
    List<GradeScaleViews.ScaleView> list() {
        return scales.list();
    }

    @Get("/{id}")
    GradeScaleViews.ScaleView get(long id) {
        return scales.row(id).map(scales::view).orElseThrow(() -> DomainRefusal.notFound("entity.gradeScale", id));
    }

    /** Adds a scale (or the next version of a code). Administrators only: scales decide who passes. */
    @Post
    @Secured(Roles.ADMIN)
    HttpResponse<GradeScaleViews.ScaleView> create(@Body @Valid GradeScaleViews.ScaleRequest request) {
        GradeScaleRow row = scales.create(request);
        return HttpResponse.created(scales.view(row), URI.create("/api/grade-scales/" + row.id()));
    }
}

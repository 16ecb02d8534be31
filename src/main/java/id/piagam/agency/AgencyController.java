package id.piagam.agency;

import id.piagam.rules.DomainRefusal;
import id.piagam.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The agency profile: everyone on the staff reads it, administrators change it. */
@Controller("/api/agency")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agency")
class AgencyController {

    private final AgencyProfiles profiles;
    private final Agency agency;

    AgencyController(AgencyProfiles profiles, Agency agency) {
        this.profiles = profiles;
        this.agency = agency;
    }

    @Get
    AgencyViews.AgencyView get() {
        return profiles.view();
    }

    /** Saves the profile (the logo stays as it is). */
    @Put
    @Secured(Roles.ADMIN)
    AgencyViews.AgencyView put(@Body @Valid AgencyViews.AgencyRequest request) {
        profiles.save(request);
        return profiles.view();
    }

    /** The logo as printed. */
    @Get("/logo")
    HttpResponse<byte[]> logo() {
        Agency.Logo logo = agency.logo().orElseThrow(() -> DomainRefusal.notFound("entity.agencyLogo", "logo"));
        return HttpResponse.ok(logo.bytes()).contentType(logo.mediaType());
    }

    /** A PNG or JPEG, at most 1 MB, as the request body; checked, made PDF/A-safe. */
    @Put(value = "/logo", consumes = {"image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    @Secured(Roles.ADMIN)
    AgencyViews.AgencyView putLogo(@Body byte[] bytes) {
        profiles.saveLogo(bytes);
        return profiles.view();
    }
}

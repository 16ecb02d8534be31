package id.piagam.participant;

import id.piagam.rules.DomainRefusal;
import id.piagam.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A participant's pas foto: staff read, set and remove anyone's; a participant reads and sets their own.
 * The picture is the raw request body (JPEG or PNG, told apart by its content), as for the agency logo.
 */
@Controller("/api/participants/{id}/photo")
@Secured({Roles.ADMIN, Roles.OPERATOR, Roles.PARTICIPANT})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Participants")
class ParticipantPhotoController {

    private final ParticipantPhotos photos;

    ParticipantPhotoController(ParticipantPhotos photos) {
        this.photos = photos;
    }

    /** The current photo with its media type; 404 when the person has none. */
    @Get(produces = {"image/jpeg", "image/png"})
    HttpResponse<byte[]> get(long id, Authentication auth) {
        own(id, auth);
        return served(photos, id);
    }

    /** The person's current photo as an image answer, never cached by a shared cache; 404 when there is none. */
    static HttpResponse<byte[]> served(ParticipantPhotos photos, long participantId) {
        ParticipantPhoto photo = photos.current(participantId)
                .orElseThrow(() -> DomainRefusal.notFound("entity.participantPhoto", participantId));
        return HttpResponse.ok(photo.bytes()).contentType(photo.mediaType()).header("Cache-Control", "private, no-store");
    }

    /**
     * A JPEG or PNG of at most 2 MB as the body, whatever its declared type (the content decides, so a caller who may
     * not set the photo hears 401/403, never 415); checked, made PDF/A-safe, stored as the current photo.
     */
    @Put(consumes = MediaType.ALL)
    PhotoView put(long id, @Body byte[] bytes, Authentication auth) {
        own(id, auth);
        return PhotoView.of(id, photos.save(id, bytes));
    }

    /** Removes the current photo (staff only); certificates and enrolments keep theirs. */
    @Delete
    @Secured({Roles.ADMIN, Roles.OPERATOR})
    HttpResponse<?> delete(long id) {
        photos.remove(id);
        return HttpResponse.noContent();
    }

    private static void own(long id, Authentication auth) {
        if (!Roles.mayRead(auth, id)) {
            throw DomainRefusal.forbidden("problem.http.403");
        }
    }
}

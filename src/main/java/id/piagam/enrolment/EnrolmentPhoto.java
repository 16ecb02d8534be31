package id.piagam.enrolment;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * The pas foto an enrolment froze with the rest of the printed identity (when enrolled, or when the identity
 * is refreshed): its certificates print this one, whatever the person's photo is later.
 */
@MappedEntity("enrolment_photo")
public record EnrolmentPhoto(@Id Long enrolmentId, Long photoId) {
}

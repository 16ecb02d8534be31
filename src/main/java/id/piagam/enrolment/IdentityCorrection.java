package id.piagam.enrolment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One corrected field of an enrolment's printed identity, kept in the audit log (action
 * {@code CORRECT_IDENTITY}; {@code detail} holds the field, the old and the new value as JSON).
 */
@MappedEntity("audit_log")
record IdentityCorrection(@Id @GeneratedValue @Nullable Long id, Instant at, String actor, String action,
                          @Nullable Long certificateId, Long eventId, Long enrolmentId, String detail) {

    static final String ACTION = "CORRECT_IDENTITY";
}

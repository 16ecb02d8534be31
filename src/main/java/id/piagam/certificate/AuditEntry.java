package id.piagam.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Who did what to which certificate, when and why (issue, reissue, revoke). */
@MappedEntity("audit_log")
public record AuditEntry(@Id @GeneratedValue @Nullable Long id, Instant at, String actor, String action,
                         @Nullable Long certificateId, @Nullable Long eventId, @Nullable String detail) {
}

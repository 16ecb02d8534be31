package id.piagam.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Issuing for a whole event in the background, with its progress. */
@MappedEntity("certificate_job")
public record CertificateJob(@Id @GeneratedValue @Nullable Long id, Long eventId, Status status, int total, int issued,
                             int skipped, int failed, String requestedBy, Instant createdAt, Instant updatedAt,
                             @Nullable Instant finishedAt) {

    public enum Status {
        RUNNING, DONE, FAILED
    }
}

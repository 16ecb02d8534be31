package id.piagam.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** What a job did for one participant: issued, skipped (with the reason) or failed (with the error). */
@MappedEntity("certificate_job_item")
public record CertificateJobItem(@Id @GeneratedValue @Nullable Long id, Long jobId, Long participantId, Outcome outcome,
                                 @Nullable String reason, @Nullable Long certificateId) {

    public enum Outcome {
        ISSUED, SKIPPED, FAILED
    }
}

package id.piagam.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * What a job did for one participant: issued, skipped or failed, with the reason as a message code and
 * its arguments (JSON, see {@link StoredReasons}), written for the reader when read. Items stored before
 * reasons had codes keep their Indonesian text in {@code reason}.
 */
@MappedEntity("certificate_job_item")
public record CertificateJobItem(@Id @GeneratedValue @Nullable Long id, Long jobId, Long participantId, Outcome outcome,
                                 @Nullable String reason, @Nullable Long certificateId, @Nullable String reasonCode,
                                 @Nullable String reasonArgs) {

    public enum Outcome {
        ISSUED, SKIPPED, FAILED
    }
}

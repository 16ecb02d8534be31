package id.piagam.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** One component score (0–100, two decimals) of one enrolment. */
@MappedEntity("score")
public record Score(@Id @GeneratedValue @Nullable Long id, Long enrolmentId, Long componentId, BigDecimal value,
                    Instant recordedAt, @Nullable String recordedBy) {
}

package id.piagam.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;

/** One weighted component of a Diklat's assessment; weights of an event sum to 100. */
@MappedEntity("assessment_component")
public record AssessmentComponent(@Id @GeneratedValue @Nullable Long id, Long eventId, int position, String name,
                                  BigDecimal weight) {
}

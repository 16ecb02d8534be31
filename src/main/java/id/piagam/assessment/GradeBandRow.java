package id.piagam.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;

@MappedEntity("grade_band")
public record GradeBandRow(@Id @GeneratedValue @Nullable Long id, Long scaleId, String label, BigDecimal lowerBound,
                           boolean passing, int position) {
}

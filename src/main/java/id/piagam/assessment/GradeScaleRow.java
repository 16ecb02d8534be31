package id.piagam.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A stored version of a grade scale; never edited once created (an event keeps the version it used). */
@MappedEntity("grade_scale")
public record GradeScaleRow(@Id @GeneratedValue @Nullable Long id, String code, int version, String name, Instant createdAt) {
}

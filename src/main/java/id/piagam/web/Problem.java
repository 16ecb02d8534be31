package id.piagam.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code errors} names each
 * offending field; {@code existingId} points at the record a conflict collided with;
 * {@code reference} ties a 5xx to the server log without exposing the exception.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, @Nullable String detail,
                      @Nullable List<FieldError> errors, @Nullable Long existingId, @Nullable String reference) {

    public static final String TYPE_BASE = "https://piagam.id/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";

    @Serdeable
    public record FieldError(String field, String code, String message) {
    }
}

package id.piagam.web;

import id.piagam.validation.FieldProblem;
import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A refusal that the client should see as a problem document: a stable {@code type} slug, a status,
 * a message code for the detail, and optionally the offending fields. Thrown from services; the
 * surrounding transaction rolls back, so a refused request changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String detailCode;
    private final List<Object> detailArgs;
    private final List<FieldProblem> fields;
    private final Long existingId;

    public ProblemException(HttpStatus status, String type, String detailCode, List<Object> detailArgs,
                            List<FieldProblem> fields, Long existingId) {
        super(type + ": " + detailCode + (fields.isEmpty() ? "" : " " + fields), null, false, false);
        this.status = status;
        this.type = type;
        this.detailCode = detailCode;
        this.detailArgs = detailArgs;
        this.fields = fields;
        this.existingId = existingId;
    }

    /** 400: the input is invalid; each problem names its field. */
    public static ProblemException invalid(List<FieldProblem> fields) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", List.of(), List.copyOf(fields), null);
    }

    public static ProblemException invalid(FieldProblem field) {
        return invalid(List.of(field));
    }

    /** 404: an id that does not exist ({@code what} is a message code such as "entity.participant"). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.notFound", List.of(what, id), List.of(), null);
    }

    /** 403: signed in, but not allowed this (or a form without its session token). */
    public static ProblemException forbidden(String detailCode) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detailCode, List.of(), List.of(), null);
    }

    /** 409: the request collides with an existing record. */
    public static ProblemException conflict(String type, String detailCode, Long existingId, FieldProblem... fields) {
        return new ProblemException(HttpStatus.CONFLICT, type, detailCode, List.of(), List.of(fields), existingId);
    }

    /** 422: a business rule refuses the request (e.g. a score for a Bimtek). */
    public static ProblemException rule(String type, String detailCode, List<FieldProblem> fields, Object... args) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, type, detailCode, List.of(args), List.copyOf(fields), null);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String detailCode() {
        return detailCode;
    }

    public List<Object> detailArgs() {
        return detailArgs;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    public Long existingId() {
        return existingId;
    }
}

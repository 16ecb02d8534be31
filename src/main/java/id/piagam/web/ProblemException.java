package id.piagam.web;

import id.piagam.rules.DomainRefusal;
import id.piagam.validation.FieldProblem;
import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A refusal of the web layer itself with a status no {@link DomainRefusal.Kind} stands for (501: a
 * backup that needs pg_dump). Everything else, in rules, services and controllers alike, is a
 * {@link DomainRefusal}; both become the same problem document or page through {@link ProblemResponses}.
 */
public class ProblemException extends DomainRefusal {

    private final HttpStatus status;

    public ProblemException(HttpStatus status, String type, String detailCode, List<Object> detailArgs,
                            List<FieldProblem> fields, Long existingId) {
        super(ProblemResponses.kind(status), type, detailCode, detailArgs, fields, existingId);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}

package id.piagam.rules;

import id.piagam.validation.FieldProblem;

import java.util.List;

/**
 * A rule or service refusing a request, in the domain's terms: what kind of refusal it is, a stable
 * type slug, a message code with its arguments for the detail, the offending fields and, for a
 * collision, the record it collided with. It knows nothing of HTTP: the web layer maps each
 * {@link Kind} to a status and writes the problem document or the page. Thrown inside a transaction,
 * it rolls it back, so a refused request changes nothing.
 */
public class DomainRefusal extends RuntimeException {

    /** What kind of refusal; the web layer gives each its status (400, 403, 404, 409, 410, 422, 503). */
    public enum Kind {
        /** The input is invalid; each problem names its field. */
        INVALID,
        /** Not allowed to this person. */
        FORBIDDEN,
        /** An id that does not exist. */
        NOT_FOUND,
        /** The request collides with an existing record. */
        CONFLICT,
        /** The thing existed but is no longer usable (an expired invitation). */
        GONE,
        /** A business rule refuses the request (a score for a Bimtek, a certificate before the last day). */
        REFUSED,
        /** A service the request needs did not answer (the timestamp authority); the same request may succeed later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String type;
    private final String detailCode;
    private final List<Object> detailArgs;
    private final List<FieldProblem> fields;
    private final Long existingId;

    public DomainRefusal(Kind kind, String type, String detailCode, List<Object> detailArgs, List<FieldProblem> fields,
                         Long existingId) {
        super(type + ": " + detailCode + (fields.isEmpty() ? "" : " " + fields), null, false, false);
        this.kind = kind;
        this.type = type;
        this.detailCode = detailCode;
        this.detailArgs = detailArgs;
        this.fields = fields;
        this.existingId = existingId;
    }

    /** The input is invalid; each problem names its field. */
    public static DomainRefusal invalid(List<FieldProblem> fields) {
        return new DomainRefusal(Kind.INVALID, "validation", "problem.validation", List.of(), List.copyOf(fields), null);
    }

    public static DomainRefusal invalid(FieldProblem field) {
        return invalid(List.of(field));
    }

    /** An id that does not exist ({@code what} is a message code such as "entity.participant"). */
    public static DomainRefusal notFound(String what, Object id) {
        return new DomainRefusal(Kind.NOT_FOUND, "not-found", "problem.notFound", List.of(what, id), List.of(), null);
    }

    /** Signed in, but not allowed this. */
    public static DomainRefusal forbidden(String detailCode) {
        return new DomainRefusal(Kind.FORBIDDEN, "forbidden", detailCode, List.of(), List.of(), null);
    }

    /** The request collides with an existing record. */
    public static DomainRefusal conflict(String type, String detailCode, Long existingId, FieldProblem... fields) {
        return new DomainRefusal(Kind.CONFLICT, type, detailCode, List.of(), List.of(fields), existingId);
    }

    /** A business rule refuses the request. */
    public static DomainRefusal rule(String type, String detailCode, List<FieldProblem> fields, Object... args) {
        return new DomainRefusal(Kind.REFUSED, type, detailCode, List.of(args), List.copyOf(fields), null);
    }

    public Kind kind() {
        return kind;
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

    /** The detail as a reason, to keep or to write in the reader's language. */
    public Reason reason() {
        return new Reason(detailCode, detailArgs);
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    public Long existingId() {
        return existingId;
    }
}

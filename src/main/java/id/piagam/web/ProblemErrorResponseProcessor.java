package id.piagam.web;

import id.piagam.rules.DomainRefusal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import id.piagam.validation.FieldProblem;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every error the framework produces (unknown route, wrong method, malformed JSON, unreadable
 * value, unhandled exception) leaves as a problem document. Framework messages can carry class
 * names and parser internals, so they are never passed through: a malformed body names the
 * field when it can, and a 5xx shows only a reference to the log.
 */
@Singleton
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Object> {

    /** Serde names the property it failed on as "[Type name]". */
    private static final Pattern PROPERTY = Pattern.compile("property \\[[^\\]]*?\\s(\\w+)]");

    private final ProblemResponses responses;

    ProblemErrorResponseProcessor(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    @NonNull
    public MutableHttpResponse<Object> processResponse(@NonNull ErrorContext context, @NonNull MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        Throwable cause = context.getRootCause().orElse(null);
        Problem problem;
        if (cause instanceof DomainRefusal pe) {
            problem = responses.problem(context.getRequest(), pe);
        } else if (cause instanceof HttpPostRequestDecoder.ErrorDataDecoderException) {
            // an undecodable form that reached here wrapped (MalformedFormHandler takes the plain case)
            base.status(HttpStatus.BAD_REQUEST);
            problem = responses.generic(context.getRequest(), HttpStatus.BAD_REQUEST, "problem.badForm");
        } else if (status.getCode() >= 500) {
            Optional<Problem> storage = responses.storageFault(context.getRequest(), cause);
            if (storage.isPresent()) {
                base.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, ProblemResponses.RETRY_AFTER_SECONDS);
            }
            problem = storage.orElseGet(() -> responses.serverError(context.getRequest(), cause));
        } else if (status == HttpStatus.BAD_REQUEST && cause != null) {
            problem = badBody(context, cause);
        } else if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
            // say what was sent; what each address takes is in the API document (a PDF upload, a form, JSON)
            Problem p = responses.generic(context.getRequest(), status, "problem.http.415");
            String sent = context.getRequest().getContentType().map(MediaType::toString).orElse("-");
            problem = new Problem(p.type(), p.title(), p.status(), responses.text(context.getRequest(), "problem.unsupportedType", sent),
                    null, null, null);
        } else {
            problem = responses.generic(context.getRequest(), status, "problem.http." + status.getCode());
        }
        if (ProblemResponses.wantsPage(context.getRequest())) {
            MutableHttpResponse<?> page = responses.respond(context.getRequest(), problem);
            base.contentType(page.getContentType().orElseThrow());
            @SuppressWarnings("unchecked")
            MutableHttpResponse<Object> response = (MutableHttpResponse<Object>) base.body(page.body());
            return response;
        }
        base.contentType(ProblemResponses.PROBLEM_JSON);
        Object body = problem;
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> response = (MutableHttpResponse<Object>) base.body(body);
        return response;
    }

    private Problem badBody(ErrorContext context, Throwable cause) {
        String refusedText = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CleanTextDeserializer.Refused r) {
                refusedText = r.getMessage();
                if (!r.field.isBlank() && !r.field.equals("String")) {
                    return responses.problem(context.getRequest(), DomainRefusal.invalid(FieldProblem.of(r.field, refusedText)));
                }
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof InvalidPropertyFormatException ipe && ipe.getArgument() != null && ipe.getArgument().getName() != null) {
                Argument<?> argument = ipe.getArgument();
                FieldProblem problem = argument.getType().isEnum()
                        ? FieldProblem.of(argument.getName(), "value.choice", Arrays.stream(argument.getType().getEnumConstants())
                            .map(String::valueOf).collect(Collectors.joining(", ")))
                        : FieldProblem.of(argument.getName(), "value.unreadable");
                return responses.problem(context.getRequest(), DomainRefusal.invalid(problem));
            }
            if (t instanceof SerdeException) {
                Matcher m = PROPERTY.matcher(String.valueOf(t.getMessage()));
                if (m.find()) {
                    return responses.problem(context.getRequest(), DomainRefusal.invalid(FieldProblem.of(m.group(1),
                            refusedText == null ? "value.unreadable" : refusedText)));
                }
            }
        }
        // a path or query value of the wrong type (an id that is not a number): name it, do not blame the body
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConversionErrorException cee && cee.getArgument() != null && cee.getArgument().getName() != null
                    && !cee.getArgument().getAnnotationMetadata().hasAnnotation(Body.class)) {
                Problem p = responses.problem(context.getRequest(), DomainRefusal.invalid(FieldProblem.of(cee.getArgument().getName(),
                        "value.unreadable")));
                return new Problem(p.type(), p.title(), p.status(), responses.text(context.getRequest(), "problem.badParameter"),
                        p.errors(), p.existingId(), p.reference());
            }
        }
        return responses.generic(context.getRequest(), HttpStatus.BAD_REQUEST, "problem.badBody");
    }
}

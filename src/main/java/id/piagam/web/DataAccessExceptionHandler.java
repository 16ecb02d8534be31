package id.piagam.web;

import id.piagam.rules.DomainRefusal;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Database errors by their cause: text PostgreSQL cannot store (a NUL character, SQLSTATE
 * 22021/22P05) is the client's mistake, answered 400 with what to fix; a full disk or a read-only or
 * unreachable database is a 503 that says so (ProblemResponses.storageFault); anything else stays a
 * 500 with a reference to the log.
 */
@Produces
@Singleton
@Requires(classes = DataAccessException.class)
class DataAccessExceptionHandler implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    private final ProblemResponses responses;

    DataAccessExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
                return responses.respond(request, new DomainRefusal(DomainRefusal.Kind.INVALID, "unstorable-text", "problem.unstorableText",
                        List.of(), List.of(), null));
            }
        }
        return responses.storageFault(request, exception)
                .<HttpResponse<?>>map(p -> responses.respond(request, p).header(HttpHeaders.RETRY_AFTER, ProblemResponses.RETRY_AFTER_SECONDS))
                .orElseGet(() -> responses.respond(request, responses.serverError(request, exception)));
    }
}

package id.piagam.web;

import id.piagam.rules.DomainRefusal;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The one exception handler for refusals: a rule's or service's {@link DomainRefusal} and the web layer's own. */
@Produces
@Singleton
@Requires(classes = {DomainRefusal.class, ExceptionHandler.class})
class ProblemExceptionHandler implements ExceptionHandler<DomainRefusal, HttpResponse<?>> {

    private final ProblemResponses responses;

    ProblemExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainRefusal exception) {
        return responses.respond(request, exception);
    }
}

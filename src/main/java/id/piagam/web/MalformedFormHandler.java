package id.piagam.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A form body that cannot be decoded (bad percent-encoding such as {@code username=%zz}) is the
 * client's error: a 400 page (or problem), one line in the log at debug, no stack trace.
 */
@Produces
@Singleton
class MalformedFormHandler implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedFormHandler.class);

    private final ProblemResponses responses;

    MalformedFormHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        LOG.debug("Refused an undecodable form on {} {}: {}", request.getMethodName(), request.getPath(), exception.getMessage());
        return responses.respond(request, responses.generic(request, HttpStatus.BAD_REQUEST, "problem.badForm"));
    }
}

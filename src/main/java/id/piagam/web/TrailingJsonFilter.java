package id.piagam.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A JSON body is one JSON value and nothing after it: {@code {…}xyz} or {@code {…}{…}} is refused
 * with 400 before it reaches a controller. The framework's JSON reader (Micronaut Serde) reads the
 * first value and ignores the rest, and unlike Jackson's databind has no {@code FAIL_ON_TRAILING_TOKENS}
 * setting, so the check is made here, with Jackson's streaming parser, on the buffered body.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class TrailingJsonFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(TrailingJsonFilter.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final ProblemResponses responses;

    TrailingJsonFilter(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean json = request.getContentType().map(t -> t.getExtension().equals("json")
                || t.getName().equals(MediaType.APPLICATION_JSON)).orElse(false);
        if (!json || !(request instanceof ServerHttpRequest<?> server)) {
            return chain.proceed(request);
        }
        CompletableFuture<Boolean> trailing = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer()
                .thenApply(body -> {
                    try (CloseableAvailableByteBody b = body) {
                        return hasTrailingContent(b.toByteArray());
                    }
                })
                // a body too large or cut off: the normal reading reports it
                .exceptionally(e -> false);
        return subscriber -> trailing.whenComplete((refuse, e) -> {
            if (Boolean.TRUE.equals(refuse)) {
                LOG.debug("Refused a JSON body with content after its value on {} {}", request.getMethodName(), request.getPath());
                Publishers.<MutableHttpResponse<?>>just(responses.respond(responses.generic(request, HttpStatus.BAD_REQUEST,
                        "problem.trailingJson"))).subscribe(subscriber);
            } else {
                chain.proceed(request).subscribe(subscriber);
            }
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    /** True when a complete first JSON value is followed by anything but whitespace. */
    static boolean hasTrailingContent(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
        } catch (IOException e) {
            return false; // not valid JSON at all: the framework's reader says so
        }
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true; // garbage after a complete value
        }
    }
}

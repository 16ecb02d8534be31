package id.piagam.web;

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

import java.util.concurrent.CompletableFuture;

/**
 * A JSON body is checked as a whole before it reaches a controller ({@link JsonBodyCheck}), each
 * refusal a 400: content after its value ({@code {…}xyz} or {@code {…}{…}}: Micronaut Serde reads the
 * first value and ignores the rest, and unlike Jackson's databind has no {@code FAIL_ON_TRAILING_TOKENS}
 * setting), a key given twice in one object, and text that CleanText refuses, each field named by its
 * full JSON path ({@code sessions[0].topic}), which the deserializer alone cannot know.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class TrailingJsonFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(TrailingJsonFilter.class);

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
        CompletableFuture<JsonBodyCheck.Result> checked = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer()
                .thenApply(body -> {
                    try (CloseableAvailableByteBody b = body) {
                        return JsonBodyCheck.check(b.toByteArray());
                    }
                })
                // a body too large or cut off: the normal reading reports it
                .exceptionally(e -> null);
        return subscriber -> checked.whenComplete((result, e) -> {
            if (result != null && result.trailing()) {
                LOG.debug("Refused a JSON body with content after its value on {} {}", request.getMethodName(), request.getPath());
                Publishers.<MutableHttpResponse<?>>just(responses.respond(responses.generic(request, HttpStatus.BAD_REQUEST,
                        "problem.trailingJson"))).subscribe(subscriber);
            } else if (result != null && result.refused()) {
                Publishers.<MutableHttpResponse<?>>just(responses.invalid(request, result.problems())).subscribe(subscriber);
            } else {
                chain.proceed(request).subscribe(subscriber);
            }
        });
    }

    @Override
    public int getOrder() {
        // first, on the event loop: the body is split and buffered there (Micronaut's shared body buffer is not
        // safe to subscribe from another thread while it still receives data), before security hops threads
        return ServerFilterPhase.FIRST.order();
    }
}

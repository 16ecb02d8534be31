package id.piagam.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The first half of the CSRF check: a page form's body is split and buffered here, first among the
 * filters and on the event loop, for {@link CsrfFilter} to read its token after the security rules.
 * Micronaut's shared body buffer may only be split while no other thread can touch it: splitting it
 * later, on the blocking pool while the body was still arriving, once left Netty's
 * {@code BaseSharedBuffer} failing an assertion and the request hanging (adding session rows to a
 * large event form). {@code web/TrailingJsonFilter} buffers JSON bodies the same way.
 */
@ServerFilter(patterns = CsrfFilter.PAGES, patternStyle = FilterPatternStyle.REGEX,
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
class CsrfFormBody implements Ordered {

    /** The request attribute holding the buffered body: a {@code CompletableFuture<byte[]>}. */
    private static final String ATTRIBUTE = CsrfFormBody.class.getName();

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void buffer(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        boolean form = type != null && (type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)
                || type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        if (form && request instanceof ServerHttpRequest<?> server) {
            CompletableFuture<byte[]> body = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer()
                    .thenApply(buffered -> {
                        try (CloseableAvailableByteBody b = buffered) {
                            return b.toByteArray();
                        }
                    });
            request.setAttribute(ATTRIBUTE, body);
        }
    }

    /** The body buffered for this request, or empty when it is not a form (or was not seen first). */
    @SuppressWarnings("unchecked")
    static Optional<CompletableFuture<byte[]>> of(HttpRequest<?> request) {
        Optional<Object> body = request.getAttribute(ATTRIBUTE);
        return body.filter(CompletableFuture.class::isInstance).map(b -> (CompletableFuture<byte[]>) b);
    }
}

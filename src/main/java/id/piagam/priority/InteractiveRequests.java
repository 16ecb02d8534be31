package id.piagam.priority;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the requests people are waiting for: in flight now, and when the last one started or ended. The bulk job's
 * own polling (its progress, {@code /api/jobs/…}) and the health check are not counted: they are not someone
 * waiting for a page. A request ends when its response is produced, fails or is abandoned by the client.
 */
@Filter("/**")
public class InteractiveRequests implements HttpServerFilter {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastNanos = new AtomicLong(System.nanoTime() - TimeUnit.DAYS.toNanos(1));
    private final AtomicLong counted = new AtomicLong();

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (background(request.getPath())) {
            return chain.proceed(request);
        }
        started();
        Publisher<MutableHttpResponse<?>> response;
        try {
            response = chain.proceed(request);
        } catch (RuntimeException | Error e) {
            ended();
            throw e;
        }
        // once, whether the response completes, fails or the client goes away
        return Flux.from(response).doFinally(signal -> ended());
    }

    static boolean background(String path) {
        return path.startsWith("/api/jobs/") || path.equals("/health") || path.startsWith("/health/");
    }

    /** A request someone waits for has started. */
    public void started() {
        counted.incrementAndGet();
        inFlight.incrementAndGet();
        lastNanos.set(System.nanoTime());
    }

    /** That request has ended. */
    public void ended() {
        inFlight.decrementAndGet();
        lastNanos.set(System.nanoTime());
    }

    public int inFlight() {
        return inFlight.get();
    }

    public long nanosSinceLast() {
        return System.nanoTime() - lastNanos.get();
    }

    /** Requests counted since start (all but the excluded background ones). */
    public long counted() {
        return counted.get();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}

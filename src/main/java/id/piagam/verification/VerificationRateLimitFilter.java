package id.piagam.verification;

import id.piagam.web.Problem;
import id.piagam.web.ClientAddresses;
import id.piagam.web.ProblemResponses;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.time.Clock;

/**
 * 429 with Retry-After for a client that verifies faster than the configured rate; the client is
 * its address as {@link ClientAddresses} sees it (through trusted proxies only).
 */
@Filter({"/verify", "/verify/**", "/api/verify", "/api/verify/**"})
class VerificationRateLimitFilter implements HttpServerFilter {

    private final RateLimiter limiter;
    private final ProblemResponses responses;
    private final ClientAddresses addresses;

    VerificationRateLimitFilter(@Value("${piagam.verify.burst:60}") int burst, @Value("${piagam.verify.per-second:2}") double perSecond,
                                Clock clock, ProblemResponses responses, ClientAddresses addresses) {
        this.addresses = addresses;
        this.limiter = new RateLimiter(burst, perSecond, clock);
        this.responses = responses;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (limiter.tryAcquire(addresses.of(request))) {
            return chain.proceed(request);
        }
        Problem p = responses.generic(request, HttpStatus.TOO_MANY_REQUESTS, "problem.http.429");
        return Publishers.just(responses.respond(p).header("Retry-After", Long.toString(limiter.retryAfterSeconds())));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}

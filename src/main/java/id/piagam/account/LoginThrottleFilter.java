package id.piagam.account;

import id.piagam.web.ClientAddresses;
import id.piagam.web.Problem;
import id.piagam.web.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.time.Duration;
import java.util.Optional;

/**
 * Refuses sign-in with 429 and Retry-After while the client address (through trusted proxies) is locked. A locked username is
 * refused by {@link AccountProvider} itself (the body is not read here).
 */
@Filter("/login")
class LoginThrottleFilter implements HttpServerFilter {

    private final LoginThrottle throttle;
    private final ProblemResponses responses;
    private final ClientAddresses addresses;

    LoginThrottleFilter(@Named("clients") LoginThrottle throttle, ProblemResponses responses, ClientAddresses addresses) {
        this.throttle = throttle;
        this.responses = responses;
        this.addresses = addresses;
    }

    /**
     * The client a sign-in failure counts against: its address as {@link ClientAddresses} sees it, the
     * same rule as the verification limit (a trusted proxy's X-Forwarded-For, else the socket), so that
     * behind a reverse proxy every visitor does not share one bucket, and no one else picks their own.
     */
    static String clientKey(ClientAddresses addresses, HttpRequest<?> request) {
        return request == null ? "ip:unknown" : "ip:" + addresses.of(request);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Duration> locked = "POST".equals(request.getMethodName()) ? throttle.lockedFor(clientKey(addresses, request)) : Optional.empty();
        if (locked.isEmpty()) {
            return chain.proceed(request);
        }
        Problem p = responses.generic(request, HttpStatus.TOO_MANY_REQUESTS, "problem.login.locked");
        return Publishers.just(responses.respond(p).header("Retry-After", String.valueOf(Math.max(1, locked.get().toSeconds()))));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}

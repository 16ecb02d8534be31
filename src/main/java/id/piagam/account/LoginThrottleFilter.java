package id.piagam.account;

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
 * Refuses sign-in with 429 and Retry-After while the client address is locked. A locked username is
 * refused by {@link AccountProvider} itself (the body is not read here).
 */
@Filter("/login")
class LoginThrottleFilter implements HttpServerFilter {

    private final LoginThrottle throttle;
    private final ProblemResponses responses;

    LoginThrottleFilter(@Named("clients") LoginThrottle throttle, ProblemResponses responses) {
        this.throttle = throttle;
        this.responses = responses;
    }

    static String clientKey(HttpRequest<?> request) {
        return request == null ? "ip:unknown" : "ip:" + request.getRemoteAddress().getAddress().getHostAddress();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Duration> locked = "POST".equals(request.getMethodName()) ? throttle.lockedFor(clientKey(request)) : Optional.empty();
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

package id.piagam.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Signs in a browser request by its session cookie: pages, and API downloads (GET). API writes keep
 * needing a bearer token, so a forged cross-site request can never change data through the cookie.
 * The lookup runs on the blocking pool, never on the event loop.
 */
@Singleton
class WebSessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String SESSION_ID = "webSessionId";
    static final String CSRF = "csrf";

    private final WebSessions sessions;
    private final ExecutorService blocking;

    WebSessionAuthenticationFetcher(WebSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> token = request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue);
        // the cookie signs in pages and API downloads; API writes need a bearer token (no CSRF surface)
        boolean apiWrite = request.getPath().startsWith("/api/") && !"GET".equals(request.getMethodName());
        if (token.isEmpty() || apiWrite || request.getHeaders().getAuthorization().isPresent()) {
            return new OnePublisher(Optional::empty, Runnable::run);
        }
        return new OnePublisher(() -> sessions.find(token.get()).map(WebSessionAuthenticationFetcher::authentication), blocking);
    }

    static Authentication authentication(WebSessions.Active s) {
        Authentication account = AccountTokenAuthentication.authentication(s.user());
        Map<String, Object> attributes = new HashMap<>(account.getAttributes());
        attributes.put(SESSION_ID, s.id());
        attributes.put(CSRF, s.csrfToken());
        return Authentication.build(account.getName(), account.getRoles(), attributes);
    }
}

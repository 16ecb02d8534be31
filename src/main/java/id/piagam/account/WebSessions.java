package id.piagam.account;

import id.piagam.Digests;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Sessions of the web pages, kept in the database so that every instance sees them and signing out
 * ends them on the server. The browser holds a random 256-bit token; the table holds its hash.
 */
@Singleton
public class WebSessions {

    public static final String COOKIE = "piagam_session";
    /** The double-submit CSRF cookie of forms shown before sign-in (sign-in, invitation). */
    public static final String FORM_COOKIE = "piagam_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session as a request sees it. */
    public record Active(String id, User user, String csrfToken) {
    }

    /** A new session: the cookie value to hand to the browser, and the session. */
    public record Started(String token, Active session) {
    }

    private final WebSessionRepository sessions;
    private final UserRepository users;
    private final Clock clock;
    private final Duration lifetime;
    private final boolean secureCookies;

    WebSessions(WebSessionRepository sessions, UserRepository users, Clock clock,
                @Value("${piagam.web.session-lifetime:8h}") Duration lifetime, @Value("${piagam.base-url:}") String baseUrl) {
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
        this.lifetime = lifetime;
        this.secureCookies = baseUrl.startsWith("https:");
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Secure on https, as long as the session. */
    public Cookie cookie(Started started) {
        return Cookie.of(COOKIE, started.token()).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secureCookies).maxAge(lifetime);
    }

    /** The pre-sign-in form token cookie: HttpOnly, SameSite=Strict. */
    public Cookie formCookie(String token) {
        return Cookie.of(FORM_COOKIE, token).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(secureCookies);
    }

    /** Tells the browser to drop a cookie. */
    public static Cookie expired(String name) {
        return Cookie.of(name, "").path("/").maxAge(0);
    }

    public Started start(User user) {
        String token = random();
        Instant now = clock.instant();
        WebSession s = sessions.save(new WebSession(hash(token), user.id(), random(), now, now.plus(lifetime), null, user.tokenVersion()));
        return new Started(token, new Active(s.id(), user, s.csrfToken()));
    }

    /**
     * The live session for a cookie value: not ended, not expired, its user still enabled and not
     * changed since (role, password, sign-out). The user is read afresh: the role is the database's.
     */
    public Optional<Active> find(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.findById(hash(token))
                .filter(s -> s.endedAt() == null && s.expiresAt().isAfter(now))
                .flatMap(s -> users.findById(s.userId()).filter(u -> u.enabled() && u.tokenVersion() == s.tokenVersion()).map(u -> new Active(s.id(), u, s.csrfToken())));
    }

    public void end(String sessionId) {
        sessions.end(sessionId, clock.instant());
    }

    /** A random 256-bit value, URL-safe: session tokens and CSRF tokens. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Digests.sha256(token);
    }

    /** Constant-time comparison of a submitted CSRF token with the expected one. */
    public static boolean sameToken(String expected, String submitted) {
        return expected != null && submitted != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }
}

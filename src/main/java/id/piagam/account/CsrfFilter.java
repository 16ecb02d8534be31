package id.piagam.account;

import id.piagam.rules.DomainRefusal;
import id.piagam.web.Pages;
import id.piagam.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.form.FormUrlEncodedDecoder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one place that checks the CSRF token of every state-changing page request (POST, PUT, PATCH
 * or DELETE outside {@code /api/} and the API's {@code /login}), so a new form cannot forget it.
 * The {@code _csrf} field of the form (URL-encoded or multipart) must equal the signed-in session's
 * token or, before sign-in (sign-in, invitation), the double-submit form cookie; otherwise
 * the request is refused with 403 before any handler runs. It runs after the security rules, so an
 * anonymous or unauthorised caller still gets the sign-in redirect or 403 of the route. API writes
 * need a bearer token, which a forged cross-site request cannot carry, so a request that carries one
 * ({@code POST /logout}) is not checked. A body that cannot be decoded is a 400, as in a handler.
 */
@ServerFilter(patterns = CsrfFilter.PAGES, patternStyle = FilterPatternStyle.REGEX,
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
class CsrfFilter implements Ordered {

    static final String FIELD = "_csrf";
    /** Every address but the bearer-token API ({@code /api/…} and its {@code /login}). */
    static final String PAGES = "^(?!/api/|/login$).*";

    private final FormUrlEncodedDecoder forms;
    private final ProblemResponses problems;

    CsrfFilter(FormUrlEncodedDecoder forms, ProblemResponses problems) {
        this.forms = forms;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        if (request.getHeaders().getAuthorization().filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).isPresent()) {
            return null; // a bearer token (POST /logout): a forged cross-site request cannot carry one
        }
        String submitted;
        try {
            submitted = submitted(request);
        } catch (IllegalArgumentException badEncoding) {
            // bad percent-encoding: the client's error, the same 400 as when a handler decodes it
            return problems.respond(request, problems.generic(request, HttpStatus.BAD_REQUEST, "problem.badForm"));
        } catch (CompletionException unreadable) {
            if (unreadable.getCause() instanceof RuntimeException refused) {
                throw refused; // e.g. a form over the size or field limit: its own answer (413), as in a handler
            }
            submitted = null;
        }
        return WebSessions.sameToken(expected(request), submitted) ? null : problems.respond(request, DomainRefusal.forbidden("page.csrf"));
    }

    /** The signed-in session's token; before sign-in, the form cookie the form was served with. */
    private static @Nullable String expected(HttpRequest<?> request) {
        Optional<Object> session = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(Pages.CSRF_ATTRIBUTE));
        if (session.isPresent() && session.get() instanceof String token) {
            return token;
        }
        return request.getCookies().findCookie(WebSessions.FORM_COOKIE).map(Cookie::getValue).orElse(null);
    }

    /**
     * The form's {@code _csrf} field, from the body {@link CsrfFormBody} split off and buffered when the
     * request arrived (so the handler still reads all of it); decoded here, on the blocking pool.
     */
    private @Nullable String submitted(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        Optional<CompletableFuture<byte[]>> body = CsrfFormBody.of(request);
        if (type == null || body.isEmpty()) {
            return null;
        }
        byte[] bytes = body.get().join();
        if (type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return multipartField(request.getHeaders().get(HttpHeaderNames.CONTENT_TYPE.toString()), bytes);
        }
        Charset charset = type.getCharset().orElse(StandardCharsets.UTF_8);
        return single(forms.decode(new String(bytes, charset), charset).get(FIELD));
    }

    private static @Nullable String single(@Nullable Object value) {
        if (value instanceof List<?> values) {
            return values.size() == 1 ? single(values.get(0)) : null;
        }
        return value instanceof String s ? s : null;
    }

    private static @Nullable String multipartField(String contentType, byte[] bytes) {
        DefaultFullHttpRequest netty = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, io.netty.handler.codec.http.HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(bytes));
        netty.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpPostMultipartRequestDecoder decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), netty);
        try {
            InterfaceHttpData field = decoder.getBodyHttpData(FIELD);
            return field instanceof Attribute a ? a.getValue() : null;
        } catch (IOException unreadable) {
            return null;
        } finally {
            decoder.destroy();
            netty.release();
        }
    }
}

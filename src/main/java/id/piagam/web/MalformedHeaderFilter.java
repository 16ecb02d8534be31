package id.piagam.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * A malformed {@code Accept-Language} or {@code Accept-Charset} (",", ";", an unknown charset) made the
 * framework fail on every route. Both only express a preference, so a request carrying one that
 * cannot be read is served as if it had not sent it, and the log gets one line at debug.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class MalformedHeaderFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedHeaderFilter.class);

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean badLanguage = !readable(request, HttpHeaders.ACCEPT_LANGUAGE);
        boolean badCharset = !readable(request, HttpHeaders.ACCEPT_CHARSET);
        if (!badLanguage && !badCharset) {
            return chain.proceed(request);
        }
        MutableHttpRequest<?> cleaned = request.mutate();
        if (badLanguage) {
            cleaned.getHeaders().remove(HttpHeaders.ACCEPT_LANGUAGE);
        }
        if (badCharset) {
            cleaned.getHeaders().remove(HttpHeaders.ACCEPT_CHARSET);
        }
        LOG.debug("Ignored an unreadable {} on {} {}", badLanguage ? HttpHeaders.ACCEPT_LANGUAGE : HttpHeaders.ACCEPT_CHARSET,
                request.getMethodName(), request.getPath());
        return chain.proceed(cleaned);
    }

    /** The header is absent, or both the framework and the JDK can read it. */
    static boolean readable(HttpRequest<?> request, String header) {
        HttpHeaders headers = request.getHeaders();
        if (!headers.contains(header)) {
            return true;
        }
        try {
            if (header.equals(HttpHeaders.ACCEPT_LANGUAGE)) {
                for (String value : headers.getAll(header)) {
                    Locale.LanguageRange.parse(value);
                }
                headers.findAcceptLanguage();
            } else {
                headers.findAcceptCharset();
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

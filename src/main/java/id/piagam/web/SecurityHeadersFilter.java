package id.piagam.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response: no framing, no MIME sniffing, no referrer leaking codes to
 * other sites, and a Content-Security-Policy that allows only this site's own scripts and styles
 * (the pages use no inline script or style); Strict-Transport-Security when the public address
 * ({@code PIAGAM_BASE_URL}) is https. The OpenAPI viewer, a third-party page, gets a
 * policy that lets it run.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'";

    /** Browsers keep to https for a year once they have seen the site on https. */
    static final String HSTS = "max-age=31536000";

    private final boolean https;

    SecurityHeadersFilter(@Value("${piagam.base-url}") String baseUrl) {
        this.https = baseUrl.startsWith("https:");
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (https) {
            response.header("Strict-Transport-Security", HSTS);
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        response.header("X-Frame-Options", "DENY");
        response.header("Content-Security-Policy", request.getPath().startsWith("/swagger-ui") ? SWAGGER_CSP : CSP);
        if (!response.getHeaders().contains("Cache-Control") && !request.getPath().startsWith("/static/")) {
            response.header("Cache-Control", "no-store");
        }
    }
}

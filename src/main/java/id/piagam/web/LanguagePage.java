package id.piagam.web;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The language switch: Bahasa Indonesia (default) or English, remembered in a cookie (and, when signed in,
 * on the account: the person's email follows it). It returns to
 * the page it was clicked on ({@code ?next=} or the {@code Referer}), but only to a path on this
 * site, so the switch can never be used to send someone elsewhere.
 */
@Controller("/bahasa")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class LanguagePage {

    private final ApplicationEventPublisher<LanguageChoice> chosenBy;

    LanguagePage(ApplicationEventPublisher<LanguageChoice> chosenBy) {
        this.chosenBy = chosenBy;
    }

    @Get("/{lang}{?next}")
    HttpResponse<?> choose(String lang, @Nullable @QueryValue String next, HttpRequest<?> request, @Nullable Authentication auth) {
        String chosen = "en".equals(lang) ? "en" : "id";
        if (auth != null) {
            chosenBy.publishEvent(new LanguageChoice(auth.getName(), chosen)); // the account keeps it: their email follows
        }
        String target = back(next, request.getHeaders().get(HttpHeaders.REFERER), request.getHeaders().get(HttpHeaders.HOST));
        return HttpResponse.seeOther(URI.create(target))
                .cookie(Cookie.of(Messages.LANGUAGE_COOKIE, chosen).path("/").maxAge(Duration.ofDays(365)).sameSite(SameSite.Lax).httpOnly(true));
    }

    /**
     * Where to go after switching: a relative {@code next} path, else the referring page when it is
     * on this host (its path and query only), else the home page.
     */
    static String back(@Nullable String next, @Nullable String referer, @Nullable String host) {
        if (next != null && !next.isBlank()) {
            return safeLocal(next);
        }
        if (referer == null || host == null) {
            return "/";
        }
        try {
            URI from = new URI(referer);
            if (from.getRawAuthority() == null || !from.getRawAuthority().equalsIgnoreCase(host)
                    || !("http".equalsIgnoreCase(from.getScheme()) || "https".equalsIgnoreCase(from.getScheme()))) {
                return "/";
            }
            String path = from.getRawPath() == null || from.getRawPath().isEmpty() ? "/" : from.getRawPath();
            return safeLocal(from.getRawQuery() == null ? path : path + "?" + from.getRawQuery());
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    /**
     * Only paths on this site: never an absolute or protocol-relative URL ({@code //evil},
     * {@code /\evil}, which browsers read as another host), nor the switch itself.
     */
    static String safeLocal(String target) {
        if (!target.startsWith("/") || target.startsWith("//") || target.contains("\\") || target.startsWith("/bahasa/")
                || target.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? target : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}

package id.piagam.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.time.Duration;

/** The language switch: Bahasa Indonesia (default) or English, remembered in a cookie. */
@Controller("/bahasa")
@Secured(SecurityRule.IS_ANONYMOUS)
class LanguagePage {

    @Get("/{lang}")
    HttpResponse<?> choose(String lang, HttpRequest<?> request) {
        String chosen = "en".equals(lang) ? "en" : "id";
        String back = request.getHeaders().get("Referer");
        String target = back != null && back.startsWith(request.getHeaders().get("Origin", String.class).orElse("\u0000")) ? back : "/";
        return HttpResponse.seeOther(URI.create(safeLocal(target)))
                .cookie(Cookie.of(Messages.LANGUAGE_COOKIE, chosen).path("/").maxAge(Duration.ofDays(365)).sameSite(SameSite.Lax).httpOnly(true));
    }

    /** Only paths on this site: never an absolute URL someone could smuggle in. */
    static String safeLocal(String target) {
        return target.startsWith("/") && !target.startsWith("//") ? target : "/";
    }
}

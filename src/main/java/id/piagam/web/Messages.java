package id.piagam.web;

import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.core.util.LocaleResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves message codes to text in the requester's language: Bahasa Indonesia by default,
 * English when the request asks for it ({@code Accept-Language: en}).
 */
@Singleton
public class Messages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    /** Set by the language switch on the pages. */
    public static final String LANGUAGE_COOKIE = "lang";

    private final MessageSource source;
    private final LocaleResolver<HttpRequest<?>> localeResolver;

    Messages(@Named("piagam") MessageSource source, LocaleResolver<HttpRequest<?>> localeResolver) {
        this.source = source;
        this.localeResolver = localeResolver;
    }

    /**
     * Pages are in Bahasa Indonesia unless the reader chose English with the language switch (a
     * cookie), whatever the browser's own language; API clients choose with {@code Accept-Language}.
     */
    public Locale locale(HttpRequest<?> request) {
        if (request == null) {
            return INDONESIAN;
        }
        Optional<String> chosen = request.getCookies().findCookie(LANGUAGE_COOKIE).map(Cookie::getValue);
        if (chosen.isPresent()) {
            return "en".equals(chosen.get()) ? Locale.ENGLISH : INDONESIAN;
        }
        if (!request.getPath().startsWith("/api/") && !request.getPath().equals("/login")) {
            return INDONESIAN;
        }
        Locale locale = localeResolver.resolveOrDefault(request);
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : INDONESIAN;
    }

    public String get(Locale locale, String code, List<?> args) {
        // numbers as typed (a year is "2026", not "2.026"); decimals as the reader writes them ("70", "90,01")
        Object[] plain = args.stream().map(a -> a instanceof BigDecimal d ? decimal(locale, d)
                : a instanceof Number || a == null ? String.valueOf(a) : a).toArray();
        return source.getMessage(code, locale, plain).orElse(code);
    }

    /**
     * The label of an enum constant shown to a person (pages and exports): the key
     * {@code enum.<Type>.<CONSTANT>}, so no raw constant ever reaches a screen or a spreadsheet.
     */
    public String label(Locale locale, Enum<?> constant) {
        return label(locale, constant.getDeclaringClass().getSimpleName(), constant.name());
    }

    /** The label of a constant stored as text (an audit action): {@code enum.<type>.<CONSTANT>}. */
    public String label(Locale locale, String type, String constant) {
        return find(locale, "enum." + type + "." + constant).orElse(constant);
    }

    /** A decimal for the reader: Indonesian with a comma ({@code 90,01}), English with a point; no trailing zeros. */
    public static String decimal(Locale locale, BigDecimal d) {
        String id = Bahasa.decimal(d);
        return "en".equals(locale.getLanguage()) ? id.replace(',', '.') : id;
    }

    /** The text of a code, or empty when the bundle has none. */
    public Optional<String> find(Locale locale, String code) {
        return source.getMessage(code, locale);
    }

    public Problem.FieldError fieldError(Locale locale, FieldProblem p) {
        return new Problem.FieldError(p.field(), p.code(), get(locale, p.code(), p.args()));
    }

    @Factory
    static class MessageSourceFactory {
        @Singleton
        @Named("piagam")
        MessageSource piagamMessages() {
            return new ResourceBundleMessageSource("i18n.messages", INDONESIAN);
        }
    }
}

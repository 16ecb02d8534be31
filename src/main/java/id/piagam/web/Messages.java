package id.piagam.web;

import id.piagam.participant.FieldProblem;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.core.util.LocaleResolver;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Resolves message codes to text in the requester's language: Bahasa Indonesia by default,
 * English when the request asks for it ({@code Accept-Language: en}).
 */
@Singleton
public class Messages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MessageSource source;
    private final LocaleResolver<HttpRequest<?>> localeResolver;

    Messages(@Named("piagam") MessageSource source, LocaleResolver<HttpRequest<?>> localeResolver) {
        this.source = source;
        this.localeResolver = localeResolver;
    }

    public Locale locale(HttpRequest<?> request) {
        if (request == null) {
            return INDONESIAN;
        }
        Locale locale = localeResolver.resolveOrDefault(request);
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : INDONESIAN;
    }

    public String get(Locale locale, String code, List<?> args) {
        // numbers as typed (a year is "2026", not "2.026")
        Object[] plain = args.stream().map(a -> a instanceof Number || a == null ? String.valueOf(a) : a).toArray();
        return source.getMessage(code, locale, plain).orElse(code);
    }

    /** The text of a code, or empty when the bundle has none. */
    public java.util.Optional<String> find(Locale locale, String code) {
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

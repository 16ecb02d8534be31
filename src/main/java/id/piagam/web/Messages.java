package id.piagam.web;

import id.piagam.rules.Reason;
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
import java.time.LocalDate;
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
        Object[] plain = args.stream().map(a -> arg(locale, a)).toArray();
        return source.getMessage(code, locale, plain).orElse(code);
    }

    /** A rule's reason in the reader's language. */
    public String text(Locale locale, Reason reason) {
        return get(locale, reason.code(), reason.args());
    }

    /** Reasons in the reader's language, joined as one line ("-" for none). */
    public String text(Locale locale, List<Reason> reasons) {
        return reasons.isEmpty() ? "-" : String.join("; ", reasons.stream().map(r -> text(locale, r)).toList());
    }

    /**
     * One argument written for the reader: numbers as typed (a year is "2026", not "2.026"); decimals
     * as the reader writes them ("70", "90,01"), measured ones with two places ("75,00"); dates long
     * ("27 Januari 2026", "27 January 2026"); enum constants by their label, in a sentence; nested
     * reasons by their own text.
     */
    private Object arg(Locale locale, Object a) {
        if (a instanceof BigDecimal d) {
            return decimal(locale, d);
        }
        if (a instanceof Reason.Decimal2 d) {
            return decimal2(locale, d.value());
        }
        if (a instanceof LocalDate date) {
            return Bahasa.longDate(date, locale);
        }
        if (a instanceof Enum<?> e) {
            return label(locale, e).toLowerCase(locale);
        }
        if (a instanceof Reason r) {
            return text(locale, r);
        }
        if (a instanceof List<?> list && list.stream().allMatch(Reason.class::isInstance)) {
            return text(locale, list.stream().map(Reason.class::cast).toList());
        }
        return a instanceof Number || a == null ? String.valueOf(a) : a;
    }

    /**
     * The label of an enum constant shown to a person (pages and exports): the key
     * {@code enum.<Type>.<CONSTANT>}, so no raw constant ever reaches a screen or a spreadsheet.
     */
    public String label(Locale locale, Enum<?> constant) {
        return label(locale, constant.getDeclaringClass().getSimpleName(), constant.name());
    }

    /**
     * The label of a constant where something else names it differently: {@code enum.<type>.<CONSTANT>.<CONTEXT>} when
     * there is one, else the plain label. A Diklat's attendance document is a letter ("Surat keterangan telah mengikuti",
     * as its PDF is titled), a Bimtek's a certificate ("Sertifikat keikutsertaan").
     */
    public String label(Locale locale, String type, String constant, String context) {
        return find(locale, "enum." + type + "." + constant + "." + context).orElseGet(() -> label(locale, type, constant));
    }

    /** {@link #label(Locale, String, String, String)} for two constants: {@code label(locale, c.kind(), event.kind())}. */
    public String label(Locale locale, Enum<?> constant, Enum<?> context) {
        return label(locale, constant.getDeclaringClass().getSimpleName(), constant.name(), context.name());
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

    /** A measured decimal for the reader, with two places: {@code 86,40} in Indonesian, {@code 86.40} in English. */
    public static String decimal2(Locale locale, BigDecimal d) {
        String id = Bahasa.decimal2(d);
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

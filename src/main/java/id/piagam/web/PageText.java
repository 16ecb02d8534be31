package id.piagam.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The page's words in the reader's language, for templates: {@code ${t.get('masuk.judul')}}. */
public record PageText(Locale locale, Messages messages) {

    public String get(String key) {
        return messages.get(locale, key, List.of());
    }

    public String get(String key, Object arg) {
        return messages.get(locale, key, List.of(arg));
    }

    public String get(String key, Object first, Object second) {
        return messages.get(locale, key, List.of(first, second));
    }

    /** The label of an enum constant: {@code ${t.label(event.kind())}}. */
    public String label(Enum<?> constant) {
        return constant == null ? "" : messages.label(locale, constant);
    }

    /** The label of a constant known by its type's name: {@code ${t.label('EventKind', e.kind())}}. */
    public String label(String type, Object constant) {
        return constant == null ? "" : messages.label(locale, type, constant.toString());
    }

    /** The label of a constant in its context: {@code ${t.label(c.kind(), event.kind())}} (see {@link Messages#label(Locale, String, String, String)}). */
    public String label(Enum<?> constant, Enum<?> context) {
        return constant == null ? "" : messages.label(locale, constant, context);
    }

    /** The same for a constant known by its type's name: {@code ${t.label('CertificateKind', l.kind(), event.kind())}}. */
    public String label(String type, Object constant, Object context) {
        return constant == null || constant.toString().isEmpty() ? "" : messages.label(locale, type, constant.toString(), String.valueOf(context));
    }

    /** A decimal as the reader writes it: {@code ${t.decimal(b.lowerBound())}} → "90,01". */
    public String decimal(BigDecimal value) {
        return value == null ? "" : Messages.decimal(locale, value);
    }

    public String lang() {
        return locale.getLanguage();
    }
}

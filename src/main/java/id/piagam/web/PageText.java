package id.piagam.web;

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

    public String lang() {
        return locale.getLanguage();
    }
}

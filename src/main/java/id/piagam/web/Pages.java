package id.piagam.web;

import id.piagam.rules.Reason;
import id.piagam.text.CleanText;
import id.piagam.validation.FieldProblem;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every page's model holds: the words in the reader's language, who is signed in, the form token
 * (checked for every state-changing page request in one place, {@code account/CsrfFilter}).
 */
@Singleton
public class Pages {

    /** The authentication attribute holding the session's CSRF token. */
    public static final String CSRF_ATTRIBUTE = "csrf";

    private final Messages messages;

    Pages(Messages messages) {
        this.messages = messages;
    }

    public Map<String, Object> model(HttpRequest<?> request, Authentication auth) {
        Map<String, Object> model = new HashMap<>();
        model.put("t", new PageText(messages.locale(request), messages));
        model.put("user", auth == null ? null : auth.getName());
        model.put("csrf", auth == null ? null : auth.getAttributes().get(CSRF_ATTRIBUTE));
        model.put("staff", auth != null && (auth.getRoles().contains("ADMIN") || auth.getRoles().contains("OPERATOR")));
        model.put("admin", auth != null && auth.getRoles().contains("ADMIN"));
        return model;
    }

    /** Field name → message, for showing each problem next to its field. */
    public Map<String, String> fieldErrors(HttpRequest<?> request, List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        Locale locale = messages.locale(request);
        problems.forEach(p -> errors.merge(p.field(), messages.fieldError(locale, p).message(), (a, b) -> a + " " + b));
        return errors;
    }

    /**
     * A page form's text as a handler may use it: every value in NFC, and each value that may not be
     * stored (a control, bidi-override, zero-width or unpaired surrogate character, or a flood of
     * combining marks: {@link FreeText}, the same rule as for a JSON body) added to {@code problems} at
     * its field, the input's name, so the page shows the message at that input and saves nothing. A
     * refused value is kept as typed, to be shown again.
     */
    public Map<String, String> form(Map<String, String> form, List<FieldProblem> problems) {
        Map<String, String> clean = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (value == null || FreeText.verbatim(field)) {
                clean.put(field, value);
                return;
            }
            String normal = CleanText.normalise(value);
            FreeText.refusal(field, normal).ifPresentOrElse(
                    code -> {
                        problems.add(FieldProblem.of(field, code));
                        clean.put(field, value);
                    },
                    () -> clean.put(field, normal));
        });
        return clean;
    }

    public Locale locale(HttpRequest<?> request) {
        return messages.locale(request);
    }

    public String text(HttpRequest<?> request, String key) {
        return messages.get(messages.locale(request), key, List.of());
    }

    /** A rule's reasons in the reader's language, joined as one line. */
    public String reasons(HttpRequest<?> request, List<Reason> reasons) {
        return reasons.isEmpty() ? "" : messages.text(messages.locale(request), reasons);
    }
}

package id.piagam.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashMap;
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
    public Map<String, String> fieldErrors(HttpRequest<?> request, java.util.List<id.piagam.validation.FieldProblem> problems) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        java.util.Locale locale = messages.locale(request);
        problems.forEach(p -> errors.merge(p.field(), messages.fieldError(locale, p).message(), (a, b) -> a + " " + b));
        return errors;
    }

    public java.util.Locale locale(HttpRequest<?> request) {
        return messages.locale(request);
    }

    public String text(HttpRequest<?> request, String key) {
        return messages.get(messages.locale(request), key, java.util.List.of());
    }

    /** A rule's reasons in the reader's language, joined as one line. */
    public String reasons(HttpRequest<?> request, java.util.List<id.piagam.rules.Reason> reasons) {
        return reasons.isEmpty() ? "" : messages.text(messages.locale(request), reasons);
    }
}

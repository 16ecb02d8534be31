package id.piagam.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** What every page's model holds: the words in the reader's language, who is signed in, the form token. */
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
        return model;
    }

    public String text(HttpRequest<?> request, String key) {
        return messages.get(messages.locale(request), key, java.util.List.of());
    }
}

package id.piagam.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import org.jsoup.Jsoup;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser for page tests: it asks for HTML, keeps the cookies it is given, and submits forms. */
public final class Browser {

    private final Api api;
    private final Map<String, String> cookies = new HashMap<>();

    public Browser(Api anonymous) {
        this.api = anonymous;
    }

    public Api.Res get(String path) {
        return send(HttpRequest.GET(path));
    }

    /** Submits a form encoded as a browser encodes it (the client's own form encoder nests a buffer per field). */
    public Api.Res post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    public Api.Res send(MutableHttpRequest<?> request) {
        request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        cookies.forEach((k, v) -> request.cookie(Cookie.of(k, v)));
        Api.Res r = api.send(request);
        for (String set : r.raw().getHeaders().getAll("Set-Cookie")) {
            String name = set.substring(0, set.indexOf('='));
            String value = set.substring(set.indexOf('=') + 1, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
            if (set.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return r;
    }

    public Browser cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Signs in through the sign-in page, as a person would. */
    public Browser signIn(String username, String password) {
        String csrf = Jsoup.parse(get("/masuk").body()).selectFirst("input[name=_csrf]").val();
        Api.Res r = post("/masuk", Map.of("_csrf", csrf, "username", username, "password", password));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        return this;
    }

    /** Every form on a signed-in page carries the session's token; read it from the sign-out form. */
    public String csrf() {
        Api.Res home = get("/");
        String page = home.status() == 303 ? get(home.raw().getHeaders().get("Location")).body() : home.body();
        return Jsoup.parse(page).selectFirst("form[action=/keluar] input[name=_csrf]").val();
    }

    /** What a browser would submit from the form {@code selector} as it stands: inputs, selected options, ticked boxes. */
    public static Map<String, String> fields(org.jsoup.nodes.Document page, String selector) {
        Map<String, String> form = new HashMap<>();
        page.select(selector + " input, " + selector + " select").forEach(el -> {
            if (el.attr("type").equals("checkbox")) {
                if (el.hasAttr("checked")) {
                    form.put(el.attr("name"), "on");
                }
            } else if (el.tagName().equals("select")) {
                var selected = el.selectFirst("option[selected]");
                form.put(el.attr("name"), selected == null ? el.selectFirst("option").val() : selected.val());
            } else if (!el.attr("name").isEmpty()) {
                form.put(el.attr("name"), el.val());
            }
        });
        return form;
    }
}

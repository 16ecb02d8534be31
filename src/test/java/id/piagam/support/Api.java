package id.piagam.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A thin JSON client for tests: every call returns the status and the parsed body, never throws on 4xx/5xx. */
public final class Api {

    /** A response as a user of the API sees it. */
    public record Res(int status, String body, Object json, HttpResponse<?> raw) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json;
        }

        public Object get(String key) {
            return map().get(key);
        }

        public long id() {
            return ((Number) map().get("id")).longValue();
        }

        public String contentType() {
            return raw.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) map().get("errors");
        }

        public List<String> errorFields() {
            return errors().stream().map(e -> (String) e.get("field")).toList();
        }
    }

    private final HttpClient client;
    private final JsonMapper json;
    private String token;
    private String language;

    public Api(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    public Api as(String token) {
        Api other = new Api(client, json);
        other.token = token;
        other.language = language;
        return other;
    }

    public Api inLanguage(String lang) {
        Api other = as(token);
        other.language = lang;
        return other;
    }

    public String login(String username, String password) {
        Res r = post("/login", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login as " + username + " failed: " + r.status() + " " + r.body());
        }
        return (String) r.get("access_token");
    }

    public Res get(String path) {
        return send(HttpRequest.GET(path));
    }

    public Res post(String path, Object body) {
        return send(HttpRequest.POST(path, body));
    }

    public Res put(String path, Object body) {
        return send(HttpRequest.PUT(path, body));
    }

    /** Sends a body exactly as given (for malformed JSON). */
    public Res postRaw(String path, String body) {
        return send(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    public Res send(MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        if (language != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        HttpResponse<String> response;
        try {
            response = client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
        } catch (HttpClientResponseException e) {
            response = (HttpResponse<String>) e.getResponse();
            String body = e.getResponse().getBody(String.class).orElse("");
            return new Res(e.getStatus().getCode(), body, parse(body), e.getResponse());
        }
        String body = response.body() == null ? "" : response.body();
        return new Res(response.getStatus().getCode(), body, parse(body), response);
    }

    private Object parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException | RuntimeException e) {
            return null; // not JSON (a YAML document, an HTML page): the test reads body()
        }
    }
}

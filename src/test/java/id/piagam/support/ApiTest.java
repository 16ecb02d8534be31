package id.piagam.support;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Base of the HTTP tests: a client signed in as the bootstrap admin ({@code admin}), and one signed
 * in as an operator created through the API.
 */
public abstract class ApiTest {

    @Inject
    @Client("/")
    protected HttpClient httpClient;

    @Inject
    protected JsonMapper jsonMapper;

    protected Api anonymous;
    protected Api admin;
    protected Api operator;

    private static final Map<Class<?>, String[]> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void signIn() {
        anonymous = new Api(httpClient, jsonMapper);
        String[] tokens = TOKENS.computeIfAbsent(getClass(), c -> {
            String adminToken = anonymous.login("admin", "test-admin-secret");
            Api a = anonymous.as(adminToken);
            a.post("/api/users", Map.of("username", "operator", "password", "operator-secret-1", "role", "OPERATOR"));
            return new String[]{adminToken, anonymous.login("operator", "operator-secret-1")};
        });
        admin = anonymous.as(tokens[0]);
        operator = anonymous.as(tokens[1]);
    }

    /** Creates a participant as the operator and returns its id. */
    protected long participant(int n, String name) {
        Api.Res r = operator.post("/api/participants", Fixtures.aPns(n, name));
        if (r.status() != 201) {
            throw new AssertionError(r.body());
        }
        return r.id();
    }

    /** Follows a bulk job (as the operator) until it is no longer RUNNING; answers its last state. */
    protected Api.Res waitForJob(Api.Res started) {
        return await("job " + started.id() + " finishes").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> operator.get("/api/jobs/" + started.id()), job -> !"RUNNING".equals(job.get("status")));
    }
}

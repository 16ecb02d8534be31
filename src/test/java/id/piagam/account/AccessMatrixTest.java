package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every endpoint against every kind of caller. "Denied" means exactly 401
 * (anonymous) or 403; "allowed" means anything else (writes are sent with an empty body, so an
 * allowed caller gets a 400 and nothing changes).
 */
@MicronautTest(transactional = false)
class AccessMatrixTest extends ApiTest {

    private enum Who { ANONYMOUS, PARTICIPANT_A, PARTICIPANT_B, OPERATOR, ADMIN }

    private static final String ALLOWED = "allowed";

    private record Endpoint(HttpMethod method, String path, Map<Who, String> expected) {
    }

    @Test
    void everyEndpointAnswersEachCallerAsDesigned() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long a = s.attending(700, "Anisa Rahma");
        long b = s.attending(701, "Bagus Pratama");
        long certificate = s.issue(a).id();
        String code = (String) operator.get("/api/certificates/" + certificate).get("verificationCode");
        admin.post("/api/users", Map.of("username", "anisa", "password", "anisa-secret-123", "role", "PARTICIPANT", "participantId", a));
        admin.post("/api/users", Map.of("username", "bagus", "password", "bagus-secret-123", "role", "PARTICIPANT", "participantId", b));
        Map<Who, Api> callers = new LinkedHashMap<>();
        callers.put(Who.ANONYMOUS, anonymous);
        callers.put(Who.PARTICIPANT_A, anonymous.as(anonymous.login("anisa", "anisa-secret-123")));
        callers.put(Who.PARTICIPANT_B, anonymous.as(anonymous.login("bagus", "bagus-secret-123")));
        callers.put(Who.OPERATOR, operator);
        callers.put(Who.ADMIN, admin);

        long e = s.eventId;
        long session = s.sessionIds.get(0);
        List<Endpoint> endpoints = new ArrayList<>();
        // staff endpoints: operators and admins
        for (String[] staff : new String[][]{
                {"GET", "/api/participants"}, {"POST", "/api/participants"}, {"GET", "/api/participants/" + a},
                {"PUT", "/api/participants/" + a}, {"GET", "/api/participants/export.csv"},
                {"GET", "/api/events"}, {"POST", "/api/events"}, {"GET", "/api/events/" + e}, {"PUT", "/api/events/" + e},
                {"GET", "/api/events/" + e + "/enrolments"}, {"POST", "/api/events/" + e + "/enrolments"},
                {"PUT", "/api/events/" + e + "/enrolments/" + a},
                {"GET", "/api/events/" + e + "/sessions/" + session + "/attendance"},
                {"PUT", "/api/events/" + e + "/sessions/" + session + "/attendance"},
                {"GET", "/api/events/" + e + "/assessments"}, {"GET", "/api/events/" + e + "/eligibility"},
                {"GET", "/api/events/" + e + "/certificates"}, {"GET", "/api/events/" + e + "/records.csv"},
                {"GET", "/api/events/" + e + "/certificates.zip"}, {"GET", "/api/events/" + e + "/certificates.pdf"},
                {"POST", "/api/events/" + e + "/enrolments/" + b + "/certificate"},
                {"GET", "/api/certificates/" + certificate}, {"GET", "/api/certificates/" + certificate + "/pdf"},
                {"GET", "/api/certificates/" + certificate + "/audit"}, {"GET", "/api/grade-scales"}, {"GET", "/api/agency"},
                {"GET", "/api/templates"}, {"GET", "/api/templates/sttp-diklat/preview"}, {"GET", "/api/imports/template.csv"},
                {"POST", "/api/participants/" + a + "/invitations"}, {"POST", "/api/events/" + e + "/invitations"}}) {
            endpoints.add(new Endpoint(HttpMethod.valueOf(staff[0]), staff[1], Map.of(Who.ANONYMOUS, "401", Who.PARTICIPANT_A, "403",
                    Who.PARTICIPANT_B, "403", Who.OPERATOR, ALLOWED, Who.ADMIN, ALLOWED)));
        }
        // administrators only
        for (String[] adminOnly : new String[][]{{"GET", "/api/users"}, {"POST", "/api/users"}, {"PUT", "/api/users/1"},
                {"POST", "/api/admin/backups"}, {"PUT", "/api/agency"},
                {"POST", "/api/grade-scales"}, {"POST", "/api/templates/reload"},
                {"POST", "/api/certificates/" + certificate + "/revoke"}, {"POST", "/api/certificates/" + certificate + "/reissue"}}) {
            endpoints.add(new Endpoint(HttpMethod.valueOf(adminOnly[0]), adminOnly[1], Map.of(Who.ANONYMOUS, "401", Who.PARTICIPANT_A, "403",
                    Who.PARTICIPANT_B, "403", Who.OPERATOR, "403", Who.ADMIN, ALLOWED)));
        }
        // the pas foto: staff remove it; the participant reads and sets their own (an empty body is refused at the field)
        endpoints.add(new Endpoint(HttpMethod.DELETE, "/api/participants/" + b + "/photo", Map.of(Who.ANONYMOUS, "401",
                Who.PARTICIPANT_A, "403", Who.PARTICIPANT_B, "403", Who.OPERATOR, ALLOWED, Who.ADMIN, ALLOWED)));
        for (HttpMethod method : new HttpMethod[]{HttpMethod.GET, HttpMethod.PUT}) {
            endpoints.add(new Endpoint(method, "/api/participants/" + a + "/photo", Map.of(Who.ANONYMOUS, "401", Who.PARTICIPANT_A, ALLOWED,
                    Who.PARTICIPANT_B, "403", Who.OPERATOR, ALLOWED, Who.ADMIN, ALLOWED)));
        }
        // a participant's own records: the participant, and staff
        for (String path : new String[]{"/api/participants/" + a + "/records", "/api/participants/" + a + "/siasn.csv"}) {
            endpoints.add(new Endpoint(HttpMethod.GET, path, Map.of(Who.ANONYMOUS, "401", Who.PARTICIPANT_A, ALLOWED,
                    Who.PARTICIPANT_B, "403", Who.OPERATOR, ALLOWED, Who.ADMIN, ALLOWED)));
        }
        // public
        for (String path : new String[]{"/health", "/api/verify/" + code, "/verify/" + code, "/verify", "/swagger/piagam-0.1.0.yml"}) {
            endpoints.add(new Endpoint(HttpMethod.GET, path, Map.of(Who.ANONYMOUS, ALLOWED, Who.PARTICIPANT_A, ALLOWED,
                    Who.PARTICIPANT_B, ALLOWED, Who.OPERATOR, ALLOWED, Who.ADMIN, ALLOWED)));
        }

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints) {
            for (Map.Entry<Who, Api> caller : callers.entrySet()) {
                MutableHttpRequest<?> request = endpoint.method() == HttpMethod.GET ? HttpRequest.GET(endpoint.path())
                        : HttpRequest.create(endpoint.method(), endpoint.path()).body("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
                int status = caller.getValue().send(request).status();
                String expected = endpoint.expected().get(caller.getKey());
                // 501: on PostgreSQL the backup button answers "use pg_dump"
                boolean ok = expected.equals(ALLOWED) ? status != 401 && status != 403 && (status < 500 || status == 501)
                        : status == Integer.parseInt(expected);
                if (!ok) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + caller.getKey() + ": " + status + ", expected " + expected);
                }
                checked++;
            }
        }
        // a hostile body (a key given twice, a NUL) to any write, as any caller, is refused (400) before anything runs:
        // nothing is written, and nothing about the address is learnt
        String hostile = "{\"name\":\"a\\u0000\",\"name\":\"b\"}";
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method() == HttpMethod.GET) {
                continue;
            }
            for (Map.Entry<Who, Api> caller : callers.entrySet()) {
                int status = caller.getValue().send(HttpRequest.create(endpoint.method(), endpoint.path()).body(hostile)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)).status();
                if (status != 400) {
                    wrong.add("hostile body to " + endpoint.method() + " " + endpoint.path() + " as " + caller.getKey() + ": " + status);
                }
                checked++;
            }
        }
        assertThat(wrong).as("checked " + checked + " combinations").isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(300);
        // of all the writes above, only the admin's reissue (an empty body is a valid reissue) changed the certificate
        Api.Res after = operator.get("/api/certificates/" + certificate);
        assertThat(after.get("status")).isEqualTo("SUPERSEDED");
        long successor = ((Number) after.get("supersededById")).longValue();
        assertThat(operator.get("/api/certificates/" + successor + "/audit").list()).singleElement()
                .satisfies(entry -> assertThat(entry.get("actor")).isEqualTo("admin"));
    }
}

package id.piagam.web;

import id.piagam.participant.ParticipantRepository;
import id.piagam.programme.EventRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input against the API: every case gets a 4xx problem document with a message
 * (never a 5xx, never a stack trace) and nothing is written.
 */
@MicronautTest(transactional = false)
class HostileInputTest extends ApiTest {

    @Inject
    ParticipantRepository participants;
    @Inject
    EventRepository events;
    @Inject
    id.piagam.account.UserRepository users;

    static long eventId;
    static long diklatId;
    static long sessionId;
    static long participantWithAccount;

    /** One hostile request: a name, the request to send, and the status range expected. */
    record Case(String name, Function<HostileInputTest, MutableHttpRequest<?>> request, int expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void fixtures() {
        if (eventId == 0) {
            Scenario bimtek = Scenario.of(operator, Fixtures.aBimtek());
            eventId = bimtek.eventId;
            sessionId = bimtek.sessionIds.get(0);
            diklatId = Scenario.of(operator, Fixtures.aDiklat()).eventId;
            participantWithAccount = participant(900, "Siti Aminah");
            admin.post("/api/users", Map.of("username", "siti", "password", "siti-rahasia-123", "role", "PARTICIPANT",
                    "participantId", participantWithAccount));
        }
    }

    private static MutableHttpRequest<?> json(String method, String path, String body) {
        return HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path).body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String person(String field, Object value) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("fullName", "Budi Santoso", "category", "NON_ASN", "nik", "3528010101900001"));
        p.put(field, value);
        StringBuilder sb = new StringBuilder("{");
        p.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String s ? '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : String.valueOf(v)));
        return sb.append('}').toString();
    }

    private static MultipartBody file(String name, byte[] bytes) {
        return MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build();
    }

    private static MutableHttpRequest<?> upload(String name, byte[] bytes) {
        return HttpRequest.POST("/api/events/" + eventId + "/imports", file(name, bytes)).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    static Stream<Case> corpus() {
        List<Case> c = new ArrayList<>();
        String big = "a".repeat(11 * 1024 * 1024);
        c.add(new Case("oversized JSON body", t -> json("POST", "/api/participants", "{\"fullName\":\"" + big + "\"}"), 413));
        c.add(new Case("oversized upload", t -> upload("besar.csv", new byte[6 * 1024 * 1024]), 413));
        c.add(new Case("malformed JSON", t -> json("POST", "/api/participants", "{\"fullName\": "), 400));
        c.add(new Case("empty body", t -> json("POST", "/api/participants", ""), 400));
        c.add(new Case("array instead of object", t -> json("POST", "/api/participants", "[1,2,3]"), 400));
        c.add(new Case("deeply nested JSON", t -> json("POST", "/api/participants", "[".repeat(5000) + "]".repeat(5000)), 400));
        c.add(new Case("wrong content type", t -> HttpRequest.POST("/api/participants", "fullName=Budi").contentType(MediaType.TEXT_PLAIN_TYPE), 415));
        c.add(new Case("unknown enum value", t -> json("POST", "/api/participants", person("category", "PEGAWAI")), 400));
        c.add(new Case("null required field", t -> json("POST", "/api/participants", "{\"fullName\":null,\"category\":\"PNS\"}"), 400));
        c.add(new Case("script tag in a name", t -> json("POST", "/api/participants", person("fullName", "<script>alert(1)</script>")), 400));
        c.add(new Case("control characters in a name", t -> json("POST", "/api/participants", person("fullName", "Budi\u0000\u0007Santoso")), 400));
        c.add(new Case("zero-width and right-to-left marks in a name", t -> json("POST", "/api/participants",
                person("fullName", "Bu\u200Ddi \u202ESantoso")), 400));
        c.add(new Case("emoji in a name", t -> json("POST", "/api/participants", person("fullName", "Budi \uD83D\uDE00")), 400));
        c.add(new Case("100,000-character title", t -> json("POST", "/api/events", "{\"kind\":\"BIMTEK\",\"title\":\"" + "x".repeat(100_000)
                + "\",\"organiser\":\"B\",\"place\":\"S\",\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-02\",\"minAttendancePercent\":80}"), 400));
        c.add(new Case("impossible date", t -> json("POST", "/api/participants", person("birthDate", "2020-02-30")), 400));
        c.add(new Case("date in the wrong format", t -> json("POST", "/api/participants", person("birthDate", "30/01/2020")), 400));
        c.add(new Case("dates reversed", t -> json("POST", "/api/events", "{\"kind\":\"BIMTEK\",\"title\":\"T\",\"organiser\":\"B\",\"place\":\"S\","
                + "\"startDate\":\"2026-02-01\",\"endDate\":\"2026-01-01\",\"minAttendancePercent\":80}"), 400));
        c.add(new Case("negative JP", t -> json("POST", "/api/events", "{\"kind\":\"BIMTEK\",\"title\":\"T\",\"organiser\":\"B\",\"place\":\"S\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-02\",\"minAttendancePercent\":80,"
                + "\"sessions\":[{\"date\":\"2026-01-01\",\"topic\":\"x\",\"jp\":-4}]}"), 400));
        c.add(new Case("huge JP", t -> json("POST", "/api/events", "{\"kind\":\"BIMTEK\",\"title\":\"T\",\"organiser\":\"B\",\"place\":\"S\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-02\",\"minAttendancePercent\":80,"
                + "\"sessions\":[{\"date\":\"2026-01-01\",\"topic\":\"x\",\"jp\":100000000000000000000}]}"), 400));
        c.add(new Case("fractional JP", t -> json("POST", "/api/events", "{\"kind\":\"BIMTEK\",\"title\":\"T\",\"organiser\":\"B\",\"place\":\"S\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-02\",\"minAttendancePercent\":80,"
                + "\"sessions\":[{\"date\":\"2026-01-01\",\"topic\":\"x\",\"jp\":2.5}]}"), 400));
        c.add(new Case("enormous percentage", t -> json("POST", "/api/events", "{\"kind\":\"BIMTEK\",\"title\":\"T\",\"organiser\":\"B\",\"place\":\"S\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-02\",\"minAttendancePercent\":1e400}"), 400));
        c.add(new Case("zero attendance threshold", t -> json("POST", "/api/events", "{\"kind\":\"BIMTEK\",\"title\":\"T\",\"organiser\":\"B\",\"place\":\"S\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-02\",\"minAttendancePercent\":0}"), 400));
        c.add(new Case("path traversal in an event code", t -> json("POST", "/api/events", "{\"kind\":\"BIMTEK\",\"code\":\"../../etc\",\"title\":\"T\","
                + "\"organiser\":\"B\",\"place\":\"S\",\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-02\",\"minAttendancePercent\":80}"), 400));
        c.add(new Case("participant id beyond a long", t -> json("POST", "/api/events/" + eventId + "/enrolments",
                "{\"participantId\":99999999999999999999999}"), 400));
        c.add(new Case("participant id as text", t -> json("POST", "/api/events/" + eventId + "/enrolments", "{\"participantId\":\"satu\"}"), 400));
        c.add(new Case("too many attendance lines", t -> {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < 5001; i++) {
                sb.append(i == 0 ? "" : ",").append("{\"participantId\":").append(i + 1).append(",\"status\":\"HADIR\"}");
            }
            return json("PUT", "/api/events/" + eventId + "/sessions/" + sessionId + "/attendance", sb.append(']').toString());
        }, 400));
        c.add(new Case("score NaN", t -> json("PUT", "/api/events/" + diklatId + "/assessments/1", "{\"scores\":{\"Sikap\":\"NaN\"}}"), 400));
        c.add(new Case("negative score", t -> json("PUT", "/api/events/" + diklatId + "/assessments/1", "{\"scores\":{\"Sikap\":-5}}"), 404));
        c.add(new Case("SQL metacharacters in search", t -> HttpRequest.GET("/api/participants?q=%27%20OR%201%3D1%20--&size=5"), 200));
        c.add(new Case("page size zero", t -> HttpRequest.GET("/api/participants?size=0"), 400));
        c.add(new Case("negative page", t -> HttpRequest.GET("/api/participants?page=-1"), 400));
        c.add(new Case("id that is not a number", t -> HttpRequest.GET("/api/participants/abc"), 400));
        c.add(new Case("id with 60 digits", t -> HttpRequest.GET("/api/participants/" + "9".repeat(60)), 400));
        c.add(new Case("path traversal in a template name", t -> HttpRequest.GET("/api/templates/..%2F..%2Fetc/preview"), 404));
        c.add(new Case("XLSX zip bomb", t -> upload("bom.xlsx", zipBomb()), 400));
        c.add(new Case("XLSX extension on a text file", t -> upload("daftar.xlsx", "Nama\nBudi\n".getBytes()), 400));
        c.add(new Case("CSV extension on a ZIP", t -> upload("daftar.csv", new byte[]{'P', 'K', 3, 4, 0, 0, 0}), 400));
        c.add(new Case("a million rows", t -> upload("juta.csv", ("Nama Lengkap\n" + "A\n".repeat(1_000_000)).getBytes()), 400));
        c.add(new Case("path traversal in an upload name", t -> upload("../../../etc/passwd", "Nama Lengkap\nBudi\n".getBytes()), 400));
        c.add(new Case("multipart without the file", t -> HttpRequest.POST("/api/events/" + eventId + "/imports",
                MultipartBody.builder().addPart("mode", "ALL").build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE), 400));
        c.add(new Case("verification upload that is not a PDF", t -> HttpRequest.POST("/api/verify", "<html>".getBytes())
                .contentType(MediaType.APPLICATION_PDF_TYPE), 400));
        c.add(new Case("verification code with a NUL", t -> HttpRequest.GET("/api/verify/%00%00"), 404)); // answers {"found":false}
        c.add(new Case("sign-in without fields", t -> json("POST", "/login", "{}"), 400));
        c.add(new Case("sign-in with a 100,000-character password", t -> json("POST", "/login",
                "{\"username\":\"admin\",\"password\":\"" + "p".repeat(100_000) + "\"}"), 401));
        c.add(new Case("grade scale with a negative bound", t -> json("POST", "/api/grade-scales", "{\"code\":\"X\",\"name\":\"x\","
                + "\"bands\":[{\"label\":\"A\",\"lowerBound\":-1,\"passing\":true}]}"), 403));
        c.add(new Case("number pattern without a counter", t -> json("POST", "/api/events", "{\"kind\":\"BIMTEK\",\"title\":\"T\",\"organiser\":\"B\","
                + "\"place\":\"S\",\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-02\",\"minAttendancePercent\":80,"
                + "\"certificate\":{\"numberPattern\":\"800/{yyyy}\"}}"), 400));
        c.add(new Case("trailing garbage after the JSON value", t -> json("POST", "/api/participants",
                person("fullName", "Budi Santoso") + "xyz"), 400));
        c.add(new Case("two JSON values", t -> json("POST", "/api/participants",
                person("fullName", "Budi Santoso") + person("fullName", "Budi Santoso")), 400));
        c.add(new Case("trailing garbage after a sign-in", t -> json("POST", "/login",
                "{\"username\":\"admin\",\"password\":\"test-admin-secret\"} xyz"), 400));
        c.add(new Case("a second account for one participant", t -> json("POST", "/api/users", "{\"username\":\"kedua\","
                + "\"password\":\"kedua-rahasia-1\",\"role\":\"PARTICIPANT\",\"participantId\":" + participantWithAccount + "}"), 409));
        String event = "{\"kind\":\"BIMTEK\",\"title\":\"T\",\"organiser\":\"B\",\"place\":\"S\",\"startDate\":\"2026-01-01\","
                + "\"endDate\":\"2026-01-02\",\"minAttendancePercent\":80,\"sessions\":[{\"date\":\"2026-01-01\",\"topic\":\"A\",\"jp\":2},";
        c.add(new Case("a key given twice", t -> json("POST", "/api/participants",
                "{\"fullName\":\"Budi Santoso\",\"category\":\"NON_ASN\",\"nik\":\"3528010101900001\",\"fullName\":\"Budi\"}"), 400));
        c.add(new Case("a key given twice inside a list", t -> json("POST", "/api/events",
                event + "{\"date\":\"2026-01-02\",\"topic\":\"B\",\"topic\":\"C\",\"jp\":2}]}"), 400));
        c.add(new Case("a key given twice in a sign-in", t -> json("POST", "/login",
                "{\"username\":\"admin\",\"password\":\"salah\",\"password\":\"test-admin-secret\"}"), 400));
        c.add(new Case("NUL in a second session's topic", t -> json("POST", "/api/events",
                event + "{\"date\":\"2026-01-02\",\"topic\":\"B\\u0000\",\"jp\":2}]}"), 400));
        c.add(new Case("right-to-left override in the signatory", t -> json("POST", "/api/events",
                event.substring(0, event.indexOf(",\"sessions\"")) + ",\"certificate\":{\"signatory\":{\"name\":\"Dr. \\u202EHadi\"}}}"), 400));
        c.add(new Case("unknown JSON field types", t -> json("POST", "/api/participants", "{\"fullName\":{\"nested\":true},\"category\":\"PNS\"}"), 400));
        return c.stream();
    }

    static byte[] zipBomb() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
                byte[] spaces = new byte[1024 * 1024];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 60; i++) {
                    zip.write(spaces);
                }
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedCleanlyAndWritesNothing(Case hostile) {
        long people = participants.count();
        long eventCount = events.count();
        long accounts = users.count();
        Api caller = hostile.request().apply(this).getPath().startsWith("/api/users") ? admin : operator;
        Api.Res r = caller.send(hostile.request().apply(this));
        assertThat(r.status()).as(hostile.name() + ": " + abbreviate(r.body())).isEqualTo(hostile.expected());
        if (r.status() >= 400 && !hostile.request().apply(this).getPath().startsWith("/api/verify/")) {
            assertThat(r.contentType()).as(hostile.name()).startsWith("application/problem+json");
            assertThat((String) r.get("detail")).as(hostile.name()).isNotBlank();
            assertThat(r.body()).as(hostile.name()).doesNotContain("Exception").doesNotContain("id.piagam.").doesNotContain("\tat ");
        }
        assertThat(participants.count()).as(hostile.name()).isEqualTo(people);
        assertThat(events.count()).as(hostile.name()).isEqualTo(eventCount);
        assertThat(users.count()).as(hostile.name()).isEqualTo(accounts);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}

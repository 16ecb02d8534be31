package id.piagam.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds an event with enrolled participants whose attendance and scores decide their outcome. */
public final class Scenario {

    public final long eventId;
    public final List<Long> sessionIds;
    public final List<Long> participants = new ArrayList<>();
    private final Api api;

    private Scenario(Api api, Api.Res event) {
        this.api = api;
        this.eventId = event.id();
        this.sessionIds = ((List<?>) event.get("sessions")).stream().map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();
    }

    public static Scenario of(Api api, Fixtures.EventBuilder event) {
        Api.Res r = api.post("/api/events", event.body());
        if (r.status() != 201) {
            throw new AssertionError(r.body());
        }
        return new Scenario(api, r);
    }

    /** Enrols a new person who attends every session; returns the participant id. */
    public long attending(int n, String name) {
        return attending(Fixtures.aPns(n, name));
    }

    /** Creates the person from a participant body, enrols them and has them attend every session; returns their id. */
    public long attending(Map<String, Object> person) {
        long id = enrol(person);
        for (long s : sessionIds) {
            api.put("/api/events/" + eventId + "/sessions/" + s + "/attendance", List.of(Map.of("participantId", id, "status", "HADIR")));
        }
        return id;
    }

    public long absent(int n, String name) {
        return enrol(n, name);
    }

    public Scenario scored(long participantId, Number sikap, Number ujian) {
        Api.Res r = api.put("/api/events/" + eventId + "/assessments/" + participantId, Map.of("scores", Map.of("Sikap", sikap, "Ujian", ujian)));
        if (r.status() != 200) {
            throw new AssertionError(r.body());
        }
        return this;
    }

    private long enrol(int n, String name) {
        return enrol(Fixtures.aPns(n, name));
    }

    private long enrol(Map<String, Object> person) {
        Api.Res p = api.post("/api/participants", person);
        if (p.status() != 201) {
            throw new AssertionError(p.body());
        }
        api.post("/api/events/" + eventId + "/enrolments", Map.of("participantId", p.id()));
        participants.add(p.id());
        return p.id();
    }

    public Api.Res issue(long participantId) {
        return api.post("/api/events/" + eventId + "/enrolments/" + participantId + "/certificate", Map.of());
    }
}

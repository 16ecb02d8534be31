package id.piagam.records;

import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's records keep the rows of their events by the event's version ({@link EventRows}), and the database raises
 * that version with every write to the event, its sessions or its components, whoever writes: a records page never
 * shows an event as it was before a change, even one made in SQL outside the service.
 */
@MicronautTest(transactional = false)
class EventRowsTest extends ApiTest {

    @Inject
    JdbcOperations jdbc;
    @Inject
    EventRows rows;

    @Test
    void everyWriteToAnEventItsSessionsOrItsComponentsRaisesItsVersion() {
        Scenario diklat = Scenario.of(operator, Fixtures.aDiklat().with("code", "VERSI-1"));
        long event = diklat.eventId;
        long session = diklat.sessionIds.get(0);
        long v = version(event);
        List<String> writes = List.of(
                "UPDATE event SET title = 'Pelatihan Versi' WHERE id = " + event,
                "UPDATE event_session SET jp = jp + 1 WHERE id = " + session,
                "INSERT INTO event_session (event_id, position, session_date, topic, jp) SELECT " + event
                        + ", 99, session_date, 'Sesi tambahan', 2 FROM event_session WHERE id = " + session,
                "DELETE FROM event_session WHERE event_id = " + event + " AND position = 99",
                "UPDATE assessment_component SET name = name || ' (revisi)' WHERE event_id = " + event,
                "INSERT INTO assessment_component (event_id, position, name, weight) VALUES (" + event + ", 9, 'Tugas', '0')",
                "DELETE FROM assessment_component WHERE event_id = " + event + " AND name = 'Tugas'");
        for (String write : writes) {
            sql(write);
            long now = version(event);
            assertThat(now).as(write).isGreaterThan(v);
            v = now;
        }
        sql("UPDATE event SET title = title WHERE id = " + event);
        assertThat(version(event)).as("an update that changes nothing still counts").isGreaterThan(v);
    }

    @Test
    void recordsShowTheEventAsItIsAfterAChangeMadeAnywhere() {
        Scenario diklat = Scenario.of(operator, Fixtures.aDiklat().with("code", "VERSI-2"));
        long person = diklat.attending(2811, "Vera Setiawati");
        Map<?, ?> first = training(person, diklat.eventId);
        long[] before = rows.hitsAndMisses();
        assertThat(training(person, diklat.eventId)).as("read again, unchanged").isEqualTo(first);
        long[] after = rows.hitsAndMisses();
        assertThat(after[0]).as("the second read found the event's rows kept").isEqualTo(before[0] + 1);
        assertThat(after[1]).isEqualTo(before[1]);

        // outside the service, as a database administrator would
        sql("UPDATE event SET title = 'Pelatihan Kepemimpinan Pengawas (revisi)' WHERE id = " + diklat.eventId);
        sql("UPDATE event_session SET jp = jp + 3 WHERE id = " + diklat.sessionIds.get(0));
        Map<?, ?> changed = training(person, diklat.eventId);
        assertThat(changed.get("title")).isEqualTo("Pelatihan Kepemimpinan Pengawas (revisi)");
        assertThat(((Number) changed.get("totalJp")).intValue()).isEqualTo(((Number) first.get("totalJp")).intValue() + 3);
    }

    private Map<?, ?> training(long person, long event) {
        List<?> events = (List<?>) operator.get("/api/participants/" + person + "/records").get("events");
        return events.stream().map(e -> (Map<?, ?>) e).filter(e -> ((Number) e.get("eventId")).longValue() == event).findFirst().orElseThrow();
    }

    private long version(long event) {
        return jdbc.execute(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT version FROM event WHERE id = ?")) {
                st.setLong(1, event);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private void sql(String statement) {
        jdbc.execute(c -> {
            try (PreparedStatement st = c.prepareStatement(statement)) {
                return st.executeUpdate();
            }
        });
    }
}

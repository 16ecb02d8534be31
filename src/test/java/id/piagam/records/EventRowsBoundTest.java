package id.piagam.records;

import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events' rows kept for the records stay within {@code piagam.records.event-rows} (by weight: an event one, each
 * session and component one more), the least recently used going first. Here room for one two-session Bimtek (3).
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.records.event-rows", value = "4")
class EventRowsBoundTest extends ApiTest {

    @Inject
    EventRows rows;

    @Test
    void theLeastRecentlyUsedEventGoesWhenTheNextDoesNotFit() {
        Scenario first = Scenario.of(operator, Fixtures.aBimtek().with("code", "BATAS-1"));
        long a = first.attending(2821, "Anisa Rahmawati");
        Scenario second = Scenario.of(operator, Fixtures.aBimtek().with("code", "BATAS-2"));
        long b = second.attending(2822, "Bagus Wicaksono");

        assertThat(found(a)).as("first read: read and kept").isFalse();
        assertThat(found(a)).as("kept").isTrue();
        assertThat(found(b)).as("the second event: read, and the first makes room").isFalse();
        assertThat(found(b)).isTrue();
        assertThat(found(a)).as("the first was let go").isFalse();
    }

    /** Whether a records request found its events' rows kept. */
    private boolean found(long person) {
        long hits = rows.hitsAndMisses()[0];
        assertThat(operator.get("/api/participants/" + person + "/records").status()).isEqualTo(200);
        return rows.hitsAndMisses()[0] == hits + 1;
    }
}

package id.piagam.records;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.StatementCounter;
import id.piagam.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person's records cost the database (issue #16 point 1): the same few statements whatever the number of
 * trainings, so on PostgreSQL each one is a prepared statement the connection reuses (an IN list whose length follows
 * the person gave a new statement text per length), and none reads a certificate's snapshot, which the records do not
 * show.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.test.count-statements", value = "true")
class RecordsStatementsTest extends ApiTest {

    /** The request's thread (the controller runs on the blocking pool). */
    private static final String REQUEST_THREADS = "io-executor-thread";

    @Inject
    StatementCounter counter;

    @Test
    void recordsOfOneAndOfThreeTrainingsSendTheSameStatementsAndNoSnapshot() {
        Scenario diklat = Scenario.of(operator, Fixtures.aDiklat().with("code", "REC-STMT-1"));
        long many = diklat.attending(950, "Peserta Banyak Pelatihan");
        long one = diklat.attending(951, "Peserta Satu Pelatihan");
        diklat.scored(many, 85, 80).scored(one, 85, 80);
        assertThat(diklat.issue(many).status()).isEqualTo(201);
        assertThat(diklat.issue(one).status()).isEqualTo(201);
        for (String code : List.of("REC-STMT-2", "REC-STMT-3")) {
            Scenario bimtek = Scenario.of(operator, Fixtures.aBimtek().with("code", code));
            assertThat(operator.post("/api/events/" + bimtek.eventId + "/enrolments", Map.of("participantId", many)).status()).isEqualTo(201);
        }

        List<String> ofThree = statementsOf(many, 3);

        // the participant, their certificates, enrolments, their events' versions, attendance and scores (on SQLite one
        // statement each, the scores for a Diklat only; on PostgreSQL the participant, then the five others in one round
        // trip), and the events, sessions and components while EventRows does not hold them, which it then does
        assertThat(ofThree).as("the first time: the events read").anySatisfy(sql -> assertThat(sql).contains("FROM event_session"))
                .anySatisfy(sql -> assertThat(sql).contains("FROM assessment_component"));
        ofThree = statementsOf(many, 3);
        if (TestDatabase.postgresql()) {
            assertThat(ofThree).as("the round trips of a person's records").hasSize(2);
            assertThat(ofThree.get(1).split(";")).as("the reads sent together").hasSize(5);
        } else {
            assertThat(ofThree).as("the statements of a person's records").hasSizeBetween(5, 6);
        }
        assertThat(ofThree).as("the events' rows kept").anySatisfy(sql -> assertThat(sql).contains("SELECT id, version FROM event"))
                .noneSatisfy(sql -> assertThat(sql).containsAnyOf("FROM event_session", "FROM assessment_component"));
        List<String> ofOne = statementsOf(one, 1);
        assertThat(ofThree).noneSatisfy(sql -> assertThat(sql.toLowerCase()).contains("snapshot"));
        assertThat(ofOne).as("the same statements for one training as for three").isEqualTo(ofThree);
    }

    private List<String> statementsOf(long participantId, int trainings) {
        int before = counter.executed(REQUEST_THREADS).size();
        Api.Res records = operator.get("/api/participants/" + participantId + "/records");
        assertThat(records.status()).isEqualTo(200);
        assertThat((List<?>) records.get("events")).hasSize(trainings);
        List<String> all = counter.executed(REQUEST_THREADS);
        // the caller's account check may read the account once (cached): only the records' own statements count
        return all.subList(before, all.size()).stream().filter(sql -> !sql.toLowerCase().contains("app_user")).toList();
    }
}

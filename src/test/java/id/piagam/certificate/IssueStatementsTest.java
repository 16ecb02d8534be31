package id.piagam.certificate;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.StatementCounter;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many statements the bulk job sends to the database per issued certificate (issue #16: on PostgreSQL each
 * is a round trip; 30 per certificate before the work on it). Counted under the pool on the job's threads, so a
 * repeated read that creeps back in fails here, whatever the machine's speed.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.test.count-statements", value = "true")
@Property(name = "piagam.issuing.batch-wait", value = "60s") // full batches whatever the machine's load: a count that does not depend on it
class IssueStatementsTest extends ApiTest {

    /**
     * Statements per issued certificate in a bulk job, everything included (its share of the job's own reads, and
     * the agency and photo reads of the threads that render ahead): 10.0 since a batch locks and reads its people again
     * in one statement instead of a no-op update and a read per person (#16), with the template's logo, signature and
     * colour profile kept once from the second time the service sees them (three statements per piece per service
     * start, 0.75 of the 10.0 here, nearly nothing in an issue of hundreds); 11.17 since the template's two font programs are
     * stored once like a background (#14, s11-font): three statements per shared piece per service start, not per
     * certificate (the first certificate looks it up and inserts it, the next looks it up and from then on it is known),
     * so 6 ÷ 12 = 0.5 here and nearly nothing in an issue of hundreds; 10.67 since the planner too reads the frozen photos
     * of its batch in one query for the threads that render ahead, not one per certificate (#14 point 1, s10-cert); 11.75 since the commit reads the letterhead and
     * the frozen photos once per batch instead of once per certificate (#14 point 1, s9-cpu); 13.42 (13.58 on PostgreSQL) since each chunk's numbers are reserved in
     * a short transaction of its own, 8 statements per chunk (#16 point 3: the counter held, who is issued, done or
     * held elsewhere, stale rows, free numbers, the counter advanced, the reservations; 0.5 per certificate with
     * chunks of 16, 0.67 with the 12 here, less the counter read the predictions needed); 12.83 since the planner reads the agency's
     * letterhead once per batch for the threads that render ahead (#14 point 1), 13.75 with the batches of 16
     * (the facts, the valid certificates and the progress read and counted once per batch), 18.8 when
     * each certificate was its own transaction (17.3 before the photo; 18.3 before the job stopped locking twice).
     */
    static final double MOST_STATEMENTS_PER_CERTIFICATE = 10.2;

    private static final int PEOPLE = 12;

    @Inject
    StatementCounter counter;
    @Inject
    CertificateRepository certificates;
    @Inject
    CertificateJobItemRepository items;

    @Test
    void aBulkIssueSendsAtMostAFewStatementsPerCertificateAndCommitsEachWithItsProgress() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "ROUNDTRIPS"));
        for (int i = 0; i < PEOPLE; i++) {
            s.scored(s.attending(700 + i, "Peserta Hitung " + Fixtures.letters(i)), 80, 80);
        }
        long before = statements();
        long commitsBefore = counter.commits("certificate-job");

        Api.Res done = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));

        assertThat(done.get("issued")).isEqualTo(PEOPLE);
        assertThat(certificates.findByEventIdOrderByNumber(s.eventId)).hasSize(PEOPLE);
        double perCertificate = (statements() - before) / (double) PEOPLE;
        assertThat(perCertificate).as("statements per issued certificate").isLessThanOrEqualTo(MOST_STATEMENTS_PER_CERTIFICATE);
        assertThat(counter.commits("certificate-job") - commitsBefore).as("several certificates per commit")
                .isLessThan(PEOPLE);
        long jobId = ((Number) done.get("id")).longValue();
        assertThat(items.findByJobIdOrderById(jobId)).as("each certificate committed with its progress line")
                .extracting(CertificateJobItem::certificateId)
                .containsExactlyInAnyOrderElementsOf(certificates.findByEventIdOrderByNumber(s.eventId).stream().map(Certificate::id).toList());
    }

    /** The job's threads and the threads that render its certificates ahead (reading the agency and the photo). */
    private long statements() {
        return counter.statements("certificate-job") + counter.statements("certificate-render");
    }
}

package id.piagam.certificate;

import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.StatementCounter;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claim first, then read (issue #16 point 3): a runner of a bulk job claims its next people by reserving their numbers
 * and only then reads the facts of the people it claimed, so two runners of one job never both read the facts of the
 * same people; a claimed person the rules refuse gives their number up before anything is rendered.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.issuing.join-running-jobs", value = "false") // each runner here is started by the test
@Property(name = "piagam.test.count-statements", value = "true")
class ClaimFirstTest extends ApiTest {

    /**
     * What a claim of people all held elsewhere sends: their reservations read, without holding the series' counter
     * that the other runner's claims wait on (4 when it held the counter and read who is issued and who is done).
     */
    private static final int CLAIM_STATEMENTS = 1;

    @Inject
    CertificateJobs certificateJobs;
    @Inject
    CertificateJobRepository jobs;
    @Inject
    CertificateJobItemRepository items;
    @Inject
    CertificateNumbers numbers;
    @Inject
    CertificateRepository certificates;
    @Inject
    EnrolmentRepository enrolments;
    @Inject
    EventService events;
    @Inject
    NewCertificates newCertificates;
    @Inject
    PreparedCertificates prepared;
    @Inject
    StatementCounter counter;

    private Scenario bimtek(String prefix) {
        return Scenario.of(operator, Fixtures.aBimtek().with("code", prefix).with("certificate", Map.of("issuePlace", "Surabaya",
                "numberPattern", prefix + "/{seq:3}/{yyyy}", "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi"))));
    }

    private List<Enrolment> people(Scenario s, int first, int count) {
        return IntStream.range(0, count).mapToObj(i -> s.attending(first + i, "Peserta " + Fixtures.letters(i)))
                .map(p -> enrolments.findByEventIdAndParticipantId(s.eventId, p).orElseThrow()).toList();
    }

    private CertificateJob runningJob(Scenario s, int total) {
        return jobs.save(new CertificateJob(null, s.eventId, CertificateJob.Status.RUNNING, total, 0, 0, 0, "operator",
                Instant.now(), Instant.now(), null));
    }

    /** Plans the chunk on a thread named as the job's own, so its statements are counted apart. */
    private PreparedCertificates.Chunk planOnJobThread(Event event, long jobId, List<Enrolment> chunk) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "certificate-job-claimfirst"));
        try {
            return CompletableFuture.supplyAsync(() -> prepared.plan(event, jobId, chunk, false), thread).get();
        } finally {
            thread.shutdown();
        }
    }

    @Test
    void aRunnerReadsNoFactsOfPeopleAnotherRunnerOfTheJobHolds() throws Exception {
        Scenario s = bimtek("CLFA");
        List<Enrolment> chunk = people(s, 4401, 16);
        CertificateJob job = runningJob(s, 16);
        Event event = events.get(s.eventId);
        List<CertificateNumbers.Wanted> wanted = new ArrayList<>();
        for (Enrolment en : chunk) {
            wanted.add(new CertificateNumbers.Wanted(en, numbers.series(event, newCertificates.issuedOn(event), CertificateKind.ATTENDANCE)));
        }
        assertThat(numbers.claim(job.id(), wanted, false).values()).hasSize(16); // the other runner holds them all
        long before = counter.statements("certificate-job");

        PreparedCertificates.Chunk planned = planOnJobThread(event, job.id(), chunk);

        assertThat(planned.heldElsewhere()).containsExactlyElementsOf(chunk);
        assertThat(planned.planned()).isEmpty();
        assertThat(counter.statements("certificate-job") - before)
                .as("only the reservations read: no counter held, no attendance, session, score or certificate read for people held elsewhere")
                .isLessThanOrEqualTo(CLAIM_STATEMENTS);
        jobs.finish(job.id(), CertificateJob.Status.DONE, Instant.now());
    }

    @Test
    void aClaimedPersonTheRulesRefuseGivesUpTheirNumberBeforeRenderingAndTheJobLeavesNoGap() throws Exception {
        Scenario s = bimtek("CLFB");
        List<Enrolment> chunk = people(s, 4431, 3);
        for (long session : s.sessionIds) {
            operator.put("/api/events/" + s.eventId + "/sessions/" + session + "/attendance",
                    List.of(Map.of("participantId", chunk.get(0).participantId(), "status", "ALPA")));
        }
        CertificateJob job = runningJob(s, 3);

        PreparedCertificates.Chunk planned = planOnJobThread(events.get(s.eventId), job.id(), chunk);

        assertThat(planned.planned()).extracting(PreparedCertificates.Planned::alone).containsExactly(true, false, false);
        assertThat(numbers.reservedBy(job.id())).as("the refused person's number is given up at once").isEqualTo(2);
        planned.planned().forEach(p -> {
            if (p.prepared() != null) {
                p.prepared().cancel(false);
            }
        });

        certificateJobs.run(job.id());

        CertificateJob done = jobs.findById(job.id()).orElseThrow();
        assertThat(done.issued()).isEqualTo(2);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(certificates.findByEventIdOrderByNumber(s.eventId)).extracting(Certificate::number)
                .allMatch(n -> n.startsWith("CLFB/"))
                .extracting(n -> Integer.parseInt(n.split("/")[1])).containsExactlyInAnyOrder(1, 2);
        assertThat(numbers.reservedBy(job.id())).isZero();
    }
}

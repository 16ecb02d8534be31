package id.piagam.certificate;

import id.piagam.priority.InteractiveFirst;
import id.piagam.priority.InteractiveFirstPolicy;
import id.piagam.priority.InteractiveRequests;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interactive work first (#14 point 3): while people's requests keep arriving the bulk job renders on one thread and
 * still issues everyone, gapless; when nobody asks, every render thread is admitted.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.issuing.render-threads", value = "2")
class InteractiveFirstIssueTest extends ApiTest {

    private static final int PEOPLE = 24;

    @Inject
    InteractiveFirst gate;
    @Inject
    InteractiveRequests requests;
    @Inject
    CertificateJobs jobs;
    @Inject
    CertificateRepository certificates;

    private Scenario bimtek(String code, int firstNip) {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("code", code));
        for (int i = 0; i < PEOPLE; i++) {
            s.attending(firstNip + i, "Peserta Antrian " + (char) ('A' + i));
        }
        return s;
    }

    private void assertAllIssuedGapless(Scenario s, Api.Res done) {
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(done.get("issued")).isEqualTo(PEOPLE);
        assertThat(done.get("failed")).isEqualTo(0);
        List<Certificate> issued = certificates.findByEventIdOrderByNumber(s.eventId);
        assertThat(issued).extracting(Certificate::participantId).containsExactlyInAnyOrderElementsOf(s.participants);
        List<Integer> seqs = issued.stream().map(c -> Integer.parseInt(c.number().split("/")[1])).sorted().toList();
        assertThat(seqs.get(PEOPLE - 1) - seqs.get(0)).as("consecutive numbers").isEqualTo(PEOPLE - 1);
    }

    @Test
    void aBulkJobIssuesEveryoneGaplessWhileRequestsKeepArriving() throws Exception {
        Scenario s = bimtek("ANTRI-SIBUK", 1401);
        InteractiveFirst.Counts before = gate.counts();
        long countedBefore = requests.counted();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            loops.add(clients.submit(() -> {
                while (running.get()) {
                    assertThat(operator.get("/api/participants/" + s.participants.get(0) + "/records").status()).isEqualTo(200);
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            await().until(() -> answered.get() >= 2);
            Api.Res done = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
            assertAllIssuedGapless(s, done);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            clients.shutdown();
        }

        InteractiveFirst.Counts after = gate.counts();
        assertThat(after.alongsideRequests() - before.alongsideRequests()).as("renderings admitted alongside requests").isPositive();
        assertThat(after.peakAlongsideRequests()).as("one renderer at a time alongside requests").isEqualTo(1);
        assertThat(requests.counted() - countedBefore).as("the records requests were counted, the job's polling not only")
                .isGreaterThanOrEqualTo(answered.get());
    }

    @Test
    void whenNobodyAsksEveryRendererIsAdmittedAndTheJobsOwnPollingDoesNotCount() {
        Scenario s = bimtek("ANTRI-SEPI", 1501);
        await("the last request has gone quiet").until(() -> gate.allowed() == InteractiveFirstPolicy.ALL);
        InteractiveFirst.Counts before = gate.counts();
        long countedBefore = requests.counted();

        CertificateJob job = jobs.start(s.eventId, "operator"); // started without a request: nobody is asking
        Api.Res done = await().until(() -> operator.get("/api/jobs/" + job.id()), j -> !"RUNNING".equals(j.get("status")));

        assertAllIssuedGapless(s, done);
        InteractiveFirst.Counts after = gate.counts();
        assertThat(after.idle() - before.idle()).as("every certificate's rendering admitted with all renderers allowed").isEqualTo(PEOPLE);
        assertThat(after.alongsideRequests() - before.alongsideRequests()).isZero();
        assertThat(requests.counted()).as("the job's progress polls are not people waiting").isEqualTo(countedBefore);
    }
}

package id.piagam.certificate;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Concurrent issuing yields unique numbers with no gaps, and never two certificates for one enrolment. */
@MicronautTest(transactional = false)
class NumberingConcurrencyTest extends ApiTest {

    @Inject
    CertificateService service;
    @Inject
    CertificateRepository certificates;

    private Scenario eventWith(String pattern, int people, int offset) {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().withSessions(2).with("certificate", Map.of("numberPattern", pattern,
                "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi"))));
        for (int i = 0; i < people; i++) {
            s.attending(offset + i, Fixtures.name(offset + i));
        }
        return s;
    }

    private static List<Integer> sequence(List<Certificate> issued, String prefix) {
        return issued.stream().map(Certificate::number).filter(n -> n.startsWith(prefix))
                .map(n -> Integer.parseInt(n.substring(prefix.length(), prefix.length() + 4))).sorted().toList();
    }

    @Test
    void manyThreadsIssuingAtOnceGetConsecutiveUniqueNumbers() throws Exception {
        // two events share one pattern, so their counter is shared too
        Scenario a = eventWith("PARALEL/{seq:4}/{yyyy}", 24, 1000);
        Scenario b = eventWith("PARALEL/{seq:4}/{yyyy}", 24, 2000);
        List<Callable<Certificate>> calls = new ArrayList<>();
        for (Scenario s : List.of(a, b)) {
            for (long p : s.participants) {
                calls.add(() -> service.issue(s.eventId, p, null, "uji").certificate());
                calls.add(() -> service.issue(s.eventId, p, null, "uji").certificate()); // the same person twice, concurrently
            }
        }
        java.util.Collections.shuffle(calls, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Certificate>> futures = pool.invokeAll(calls);
        pool.shutdown();
        for (Future<Certificate> f : futures) {
            f.get();
        }
        List<Certificate> issued = new ArrayList<>(certificates.findByEventIdOrderByNumber(a.eventId));
        issued.addAll(certificates.findByEventIdOrderByNumber(b.eventId));
        assertThat(issued).hasSize(48);
        assertThat(issued.stream().map(Certificate::enrolmentId).distinct()).hasSize(48);
        assertThat(sequence(issued, "PARALEL/")).containsExactlyElementsOf(IntStream.rangeClosed(1, 48).boxed().toList());
    }

    @Test
    void twoBulkJobsAtOnceIssueEachCertificateOnce() throws Exception {
        Scenario s = eventWith("GANDA/{seq:4}/{yyyy}", 30, 3000);
        Api.Res first = operator.post("/api/events/" + s.eventId + "/certificates", Map.of());
        Api.Res second = operator.post("/api/events/" + s.eventId + "/certificates", Map.of());
        Api.Res j1 = waitFor(first.id());
        Api.Res j2 = waitFor(second.id());
        assertThat(j1.get("status")).isEqualTo("DONE");
        assertThat(j2.get("status")).isEqualTo("DONE");
        assertThat((Integer) j1.get("issued") + (Integer) j2.get("issued")).isEqualTo(30);
        assertThat((Integer) j1.get("failed") + (Integer) j2.get("failed")).isZero();
        List<Certificate> issued = certificates.findByEventIdOrderByNumber(s.eventId);
        assertThat(issued).hasSize(30);
        assertThat(sequence(issued, "GANDA/")).containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
    }

    private Api.Res waitFor(long jobId) {
        return await("job " + jobId + " finishes").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> operator.get("/api/jobs/" + jobId), job -> !"RUNNING".equals(job.get("status")));
    }
}

package id.piagam.certificate;

import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C during a bulk job: the job stops between certificates and stays RUNNING, so the next start resumes it. */
@MicronautTest(transactional = false)
class JobStopTest extends ApiTest {

    @Inject
    CertificateJobs certificateJobs;
    @Inject
    CertificateJobRepository jobs;
    @Inject
    CertificateJobItemRepository items;

    @Test
    void aJobRunWhileTheServiceStopsIssuesNothingMoreAndStaysRunning() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "STOPPING"));
        s.scored(s.attending(71, "Peserta Satu"), 80, 80);
        s.scored(s.attending(72, "Peserta Dua"), 80, 80);
        CertificateJob job = jobs.save(new CertificateJob(null, s.eventId, CertificateJob.Status.RUNNING, 2, 0, 0, 0, "admin",
                Instant.now(), Instant.now(), null));

        certificateJobs.stop();
        certificateJobs.run(job.id());

        CertificateJob after = jobs.findById(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CertificateJob.Status.RUNNING);
        assertThat(after.finishedAt()).isNull();
        assertThat(items.findByJobIdOrderById(job.id())).isEmpty();
        assertThat(operator.get("/api/events/" + s.eventId + "/certificates").list()).isEmpty();
    }
}

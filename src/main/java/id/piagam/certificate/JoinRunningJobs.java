package id.piagam.certificate;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * With several instances on one database, one POST of a bulk issue is shared by all of them: every few seconds
 * ({@code piagam.issuing.join-every}) each instance looks for a running job with people nobody has claimed yet
 * and runs it too ({@link CertificateJobs#joinRunning}). Off with {@code piagam.issuing.join-running-jobs: false}.
 */
@Singleton
@Requires(property = "piagam.issuing.join-running-jobs", value = "true", defaultValue = "true")
class JoinRunningJobs {

    private final CertificateJobs jobs;

    JoinRunningJobs(CertificateJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${piagam.issuing.join-every:3s}", initialDelay = "${piagam.issuing.join-every:3s}")
    void join() {
        jobs.joinRunning();
    }
}

package id.piagam.certificate;

import java.util.Optional;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.persistence.StorageFault;
import id.piagam.programme.EventService;
import id.piagam.rules.Reason;
import id.piagam.rules.DomainRefusal;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Issues certificates for every enrolment of an event in the background. Each certificate is its own
 * transaction together with its progress line, so the counts read while the job runs are exact, and
 * after a crash a job left RUNNING resumes at start-up with exactly the enrolments it has not done.
 */
@Singleton
public class CertificateJobs implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateJobs.class);

    private final CertificateJobRepository jobs;
    private final CertificateJobItemRepository items;
    private final EnrolmentRepository enrolments;
    private final EventService events;
    private final CertificateService certificates;
    private final TransactionOperations<Connection> tx;
    private final StoredReasons reasons;
    private final Clock clock;
    private static final Duration ORPHANED_AFTER = Duration.ofMinutes(1);
    /** How long a stop waits for the certificate in hand before interrupting it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final Map<Long, Instant> waitingForDatabase = new ConcurrentHashMap<>();
    /** The event of each job this instance runs, known while the database may be out of reach. */
    private final Map<Long, Long> eventOfJob = new ConcurrentHashMap<>();

    private final AtomicInteger threads = new AtomicInteger();
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "certificate-job-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    CertificateJobs(CertificateJobRepository jobs, CertificateJobItemRepository items, EnrolmentRepository enrolments,
                    EventService events, CertificateService certificates, TransactionOperations<Connection> tx, StoredReasons reasons,
                    Clock clock) {
        this.jobs = jobs;
        this.items = items;
        this.enrolments = enrolments;
        this.events = events;
        this.certificates = certificates;
        this.tx = tx;
        this.reasons = reasons;
        this.clock = clock;
    }

    /** Starts issuing for all enrolments of the event; answers at once with the job. */
    public CertificateJob start(long eventId, String actor) {
        events.get(eventId);
        int total = (int) enrolments.countByEventId(eventId);
        CertificateJob job = jobs.save(new CertificateJob(null, eventId, CertificateJob.Status.RUNNING, total, 0, 0, 0, actor,
                clock.instant(), clock.instant(), null));
        submit(job.id());
        return job;
    }

    public CertificateJob get(long id) {
        return jobs.findById(id).orElseThrow(() -> DomainRefusal.notFound("entity.job", id));
    }

    public List<CertificateJobItem> items(long id) {
        return items.findByJobIdOrderById(id);
    }

    /** Why an item was skipped or failed, as stored: a code with arguments, or empty for an older item's text. */
    public Optional<Reason> reason(CertificateJobItem item) {
        return item.reasonCode() == null ? Optional.empty()
                : Optional.of(reasons.decode(item.reasonCode(), item.reasonArgs() == null ? "[]" : item.reasonArgs()));
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (CertificateJob job : jobs.findByStatus(CertificateJob.Status.RUNNING)) {
            LOG.info("Resuming certificate job {} for event {}", job.id(), job.eventId());
            submit(job.id());
        }
    }

    /**
     * With several instances, a job whose instance died is adopted by another one: a running job
     * touches {@code updated_at} with every certificate, so one untouched for a minute has no runner.
     * Running a job twice is harmless (each participant is handled once per job), only wasteful.
     */
    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    void adoptOrphans() {
        Instant stale = clock.instant().minus(ORPHANED_AFTER);
        for (CertificateJob job : jobs.findByStatus(CertificateJob.Status.RUNNING)) {
            if (job.updatedAt().isBefore(stale) && !runningHere.contains(job.id())) {
                LOG.info("Adopting certificate job {} for event {}: no progress since {}", job.id(), job.eventId(), job.updatedAt());
                submit(job.id());
            }
        }
    }

    private void submit(long jobId) {
        if (runningHere.add(jobId)) {
            executor.submit(() -> {
                try {
                    run(jobId);
                } finally {
                    runningHere.remove(jobId);
                }
            });
        }
    }

    /** The jobs this instance runs that wait for the database now, oldest wait first. */
    public List<WaitingJob> waitingForDatabase() {
        return waitingForDatabase.entrySet().stream()
                .map(e -> new WaitingJob(e.getKey(), Optional.ofNullable(eventOfJob.get(e.getKey())), e.getValue()))
                .sorted(Comparator.comparing(WaitingJob::since))
                .toList();
    }

    /** A bulk issue waiting for the database since a moment; its event once the job was read. */
    public record WaitingJob(long jobId, Optional<Long> eventId, Instant since) {
    }

    void run(long jobId) {
        CertificateJob job = whileDatabaseUnavailable(jobId, () -> get(jobId));
        eventOfJob.put(jobId, job.eventId());
        try {
            Set<Long> done = new HashSet<>(whileDatabaseUnavailable(jobId, () -> items.findParticipantIdsByJobId(jobId)));
            for (Enrolment en : whileDatabaseUnavailable(jobId, () -> enrolments.findByEventIdOrderByPrintedName(job.eventId()))) {
                if (stopping || Thread.currentThread().isInterrupted()) {
                    // the service is stopping: the job stays RUNNING and the next start resumes it
                    LOG.info("Certificate job {} stops with the service; the next start resumes it", jobId);
                    return;
                }
                if (!done.contains(en.participantId())) {
                    whileDatabaseUnavailable(jobId, () -> {
                        issueOne(job, en);
                        return null;
                    });
                }
            }
            if (!Thread.currentThread().isInterrupted()) {
                whileDatabaseUnavailable(jobId, () -> {
                    jobs.finish(jobId, CertificateJob.Status.DONE, clock.instant());
                    return null;
                });
            }
        } catch (DatabaseWaitInterrupted e) {
            LOG.info("Certificate job {} stopped while waiting for the database; it resumes at the next start", jobId);
        } catch (RuntimeException e) {
            LOG.error("Certificate job {} stopped", jobId, e);
            jobs.finish(jobId, CertificateJob.Status.FAILED, clock.instant());
        } finally {
            waitingForDatabase.remove(jobId);
            eventOfJob.remove(jobId);
        }
    }

    /**
     * Runs one step of a job again and again while the database cannot be reached (PostgreSQL restarting, a
     * connection lost): the step is a whole transaction, so a failed one left nothing behind, and one whose commit
     * reached the database before the connection broke is recognised by its progress line. The job neither fails
     * nor records the person as failed; it waits, with growing pauses, and says so ({@link #waitingForDatabase}).
     */
    private <T> T whileDatabaseUnavailable(long jobId, Supplier<T> step) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                T result = step.get();
                Instant since = waitingForDatabase.remove(jobId);
                if (since != null) {
                    LOG.info("Certificate job {} goes on: the database is back after {} s", jobId,
                            Duration.between(since, clock.instant()).toSeconds());
                }
                return result;
            } catch (RuntimeException e) {
                if (StorageFault.of(e).filter(f -> f == StorageFault.UNAVAILABLE).isEmpty()) {
                    throw e;
                }
                if (waitingForDatabase.putIfAbsent(jobId, clock.instant()) == null) {
                    LOG.warn("Certificate job {} waits for the database: {}", jobId, e.toString());
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new DatabaseWaitInterrupted();
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** The instance is stopping while a job waits for the database; the job stays RUNNING and resumes later. */
    private static final class DatabaseWaitInterrupted extends RuntimeException {
        DatabaseWaitInterrupted() {
            super(null, null, false, false);
        }
    }

    private void issueOne(CertificateJob job, Enrolment en) {
        try {
            tx.executeWrite(status -> {
                // another runner of this job (another instance resuming it) may have handled this person
                enrolments.lock(en.id());
                if (items.existsByJobIdAndParticipantId(job.id(), en.participantId())) {
                    return null;
                }
                Enrolment current = enrolments.findById(en.id())
                        .orElseThrow(() -> DomainRefusal.notFound("entity.enrolment", en.participantId()));
                CertificateService.Issued issued = certificates.issueLocked(events.get(job.eventId()), current, null, job.requestedBy());
                if (issued.created()) {
                    items.save(new CertificateJobItem(null, job.id(), en.participantId(), CertificateJobItem.Outcome.ISSUED, null,
                            issued.certificate().id(), null, null));
                    jobs.count(job.id(), 1, 0, 0, clock.instant());
                } else {
                    Reason already = Reason.of("job.alreadyIssued", issued.certificate().number());
                    items.save(new CertificateJobItem(null, job.id(), en.participantId(), CertificateJobItem.Outcome.SKIPPED, null,
                            issued.certificate().id(), already.code(), reasons.encode(already.args())));
                    jobs.count(job.id(), 0, 1, 0, clock.instant());
                }
                return null;
            });
        } catch (DomainRefusal e) {
            boolean skipped = e.kind() == DomainRefusal.Kind.REFUSED && (e.type().equals("not-eligible") || e.type().equals("competency-requires-diklat")
                    || e.type().equals("event-not-ended") || e.type().equals("issue-date-not-reached"));
            record(job, en, skipped ? CertificateJobItem.Outcome.SKIPPED : CertificateJobItem.Outcome.FAILED,
                    e.reason());
        } catch (RuntimeException e) {
            if (StorageFault.of(e).filter(f -> f == StorageFault.UNAVAILABLE).isPresent()) {
                throw e; // not this person's failure: the runner waits for the database and tries them again
            }
            LOG.error("Certificate job {}: participant {} failed", job.id(), en.participantId(), e);
            record(job, en, CertificateJobItem.Outcome.FAILED, Reason.of("job.systemError"));
        }
    }

    private void record(CertificateJob job, Enrolment en, CertificateJobItem.Outcome outcome, Reason reason) {
        tx.executeWrite(status -> {
            enrolments.lock(en.id());
            if (items.existsByJobIdAndParticipantId(job.id(), en.participantId())) {
                return null;
            }
            items.save(new CertificateJobItem(null, job.id(), en.participantId(), outcome, null, null, reason.code(),
                    reasons.encode(reason.args())));
            jobs.count(job.id(), 0, outcome == CertificateJobItem.Outcome.SKIPPED ? 1 : 0,
                    outcome == CertificateJobItem.Outcome.FAILED ? 1 : 0, clock.instant());
            return null;
        });
    }

    /**
     * The service is stopping (Ctrl-C, SIGTERM): a running job finishes the certificate in hand (its
     * transaction commits before the pool closes) and stops there, still RUNNING, so that the next
     * start resumes it; a job still queued does not start.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Certificate jobs did not stop within {}; interrupting them", STOP_WAIT);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

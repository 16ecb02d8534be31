package id.piagam.certificate;

import id.piagam.DaemonThreads;
import java.util.Optional;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.persistence.StorageFault;
import id.piagam.programme.EventService;
import id.piagam.rules.Reason;
import id.piagam.rules.DomainRefusal;
import id.piagam.programme.Event;
import io.micronaut.context.annotation.Value;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
    private final PreparedCertificates prepared;
    private final CertificateNumbers numbers;
    /** At most this many certificates per transaction (and twice as many planned ahead: the PDFs wait in memory). */
    private final int batchSize;
    /** How long a batch waits for the next certificate's rendering before it commits what it has. */
    private final Duration batchWait;
    private static final Duration ORPHANED_AFTER = Duration.ofMinutes(1);
    /** How long a stop waits for the certificate in hand before interrupting it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final Map<Long, Instant> waitingForDatabase = new ConcurrentHashMap<>();
    /** The event of each job this instance runs, known while the database may be out of reach. */
    private final Map<Long, Long> eventOfJob = new ConcurrentHashMap<>();

    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, DaemonThreads.named("certificate-job"));

    CertificateJobs(CertificateJobRepository jobs, CertificateJobItemRepository items, EnrolmentRepository enrolments,
                    EventService events, CertificateService certificates, TransactionOperations<Connection> tx, StoredReasons reasons,
                    Clock clock, PreparedCertificates prepared, CertificateNumbers numbers, @Value("${piagam.issuing.batch-size:16}") int batchSize,
                    @Value("${piagam.issuing.batch-wait:50ms}") Duration batchWait) {
        this.jobs = jobs;
        this.items = items;
        this.enrolments = enrolments;
        this.events = events;
        this.certificates = certificates;
        this.tx = tx;
        this.reasons = reasons;
        this.clock = clock;
        this.prepared = prepared;
        this.numbers = numbers;
        this.batchSize = Math.max(1, batchSize);
        this.batchWait = batchWait;
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

    /**
     * Several instances share a large job (issue #16 point 3): a running job that another instance runs and that still
     * has people nobody has claimed gets a runner here too ({@link JoinRunningJobs}); the runners claim disjoint chunks.
     * Answers the jobs joined.
     */
    List<Long> joinRunning() {
        List<Long> joined = new ArrayList<>();
        if (stopping) {
            return joined;
        }
        for (CertificateJob job : jobs.findByStatus(CertificateJob.Status.RUNNING)) {
            if (!runningHere.contains(job.id())
                    && job.issued() + job.skipped() + job.failed() + numbers.reservedBy(job.id()) < job.total()) {
                LOG.info("Joining certificate job {} for event {}: people still unclaimed", job.id(), job.eventId());
                submit(job.id());
                joined.add(job.id());
            }
        }
        return joined;
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

    /**
     * Runs a job as a pipeline: the enrolments not done yet are planned a few batches ahead and their certificates
     * rendered on the render pool ({@link PreparedCertificates}) while this thread commits the ones before, in
     * order, several per transaction, each with its progress line ({@link #commit}). Several runners (instances) may
     * run one job: each claims the people it plans by reserving their numbers, so they split the work; each then goes
     * over those another claim held, so that when any runner ends, every person has their line. Answers how many
     * certificates this runner issued.
     */
    int run(long jobId) {
        CertificateJob job = whileDatabaseUnavailable(jobId, () -> get(jobId));
        eventOfJob.put(jobId, job.eventId());
        Deque<PreparedCertificates.Planned> ahead = new ArrayDeque<>();
        int issuedHere = 0;
        try {
            Set<Long> done = new HashSet<>(whileDatabaseUnavailable(jobId, () -> items.findParticipantIdsByJobId(jobId)));
            List<Enrolment> todo = whileDatabaseUnavailable(jobId, () -> enrolments.findByEventIdOrderByPrintedName(job.eventId()))
                    .stream().filter(en -> !done.contains(en.participantId())).toList();
            Event event = whileDatabaseUnavailable(jobId, () -> events.get(job.eventId()));
            // first the people nobody holds yet, in chunks claimed by reserving their numbers; then those another
            // claim held (another runner of this job, another job, or this job before a crash), through the same commit
            List<Enrolment> list = todo;
            List<Enrolment> heldElsewhere = new ArrayList<>();
            boolean lastPass = false;
            int planned = 0;
            while (true) {
                if (stopping || Thread.currentThread().isInterrupted()) {
                    // the service is stopping: the job stays RUNNING and the next start resumes it
                    LOG.info("Certificate job {} stops with the service; the next start resumes it", jobId);
                    return issuedHere;
                }
                while (ahead.size() < 2 * batchSize) {
                    if (planned < list.size()) {
                        List<Enrolment> next = list.subList(planned, Math.min(planned + batchSize, list.size()));
                        boolean takeOthers = lastPass;
                        PreparedCertificates.Chunk chunk = whileDatabaseUnavailable(jobId, () -> prepared.plan(event, jobId, next, takeOthers));
                        ahead.addAll(chunk.planned());
                        heldElsewhere.addAll(chunk.heldElsewhere());
                        planned += next.size();
                    } else if (!lastPass && !heldElsewhere.isEmpty()) {
                        list = List.copyOf(heldElsewhere);
                        planned = 0;
                        lastPass = true;
                    } else {
                        break;
                    }
                }
                if (ahead.isEmpty()) {
                    break;
                }
                List<PreparedCertificates.Planned> batch = nextBatch(ahead);
                issuedHere += whileDatabaseUnavailable(jobId, () -> commit(job, batch));
            }
            if (!Thread.currentThread().isInterrupted()) {
                finish(jobId, CertificateJob.Status.DONE);
            }
        } catch (DatabaseWaitInterrupted | JobInterrupted e) {
            LOG.info("Certificate job {} stopped while waiting; it resumes at the next start", jobId);
        } catch (RuntimeException e) {
            LOG.error("Certificate job {} stopped", jobId, e);
            finish(jobId, CertificateJob.Status.FAILED);
        } finally {
            ahead.forEach(p -> {
                if (p.prepared() != null) {
                    p.prepared().cancel(false);
                }
            });
            waitingForDatabase.remove(jobId);
            eventOfJob.remove(jobId);
        }
        return issuedHere;
    }

    /**
     * The next certificates to commit together, in order: the first one (waiting for its rendering), then those
     * behind it that are ready or become ready within {@code piagam.issuing.batch-wait}, up to
     * {@code piagam.issuing.batch-size}. One the rules refuse now goes alone (its own transaction records why).
     */
    private List<PreparedCertificates.Planned> nextBatch(Deque<PreparedCertificates.Planned> ahead) {
        List<PreparedCertificates.Planned> batch = new ArrayList<>();
        batch.add(ahead.poll());
        long deadline = System.nanoTime() + batchWait.toNanos();
        try {
            batch.get(0).await();
            while (!batch.get(0).alone() && batch.size() < batchSize && !ahead.isEmpty() && !ahead.peek().alone()) {
                PreparedCertificates.Planned next = ahead.peek();
                long left = deadline - System.nanoTime();
                if (!next.ready() && left > 0) {
                    try {
                        next.prepared().get(left, TimeUnit.NANOSECONDS);
                    } catch (TimeoutException | ExecutionException | CancellationException e) {
                        // not ready in time (or failed: its transaction renders it)
                    }
                }
                if (!next.ready()) {
                    break;
                }
                batch.add(ahead.poll());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobInterrupted();
        }
        return batch;
    }

    /**
     * Commits a batch in one transaction: the enrolments locked and read again in one statement (in id order, so two
     * runners never wait on each other in a circle), then for each person exactly what a single issue does — "done in
     * this job?", the facts read again, the rules asked again, the number taken — with the prepared PDF stored when it
     * is still right, and the person's progress line; the job's counts once for the batch. If any of them fails,
     * nothing of the batch is kept and each is done again in a transaction of its own ({@link #issueOne}), so the
     * failing one is recorded and the others issue.
     */
    private int commit(CertificateJob job, List<PreparedCertificates.Planned> batch) {
        if (batch.size() == 1 && batch.get(0).alone()) {
            return issueOne(job, batch.get(0).enrolment(), null);
        }
        List<NewCertificates.Prepared> ready = new ArrayList<>();
        try {
            for (PreparedCertificates.Planned p : batch) {
                ready.add(p.await());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobInterrupted();
        }
        try {
            return tx.executeWrite(status -> {
                Map<Long, Enrolment> locked = enrolments.lockAll(batch.stream().map(p -> p.enrolment().id()).sorted().toList())
                        .stream().collect(Collectors.toMap(Enrolment::id, en -> en));
                // another runner of this job (another instance resuming it) may have handled some of them
                Set<Long> handled = items.findByJobIdAndParticipantIdIn(job.id(),
                                batch.stream().map(p -> p.enrolment().participantId()).toList()).stream()
                        .map(CertificateJobItem::participantId).collect(Collectors.toSet());
                List<Enrolment> todo = new ArrayList<>();
                List<NewCertificates.Prepared> theirs = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Enrolment en = batch.get(i).enrolment();
                    if (!handled.contains(en.participantId())) {
                        todo.add(Optional.ofNullable(locked.get(en.id()))
                                .orElseThrow(() -> DomainRefusal.notFound("entity.enrolment", en.participantId())));
                        theirs.add(ready.get(i));
                    } else if (ready.get(i) != null) {
                        numbers.free(en.id(), job.id()); // done by another runner meanwhile: the number we held is free
                    }
                }
                if (todo.isEmpty()) {
                    return 0;
                }
                List<CertificateService.Issued> results = certificates.issueAllLocked(events.get(job.eventId()), todo, job.requestedBy(), theirs,
                        en -> numbers.free(en.id(), job.id())); // issued elsewhere meanwhile: a number held for them goes to the others
                int issued = 0;
                for (int i = 0; i < todo.size(); i++) {
                    CertificateService.Issued result = results.get(i);
                    issued += saveItem(job, todo.get(i), result) ? 1 : 0;
                }
                jobs.count(job.id(), issued, todo.size() - issued, 0, clock.instant());
                return issued;
            });
        } catch (RuntimeException e) {
            if (StorageFault.of(e).filter(f -> f == StorageFault.UNAVAILABLE).isPresent()) {
                throw e; // the runner waits for the database and commits the whole batch again
            }
            LOG.warn("Certificate job {}: a batch of {} failed ({}); each again in its own transaction", job.id(), batch.size(), e.toString());
            int issued = 0;
            for (int i = 0; i < batch.size(); i++) {
                Enrolment en = batch.get(i).enrolment();
                NewCertificates.Prepared p = ready.get(i);
                issued += whileDatabaseUnavailable(job.id(), () -> issueOne(job, en, p));
            }
            return issued;
        }
    }

    /** Ends the job, and gives back the numbers it still holds (free ones at the top of a series return to its counter). */
    private void finish(long jobId, CertificateJob.Status status) {
        whileDatabaseUnavailable(jobId, () -> tx.executeWrite(write -> {
            jobs.finish(jobId, status, clock.instant());
            numbers.release(jobId);
            return null;
        }));
    }

    /** Saves the progress line of an issue call; true when it issued, false when the person already had one. */
    private boolean saveItem(CertificateJob job, Enrolment en, CertificateService.Issued issued) {
        if (issued.created()) {
            items.save(new CertificateJobItem(null, job.id(), en.participantId(), CertificateJobItem.Outcome.ISSUED, null,
                    issued.certificate().id(), null, null));
            return true;
        }
        Reason already = Reason.of("job.alreadyIssued", issued.certificate().number());
        items.save(new CertificateJobItem(null, job.id(), en.participantId(), CertificateJobItem.Outcome.SKIPPED, null,
                issued.certificate().id(), already.code(), reasons.encode(already.args())));
        return false;
    }

    /** The service is stopping while the job waits for a certificate being rendered; it resumes at the next start. */
    private static final class JobInterrupted extends RuntimeException {
        JobInterrupted() {
            super(null, null, false, false);
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

    /** Issues to one person of the job in a transaction of its own; 1 when this call issued their certificate. */
    private int issueOne(CertificateJob job, Enrolment en, NewCertificates.Prepared prepared) {
        try {
            return tx.executeWrite(status -> {
                // another runner of this job (another instance resuming it) may have handled this person
                enrolments.lock(en.id());
                if (items.existsByJobIdAndParticipantId(job.id(), en.participantId())) {
                    return 0;
                }
                Enrolment current = enrolments.findById(en.id())
                        .orElseThrow(() -> DomainRefusal.notFound("entity.enrolment", en.participantId()));
                CertificateService.Issued issued = certificates.issueLocked(events.get(job.eventId()), current, null, job.requestedBy(),
                        prepared);
                if (!issued.created()) {
                    numbers.free(en.id(), job.id()); // issued elsewhere meanwhile: a number held for them is given up
                }
                boolean created = saveItem(job, en, issued);
                jobs.count(job.id(), created ? 1 : 0, created ? 0 : 1, 0, clock.instant());
                return created ? 1 : 0;
            });
        } catch (DomainRefusal e) {
            boolean skipped = e.kind() == DomainRefusal.Kind.REFUSED && (e.type().equals("not-eligible") || e.type().equals("competency-requires-diklat")
                    || e.type().equals("event-not-ended") || e.type().equals("issue-date-not-reached"));
            record(job, en, skipped ? CertificateJobItem.Outcome.SKIPPED : CertificateJobItem.Outcome.FAILED,
                    e.reason());
            return 0;
        } catch (RuntimeException e) {
            if (StorageFault.of(e).filter(f -> f == StorageFault.UNAVAILABLE).isPresent()) {
                throw e; // not this person's failure: the runner waits for the database and tries them again
            }
            LOG.error("Certificate job {}: participant {} failed", job.id(), en.participantId(), e);
            record(job, en, CertificateJobItem.Outcome.FAILED, Reason.of("job.systemError"));
            return 0;
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
            numbers.free(en.id(), job.id()); // a number reserved for them goes to the next certificate of the series
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

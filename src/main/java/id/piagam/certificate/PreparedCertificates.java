package id.piagam.certificate;

import id.piagam.DaemonThreads;
import id.piagam.agency.Agency;
import id.piagam.enrolment.Enrolment;
import id.piagam.priority.InteractiveFirst;
import id.piagam.programme.Event;
import id.piagam.rules.DomainRefusal;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bulk job's planner and its renderers: for the next enrolments of a job it reads the facts in bulk, outside
 * any transaction, decides who would get a certificate, reserves each one's number and renders,
 * signs, hashes and cuts it for storage on a small pool ({@code piagam.issuing.render-threads}, by default one
 * thread per core up to two), while the job's own thread commits the ones before. Only the reservations are
 * stored here (they are the job's claim on those people); the job's transaction decides again and uses a prepared PDF only if it is still right
 * ({@link NewCertificates#create(EnrolmentOutcome, CertificateKind, String, Long, NewCertificates.Prepared)}).
 */
@Singleton
class PreparedCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedCertificates.class);

    /**
     * One enrolment of a job, planned: its certificate being prepared with its reserved number, or nothing to prepare (already issued: the transaction records it as skipped), or
     * {@code alone}: the rules refuse it now, so it is handled in a transaction of its own that records why.
     */
    record Planned(Enrolment enrolment, Future<NewCertificates.Prepared> prepared, boolean alone) {

        /** The prepared certificate once rendered, or null when none was planned or its rendering failed. */
        NewCertificates.Prepared await() throws InterruptedException {
            if (prepared == null) {
                return null;
            }
            try {
                return prepared.get();
            } catch (ExecutionException | CancellationException e) {
                LOG.debug("Preparing the certificate of enrolment {} failed; its transaction renders it", enrolment.id(), e);
                return null;
            }
        }

        boolean ready() {
            return prepared == null || prepared.isDone();
        }
    }

    private final EligibilityService eligibility;
    private final CertificateRepository certificates;
    private final CertificateService service;
    private final NewCertificates newCertificates;
    private final CertificateDocuments documents;
    private final CertificateNumbers numbers;
    private final ThreadPoolExecutor renderers;
    private final InteractiveFirst interactiveFirst;

    PreparedCertificates(EligibilityService eligibility, CertificateRepository certificates, CertificateService service,
                         NewCertificates newCertificates, CertificateDocuments documents, CertificateNumbers numbers,
                         @Value("${piagam.issuing.render-threads:0}") int renderThreads, InteractiveFirst interactiveFirst) {
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.service = service;
        this.newCertificates = newCertificates;
        this.documents = documents;
        this.numbers = numbers;
        this.interactiveFirst = interactiveFirst;
        int threads = renderThreads > 0 ? renderThreads : Math.min(2, Runtime.getRuntime().availableProcessors());
        this.renderers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("certificate-render"));
    }

    /** A chunk planned: its people in order, and those a claim of another job or runner holds (done last). */
    record Chunk(List<Planned> planned, List<Enrolment> heldElsewhere) {
    }

    /**
     * Plans the enrolments (in the job's order) and starts preparing the certificates they would get: the facts read
     * and the rules asked outside any transaction, then one short transaction reserving a number for each person who
     * would get one ({@link CertificateNumbers#claim}), then the rendering with exactly those numbers. People another
     * claim holds are left out and returned, unless {@code takeOthers} (the runner's last pass): then they are
     * rendered with the number held for them, and whichever commit comes first issues.
     */
    Chunk plan(Event event, long jobId, List<Enrolment> next, boolean takeOthers) {
        // the chunk's own people only: reading every certificate of the event for each chunk read n²/16 rows per job
        Set<Long> issued = new HashSet<>(certificates.findValidEnrolmentIdsIn(next.stream().map(Enrolment::id).toList()));
        List<EnrolmentOutcome> outcomes = eligibility.outcomes(event, next);
        LocalDate issuedOn = newCertificates.issuedOn(event);
        Map<Long, CertificateKind> kinds = new HashMap<>();
        Map<Long, CertificateNumbers.Series> series = new HashMap<>();
        List<CertificateNumbers.Wanted> wanted = new ArrayList<>();
        for (EnrolmentOutcome outcome : outcomes) {
            Enrolment en = outcome.enrolment();
            Optional<CertificateKind> kind = service.wouldIssue(outcome, issued.contains(en.id()));
            if (kind.isPresent()) {
                try {
                    CertificateNumbers.Series s = numbers.series(event, issuedOn, kind.get());
                    kinds.put(en.id(), kind.get());
                    series.put(en.id(), s);
                    wanted.add(new CertificateNumbers.Wanted(en, s));
                } catch (DomainRefusal e) {
                    // a pattern that cannot number: refused in its own transaction
                }
            }
        }
        CertificateNumbers.Claims claims = numbers.claim(jobId, wanted, takeOthers);
        Agency.Letterhead letterhead = claims.values().isEmpty() ? null : documents.letterhead(); // once for the batch, not once per certificate on the render threads
        List<Planned> planned = new ArrayList<>(next.size());
        List<Enrolment> elsewhere = new ArrayList<>();
        for (EnrolmentOutcome outcome : outcomes) {
            Enrolment en = outcome.enrolment();
            CertificateKind kind = kinds.get(en.id());
            Long value = claims.values().get(en.id());
            if (claims.heldElsewhere().contains(en.id())) {
                elsewhere.add(en);
            } else if (value != null) {
                String number = numbers.format(series.get(en.id()), value, event, issuedOn, kind);
                planned.add(new Planned(en, prepare(outcome, kind, number, letterhead), false));
            } else {
                // issued or handled meanwhile (the transaction records it), or refused now (alone: it records why)
                planned.add(new Planned(en, null, kind == null && !issued.contains(en.id())));
            }
        }
        return new Chunk(planned, elsewhere);
    }

    private Future<NewCertificates.Prepared> prepare(EnrolmentOutcome outcome, CertificateKind kind, String number,
                                                     Agency.Letterhead letterhead) {
        try {
            // people's requests first: while they are answered, fewer renderers run (#14 point 3)
            return renderers.submit(() -> interactiveFirst.call(() -> newCertificates.prepare(outcome, kind, number, letterhead)));
        } catch (RejectedExecutionException stopping) {
            return CompletableFuture.failedFuture(stopping);
        }
    }

    /** Stops rendering; what was still queued is cancelled (a job still running renders it in its transaction). */
    @PreDestroy
    void stop() {
        renderers.shutdownNow().forEach(queued -> ((Future<?>) queued).cancel(false));
    }
}

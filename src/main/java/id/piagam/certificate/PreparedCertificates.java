package id.piagam.certificate;

import id.piagam.DaemonThreads;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bulk job's planner and its renderers: for the next enrolments of a job it claims the people nobody holds by
 * reserving their numbers, then reads their facts in bulk, outside any transaction, decides who gets a certificate and renders,
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
    private final CertificateService service;
    private final NewCertificates newCertificates;
    private final CertificateDocuments documents;
    private final CertificateNumbers numbers;
    private final ThreadPoolExecutor renderers;
    private final InteractiveFirst interactiveFirst;

    PreparedCertificates(EligibilityService eligibility, CertificateService service,
                         NewCertificates newCertificates, CertificateDocuments documents, CertificateNumbers numbers,
                         @Value("${piagam.issuing.render-threads:0}") int renderThreads, InteractiveFirst interactiveFirst) {
        this.eligibility = eligibility;
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
     * Plans the enrolments (in the job's order) and starts preparing the certificates they would get. Claim first
     * (issue #16 point 3): one short transaction reserves a number for each person nobody has done or holds
     * ({@link CertificateNumbers#claim}; the series follows from the person's role alone), and only then are the facts
     * of the people claimed read and the rules asked, outside any transaction; a claimed person the rules refuse
     * gives their number up at once, then the rendering runs with exactly the numbers held. So a runner never reads
     * the facts of people another runner holds. People another claim holds are left out and returned, unless
     * {@code takeOthers} (the runner's last pass): then they are rendered with the number held for them, and
     * whichever commit comes first issues.
     */
    Chunk plan(Event event, long jobId, List<Enrolment> next, boolean takeOthers) {
        LocalDate issuedOn = newCertificates.issuedOn(event);
        Map<Long, CertificateNumbers.Series> series = new HashMap<>();
        List<CertificateNumbers.Wanted> wanted = new ArrayList<>();
        for (Enrolment en : next) {
            try {
                CertificateNumbers.Series s = numbers.series(event, issuedOn, en.role());
                series.put(en.id(), s);
                wanted.add(new CertificateNumbers.Wanted(en, s));
            } catch (DomainRefusal e) {
                // a pattern that cannot number: refused in its own transaction
            }
        }
        CertificateNumbers.Claims claims = numbers.claim(jobId, wanted, takeOthers);
        List<Enrolment> claimed = next.stream().filter(en -> claims.values().containsKey(en.id())).toList();
        Map<Long, CertificateKind> kinds = new HashMap<>();
        Map<Long, EnrolmentOutcome> outcomes = new HashMap<>();
        List<Long> refused = new ArrayList<>();
        for (EnrolmentOutcome outcome : eligibility.outcomes(event, claimed)) {
            Enrolment en = outcome.enrolment();
            outcomes.put(en.id(), outcome);
            Optional<CertificateKind> kind = service.wouldIssue(outcome, false);
            if (kind.isPresent() && numbers.series(event, issuedOn, kind.get()).sameAs(series.get(en.id()))) {
                kinds.put(en.id(), kind.get());
            } else {
                refused.add(en.id());
            }
        }
        // a person this claim holds and the rules refuse frees their number now (the job's last number moves into it)
        Map<Long, Long> values = refused.isEmpty() || takeOthers ? claims.values() : numbers.giveUp(jobId, refused, kinds.keySet());
        // the letterhead and the frozen photos once for the batch, not once per certificate on the render threads
        CertificateDocuments.Sources sources = kinds.isEmpty() ? null
                : documents.sources(claimed.stream().filter(en -> kinds.containsKey(en.id())).toList());
        List<Planned> planned = new ArrayList<>(next.size());
        List<Enrolment> elsewhere = new ArrayList<>();
        for (Enrolment en : next) {
            CertificateKind kind = kinds.get(en.id());
            Long value = values.get(en.id());
            if (claims.heldElsewhere().contains(en.id())) {
                elsewhere.add(en);
            } else if (kind != null && value != null) {
                String number = numbers.format(series.get(en.id()), value, event, issuedOn, kind);
                planned.add(new Planned(en, prepare(outcomes.get(en.id()), kind, number, sources), false));
            } else {
                // issued or handled already (the transaction records it), or refused now (alone: it records why)
                boolean done = series.containsKey(en.id()) && !claims.values().containsKey(en.id());
                planned.add(new Planned(en, null, !done && kind == null));
            }
        }
        return new Chunk(planned, elsewhere);
    }

    private Future<NewCertificates.Prepared> prepare(EnrolmentOutcome outcome, CertificateKind kind, String number,
                                                     CertificateDocuments.Sources sources) {
        try {
            // people's requests first: while they are answered, fewer renderers run (#14 point 3)
            return renderers.submit(() -> interactiveFirst.call(() -> newCertificates.prepare(outcome, kind, number, sources)));
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

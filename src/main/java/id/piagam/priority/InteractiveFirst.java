package id.piagam.priority;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The gate the bulk job's renderers pass before each certificate (#14 point 3): while people's requests are being
 * answered ({@link InteractiveRequests}), at most {@code piagam.issuing.interactive-renderers} render at once (one by
 * default), otherwise all of them ({@link InteractiveFirstPolicy}). A renderer held at the gate looks again every
 * millisecond or two, so it starts as soon as the requests have gone quiet; renderers pass in the order they came.
 */
@Singleton
public class InteractiveFirst {

    /** What the gate has admitted: alongside requests or when idle, and the most running at once in each case. */
    public record Counts(long alongsideRequests, long idle, int peakAlongsideRequests, int peakIdle, int waiting) {
    }

    private final InteractiveRequests requests;
    private final InteractiveFirstPolicy policy;
    private final long recheckMillis;
    private int running;
    /** Admission in arrival order, so the certificate the job commits next is never passed by later ones. */
    private long nextTicket;
    private long serving;
    private final Set<Long> abandoned = new HashSet<>();
    private int waiting;
    private long alongsideRequests;
    private long idle;
    private int peakAlongsideRequests;
    private int peakIdle;

    public InteractiveFirst(InteractiveRequests requests,
                            @Value("${piagam.issuing.interactive-renderers:1}") int whileInteractive,
                            @Value("${piagam.issuing.interactive-quiet:10ms}") Duration quiet) {
        this.requests = requests;
        this.policy = new InteractiveFirstPolicy(whileInteractive, quiet);
        this.recheckMillis = Math.max(1, Math.min(quiet.toMillis() / 4, 5));
    }

    /** Runs {@code work} once the gate admits it. */
    public <T> T call(Callable<T> work) throws Exception {
        enter();
        try {
            return work.call();
        } finally {
            exit();
        }
    }

    /** How many may run now. */
    public int allowed() {
        return policy.renderers(requests.inFlight(), requests.nanosSinceLast());
    }

    public synchronized Counts counts() {
        return new Counts(alongsideRequests, idle, peakAlongsideRequests, peakIdle, waiting);
    }

    private synchronized void enter() throws InterruptedException {
        long ticket = nextTicket++;
        waiting++;
        try {
            int allowed = allowed();
            while (ticket != serving || running >= allowed) {
                try {
                    wait(recheckMillis);
                } catch (InterruptedException e) {
                    abandoned.add(ticket); // a renderer stopped while waiting: the line goes on without it
                    advance(false);
                    throw e;
                }
                allowed = allowed();
            }
            advance(true);
            running++;
            if (allowed == InteractiveFirstPolicy.ALL) {
                idle++;
                peakIdle = Math.max(peakIdle, running);
            } else {
                alongsideRequests++;
                peakAlongsideRequests = Math.max(peakAlongsideRequests, running);
            }
        } finally {
            waiting--;
        }
    }

    /** Moves the head of the line past the admitted one and past any that stopped waiting. */
    private void advance(boolean admitted) {
        if (admitted) {
            serving++;
        }
        while (abandoned.remove(serving)) {
            serving++;
        }
        notifyAll();
    }

    private synchronized void exit() {
        running--;
        notifyAll();
    }
}

package id.piagam.mail;

import java.time.Duration;

/**
 * What to do after an SMTP reply, per RFC 5321: a 4xx reply is temporary (try again later, waiting
 * longer each time: 1, 2, 4 … minutes, at most an hour), a 5xx reply is permanent (FAILED, with the
 * server's reply for the secretariat). A connection that fails without a reply counts as temporary.
 */
public final class DeliveryPolicy {

    /** The decision for one attempt. */
    public enum Outcome {
        RETRY, FAILED
    }

    private static final Duration FIRST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofHours(1);

    private DeliveryPolicy() {
    }

    /**
     * @param replyCode the SMTP reply code, or 0 when the server gave none (connection refused, timeout)
     * @param attempts  attempts made so far, this one included
     */
    public static Outcome after(int replyCode, int attempts, int maxAttempts) {
        if (replyCode >= 500) {
            return Outcome.FAILED;
        }
        return attempts >= maxAttempts ? Outcome.FAILED : Outcome.RETRY;
    }

    /** How long to wait before the next attempt after {@code attempts} failed ones. */
    public static Duration backOff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 10));
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}

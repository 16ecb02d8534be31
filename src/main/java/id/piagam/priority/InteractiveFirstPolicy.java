package id.piagam.priority;

import java.time.Duration;

/**
 * Interactive work first (#14 point 3): how many of the bulk job's renderers may run at once. While a person's
 * request is in flight, or one ended less than {@code quiet} ago, only {@code whileInteractive} of them (one by
 * default), so the other cores answer the participants' pages and the public verification; when nobody is asking,
 * all of them. {@code whileInteractive} 0 turns the rule off (always all).
 */
public final class InteractiveFirstPolicy {

    /** No bound: as many as the render pool has. */
    public static final int ALL = Integer.MAX_VALUE;

    private final int whileInteractive;
    private final long quietNanos;

    public InteractiveFirstPolicy(int whileInteractive, Duration quiet) {
        if (whileInteractive < 0) {
            throw new IllegalArgumentException("renderers while requests are answered must be 0 (no bound) or more: " + whileInteractive);
        }
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("the quiet time must not be negative: " + quiet);
        }
        this.whileInteractive = whileInteractive;
        this.quietNanos = quiet.toNanos();
    }

    /**
     * The renderers that may run now, given the requests in flight and the nanoseconds since the last one started
     * or ended.
     */
    public int renderers(int inFlight, long nanosSinceLastRequest) {
        boolean interactive = inFlight > 0 || nanosSinceLastRequest < quietNanos;
        return interactive && whileInteractive > 0 ? whileInteractive : ALL;
    }
}

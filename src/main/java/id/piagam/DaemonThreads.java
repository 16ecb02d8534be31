package id.piagam;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of the service's own background pools (bulk jobs, their renderers): daemon threads named
 * {@code prefix-1}, {@code prefix-2}, … so a thread dump or a profile says whose they are, and so they never
 * keep the JVM alive after the context has closed.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

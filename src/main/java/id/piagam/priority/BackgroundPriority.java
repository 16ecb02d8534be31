package id.piagam.priority;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Background threads that give way to people's requests in the operating system's scheduler (#14 point 3): each
 * thread lowers its own scheduling priority (its nice value) when it starts, so whenever a request's thread and a
 * background thread both want a core the request runs first, and the background thread still gets every idle cycle.
 * The in-process gate ({@link InteractiveFirst}) decides how many renderers may run; this decides who runs first when
 * they do. Linux keeps a nice value per thread: the thread finds its own id through {@code /proc/thread-self} and
 * sets it with util-linux's {@code renice}. Anywhere else, or if that fails, the thread keeps the normal priority and
 * the log says so once.
 */
public final class BackgroundPriority {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private BackgroundPriority() {
    }

    /** A factory whose threads lower their own priority to {@code nice} (1–19) as they start; 0 leaves them as they are. */
    public static ThreadFactory lowered(ThreadFactory factory, int nice) {
        if (nice <= 0) {
            return factory;
        }
        return task -> factory.newThread(() -> {
            lowerCurrentThread(nice);
            task.run();
        });
    }

    /** Sets the calling thread's nice value; true when the operating system took it. */
    static boolean lowerCurrentThread(int nice) {
        int value = Math.min(19, nice);
        String threadId;
        try {
            threadId = Files.readSymbolicLink(THREAD_SELF).getFileName().toString(); // "<pid>/task/<tid>"
        } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
            warnOnce("this system has no " + THREAD_SELF);
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(value), "-p", threadId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                warnOnce("renice did not answer within 5 s");
                return false;
            }
            if (renice.exitValue() != 0) {
                warnOnce("renice exited with " + renice.exitValue());
                return false;
            }
            return true;
        } catch (IOException e) {
            warnOnce("renice could not be run (" + e.getMessage() + ")");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void warnOnce(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("Background threads keep the normal priority: {}; people's requests then share the cores with them evenly", why);
        }
    }
}

package id.piagam.priority;

import id.piagam.DaemonThreads;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

public class BackgroundPriorityTest {

    /** The nice value of a thread of this process, from /proc (field 19 of its stat line). */
    public static int niceOf(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[16]);
    }

    private static void assumeLinuxWithRenice() {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "Linux only");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")), "util-linux's renice");
    }

    @Test
    void aThreadOfTheLoweredFactoryRunsAtTheGivenNiceValueAndOthersKeepTheirs() throws Exception {
        assumeLinuxWithRenice();
        ThreadFactory factory = BackgroundPriority.lowered(DaemonThreads.named("lowered-test"), 7);
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        Thread t = factory.newThread(() -> {
            try {
                seen.complete(niceOf(Path.of("/proc/thread-self")));
            } catch (IOException e) {
                seen.completeExceptionally(e);
            }
        });
        t.start();
        assertThat(seen.get()).isEqualTo(7);
        assertThat(t.getName()).isEqualTo("lowered-test-1");
        assertThat(t.isDaemon()).isTrue();
        assertThat(niceOf(Path.of("/proc/thread-self"))).as("the calling thread is not touched").isZero();
    }

    @Test
    void niceZeroLeavesTheFactoryAsItIs() {
        ThreadFactory plain = DaemonThreads.named("plain");
        assertThat(BackgroundPriority.lowered(plain, 0)).isSameAs(plain);
    }
}

package id.piagam.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a round's CPU went, per group of threads (ThreadMXBean): the render pool, the job's thread, the HTTP
 * server, the rest; with the collector's pause time and the JIT's. Printed per certificate, so a build that
 * waits (idle cores) is told apart from one that computes more (#14 point 1: "find what serialises").
 */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> cpuAtStart = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private long gcAtStart;
    private long jitAtStart;
    private long wallAtStart;
    private long processAtStart;
    private Map<String, Long> nativeAtStart = Map.of();

    void start() {
        cpuAtStart.clear();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                cpuAtStart.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        gcAtStart = gcMillis();
        jitAtStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        wallAtStart = System.nanoTime();
        processAtStart = processCpu();
        nativeAtStart = vmThreads();
    }

    /** CPU ticks (1/100 s) of the VM's own threads (GC, JIT compilers, VM thread) from /proc, by kind; empty where there is no /proc. */
    private static Map<String, Long> vmThreads() {
        Map<String, Long> ticks = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String kind = comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "GC" : comm.startsWith("C1 ") || comm.startsWith("C2 ") ? "JIT"
                            : comm.startsWith("VM Thread") ? "VM" : null;
                    if (kind != null) {
                        ticks.merge(kind, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException noProc) {
            return Map.of();
        }
        return ticks;
    }

    /** CPU per certificate of the round, by group, e.g. "render 5.1 ms, job 2.3 ms, http 0.4 ms, other 0.2 ms; GC 0.3 ms; JIT 0.1 ms". */
    String perCertificate(int certificates) {
        Map<String, Long> byGroup = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            names.put(info.getThreadId(), info.getThreadName());
            byGroup.merge(group(info.getThreadName()), cpu - cpuAtStart.getOrDefault(info.getThreadId(), 0L), Long::sum);
        }
        double wallMs = (System.nanoTime() - wallAtStart) / 1e6;
        long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder();
        byGroup.forEach((group, nanos) -> line.append(String.format("%s %.2f ms, ", group, nanos / 1e6 / certificates)));
        long process = processCpu() - processAtStart;
        vmThreads().forEach((kind, ticks) -> line.append(String.format("%s %.2f ms, ", kind,
                (ticks - nativeAtStart.getOrDefault(kind, 0L)) * 10.0 / certificates)));
        line.append(String.format("VM threads (GC, not Java threads) %.2f ms; the process %.2f ms per certificate = %.2f cores busy over the round;"
                        + " GC pauses %.2f ms, JIT %.2f ms per certificate",
                (process - total) / 1e6 / certificates, process / 1e6 / certificates, process / 1e6 / wallMs, (double) (gcMillis() - gcAtStart) / certificates,
                (double) (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitAtStart) / certificates));
        return line.toString();
    }

    private static String group(String name) {
        if (name.startsWith("certificate-render")) {
            return "render";
        }
        if (name.startsWith("certificate-job")) {
            return "job";
        }
        if (name.contains("EventLoop") || name.contains("eventLoop") || name.startsWith("io-executor") || name.startsWith("default-nio")) {
            return "http";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ") || name.contains("Compiler")) {
            return "jit";
        }
        if (name.startsWith("main") || name.startsWith("HttpClient")) {
            return "client";
        }
        return "other";
    }

    private static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}

package id.piagam.bench;

import id.piagam.support.ServiceProcess;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * Issuing that grows with instances (issue #16 point 3): one Diklat of {@code bench.people} (2,000) issued by one
 * service process pinned to core 0 ({@code taskset -c 0}), then issued afresh (its certificates, jobs, counters and
 * every reservation deleted between rounds) by two processes pinned to cores 0 and 1,
 * alternating (1, 2, 2, 1, ...) for {@code bench.rounds} rounds of each after {@code bench.warmupRounds} of each. Both
 * processes stay up for the whole run (warm JVMs); a round of one POSTs the bulk issue on the first only, a round of
 * two POSTs it on both (two jobs of one event splitting it through their number reservations), and is timed from the
 * POST until every job is DONE. With {@code -Dbench.join=true} a round of two is ONE job instead: it is POSTed on the
 * second process and the first one joins it ({@code piagam.issuing.join-running-jobs}, checked every
 * {@code bench.joinEvery}, 500 ms), as a secretariat's single click behind a load balancer would run; the second process
 * never joins, so a round of one stays one. Each round checks one certificate per person and the numbers 1..n without a gap.
 * Prints every round with the load average, the medians and the ratio of the rates.
 *
 * <p>Before the rounds the first process issues a history: another Diklat of {@code bench.history} people (4,000), kept
 * for the whole run, as a secretariat's database holds the certificates of its past events. Without it every round
 * began on emptied, freshly analysed tables, and the planner's cached plans scanned the whole certificate table for
 * each lookup by number or person (docs/postgresql.md); each round now prints those sequential scans.
 *
 * <p>PostgreSQL only ({@code -Dbench.db=jdbc:postgresql://127.0.0.1:5432/<database>}; its schema is emptied first).
 * The processes listen on {@code bench.port} and the next port (18600, 18601).
 */
public final class ScaleBenchmark {

    private static final int PEOPLE = Integer.getInteger("bench.people", 2000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /**
     * Three of each by default: the instance on core 1 issues only in rounds of two, so after one warm-up round it was
     * still compiling in the timed ones (its CPU per certificate fell 6.7 → 5.3 → 4.4 ms over them, docs/postgresql.md).
     */
    private static final int WARMUP = Integer.getInteger("bench.warmupRounds", 3);
    private static final int PORT = Integer.getInteger("bench.port", 18600);
    private static final boolean JOIN = Boolean.getBoolean("bench.join");
    private static final int HISTORY = Integer.getInteger("bench.history", 4000);
    /** The tables that grow with every certificate (the job, counter and reservation tables stay a few rows: scanned whole). */
    private static final String GROWING_TABLES = "'certificate', 'certificate_pdf', 'certificate_job_item', 'audit_log'";

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench-scale"));
        BenchDatabase db = BenchDatabase.fresh(dir, "scale");
        if (!db.postgresql()) {
            throw new IllegalArgumentException("-Dbench.db=jdbc:postgresql://... : the instances share a PostgreSQL database");
        }
        System.out.printf("Seeding a Diklat of %d people...%n", PEOPLE);
        long eventId;
        long historyId;
        try (ApplicationContext ctx = ApplicationContext.run(db.properties(Map.of("micronaut.server.port", -1,
                "piagam.admin-password", ServiceProcess.ADMIN_PASSWORD)), db.environments())) {
            eventId = IssueBenchmark.seed(ctx, "SCALE", 0, PEOPLE).id();
            System.out.printf("Seeding the history, a Diklat of %d others...%n", HISTORY);
            historyId = HISTORY > 0 ? IssueBenchmark.seed(ctx, "ARSIP", PEOPLE, HISTORY).id() : 0;
        }
        // without bench.join the instances join nothing by themselves: a round of two POSTs on both, so a round of one
        // stays one; with it only the first joins (the job POSTed on the second), and a round of one POSTs on the first
        Map<String, String> settings = Map.of("piagam.issuing.join-running-jobs", "false");
        Map<String, String> joining = Map.of("piagam.issuing.join-running-jobs", String.valueOf(JOIN),
                "piagam.issuing.join-every", System.getProperty("bench.joinEvery", "500ms"));
        try (ServiceProcess first = ServiceProcess.launch(db.url(), db.user(), db.password(), joining, List.of("taskset", "-c", "0"), PORT);
             ServiceProcess second = ServiceProcess.launch(db.url(), db.user(), db.password(), settings, List.of("taskset", "-c", "1"), PORT + 1)) {
            first.awaitHealth();
            second.awaitHealth();
            if (HISTORY > 0) {
                System.out.printf("History issued on the first instance: %.1f s%n", issue(List.of(first), historyId));
            }
            Map<Integer, List<Double>> rates = new HashMap<>(Map.of(1, new ArrayList<>(), 2, new ArrayList<>()));
            for (int round = 0; round < WARMUP + ROUNDS; round++) {
                for (int instances : round % 2 == 0 ? new int[]{1, 2} : new int[]{2, 1}) {
                    db.clearIssued(eventId); // the event as never issued: no certificate, job, counter or reservation of it
                    String load = Files.readString(Path.of("/proc/loadavg")).trim();
                    String database = db.url().substring(db.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
                    double[] cpuBefore = {cpuSeconds(first.pid()), cpuSeconds(second.pid())};
                    Map<Long, Double> clusterBefore = postgresCpuSeconds(null);
                    Map<Long, Double> databaseBefore = postgresCpuSeconds(database);
                    long scansBefore = sequentialScans(db);
                    WaitSampler waits = WaitSampler.start(db);
                    double seconds = issue(instances == 1 ? List.of(first) : JOIN ? List.of(second) : List.of(first, second), eventId);
                    waits.stop();
                    double[] cpu = {cpuSeconds(first.pid()) - cpuBefore[0], cpuSeconds(second.pid()) - cpuBefore[1],
                            spentSince(clusterBefore, postgresCpuSeconds(null)), spentSince(databaseBefore, postgresCpuSeconds(database))};
                    System.out.printf("  CPU s during the round: instance on core 0 %.1f, on core 1 %.1f, PostgreSQL %.1f (this database's "
                                    + "backends %.1f); per certificate: service %.2f ms, this database %.2f ms%n", cpu[0], cpu[1], cpu[2], cpu[3],
                            (cpu[0] + cpu[1]) * 1000 / PEOPLE, cpu[3] * 1000 / PEOPLE);
                    System.out.printf("  this database's active backends sampled every 50 ms (%d samples): %s%n", waits.samples(), waits.counts());
                    System.out.printf("  sequential scans of certificate, certificate_pdf, certificate_job_item and audit_log during "
                            + "the round: %d%n", sequentialScans(db) - scansBefore);
                    check(db, eventId);
                    double rate = PEOPLE / seconds;
                    boolean warm = round >= WARMUP;
                    if (warm) {
                        rates.get(instances).add(rate);
                    }
                    System.out.printf("%s round %d, %d instance(s): %.1f s, %.1f certificates/s (load average before: %s)%n",
                            warm ? "timed" : "warm-up", round + 1, instances, seconds, rate, load);
                }
            }
            double one = median(rates.get(1));
            double two = median(rates.get(2));
            System.out.printf("median rate, 1 instance: %.1f/s %s%n", one, rates.get(1));
            System.out.printf("median rate, 2 instances: %.1f/s %s%n", two, rates.get(2));
            System.out.printf("ratio 2/1: %.2f (issue #16 point 3 asks for >= 1.6)%n", two / one);
        }
    }

    /** POSTs the bulk issue of the event on each of these instances at once; seconds until every job is DONE. */
    private static double issue(List<ServiceProcess> instances, long eventId) throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<Long>> posted = instances.stream().map(p -> CompletableFuture.supplyAsync(() -> {
            try {
                return ((Number) p.call("POST", "/api/events/" + eventId + "/certificates", "{}").get("id")).longValue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        for (int i = 0; i < instances.size(); i++) {
            ServiceProcess p = instances.get(i);
            long jobId = posted.get(i).get();
            Map<String, Object> job = await("job " + jobId).atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> p.call("GET", "/api/jobs/" + jobId + "?items=none", null), j -> !"RUNNING".equals(j.get("status")));
            if (!"DONE".equals(job.get("status")) || ((Number) job.get("failed")).intValue() != 0) {
                throw new IllegalStateException("job " + jobId + " ended " + job);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One valid certificate per person of the event, with its PDF, numbered 1..n without a gap. */
    private static void check(BenchDatabase db, long eventId) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT c.number, c.enrolment_id, (SELECT COUNT(*) FROM certificate_pdf p WHERE p.certificate_id = c.id) FROM certificate c "
                        + "WHERE c.event_id = ? AND c.status = 'VALID'")) {
            ps.setLong(1, eventId);
            Set<Long> enrolments = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(Integer.parseInt(rs.getString(1).split("/")[1]));
                    if (!enrolments.add(rs.getLong(2)) || rs.getInt(3) == 0) {
                        throw new IllegalStateException("enrolment " + rs.getLong(2) + " twice or without its PDF");
                    }
                }
            }
        }
        if (!numbers.stream().sorted().toList().equals(IntStream.rangeClosed(1, PEOPLE).boxed().toList())) {
            throw new IllegalStateException("event " + eventId + ": " + numbers.size() + " certificates, numbers not 1.." + PEOPLE);
        }
    }

    /**
     * Sequential scans of the tables that grow with issuing so far (PostgreSQL's statistics, flushed by each backend
     * within about a second of its transactions).
     */
    private static long sequentialScans(BenchDatabase db) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(SUM(seq_scan), 0) FROM pg_stat_user_tables WHERE relname IN (" + GROWING_TABLES + ")");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** User and system CPU of a process so far (Linux {@code /proc/<pid>/stat}, clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (Exception gone) {
            return 0;
        }
    }

    /**
     * The CPU of each PostgreSQL server process so far, by process id (the database shares the machine's cores): all of
     * them, or with a database name only its backends (their title names it; the cluster may serve other databases).
     */
    private static Map<Long, Double> postgresCpuSeconds(String database) throws Exception {
        Map<Long, Double> cpu = new HashMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(d -> {
                        try {
                            return Files.readString(d.resolve("comm")).trim().startsWith("postgres") && (database == null
                                    || Files.readString(d.resolve("cmdline")).contains(" " + database + " "));
                        } catch (Exception gone) {
                            return false;
                        }
                    })
                    .forEach(d -> {
                        long pid = Long.parseLong(d.getFileName().toString());
                        cpu.put(pid, cpuSeconds(pid));
                    });
        }
        return cpu;
    }

    /**
     * The CPU the processes alive at the end spent since the start (a process started meanwhile: all of it). A process
     * that ended during the round is left out rather than subtracted (a pooled backend closed, another engineer's
     * session): the sum of the totals went negative when one did.
     */
    private static double spentSince(Map<Long, Double> before, Map<Long, Double> after) {
        return after.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
    }

    /**
     * Samples {@code pg_stat_activity} of the benchmark's database while a round runs: what its active backends wait
     * for (a lock on the counter row shows as {@code Lock:transactionid} or {@code Lock:tuple}), or CPU when nothing.
     */
    private static final class WaitSampler implements Runnable {
        private final BenchDatabase db;
        private final Map<String, Integer> counts = new TreeMap<>();
        private volatile boolean running = true;
        private int samples;
        private final Thread thread;

        private WaitSampler(BenchDatabase db) {
            this.db = db;
            this.thread = new Thread(this, "wait-sampler");
        }

        static WaitSampler start(BenchDatabase db) {
            WaitSampler sampler = new WaitSampler(db);
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COALESCE(wait_event_type || ':' || wait_event, 'CPU'), "
                    + "COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1")) {
                while (running) {
                    try (ResultSet rs = ps.executeQuery()) {
                        synchronized (counts) {
                            samples++;
                            while (rs.next()) {
                                counts.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                            }
                        }
                    }
                    LockSupport.parkNanos(50_000_000L);
                }
            } catch (Exception e) {
                System.out.println("  (wait sampling stopped: " + e + ")");
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        int samples() {
            synchronized (counts) {
                return samples;
            }
        }

        Map<String, Integer> counts() {
            synchronized (counts) {
                return Map.copyOf(counts);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

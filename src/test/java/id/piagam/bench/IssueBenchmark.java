package id.piagam.bench;

import id.piagam.scoring.AssessmentService;
import id.piagam.attendance.AttendanceService;
import id.piagam.attendance.AttendanceStatus;
import id.piagam.attendance.AttendanceViews;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.EnrolmentService;
import id.piagam.participant.Category;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRequest;
import id.piagam.participant.ParticipantService;
import id.piagam.programme.Event;
import id.piagam.programme.EventKind;
import id.piagam.programme.EventRequest;
import id.piagam.programme.EventService;
import id.piagam.programme.EventSession;
import id.piagam.programme.EventSessionRepository;
import id.piagam.programme.Track;
import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateCatalogue;
import id.piagam.rendering.TemplateModel;
import id.piagam.support.Fixtures;
import id.piagam.support.Images;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.awaitility.Awaitility.await;

/**
 * Issuing 1,000 two-page Diklat certificates end to end (rule check, number, render, hash, store) through
 * the bulk job, with the default template and with a 256 KB JPEG background; then streaming a ZIP of
 * 10,000 certificates; then the default template again, signed with RSA 2048 and with ECDSA P-256 ({@link SigningBenchmark}).
 * Runs in a 256 MB heap ({@code mvn -B -Pbench test-compile exec:exec}).
 * Prints medians of 3 timed rounds after a warm-up round.
 */
public final class IssueBenchmark {

    /** Per round; {@code -Dbench.certificates=100} for a short run. */
    static final int CERTIFICATES = Integer.getInteger("bench.certificates", 1000);
    private static final int ROUNDS = 3;
    /**
     * Untimed rounds between the first (cold) round and the timed warm ones; {@code -Dbench.warmupRounds=4} lets the JIT
     * finish compiling (its CPU per certificate is printed per round) so that "warm" means a service that has issued a
     * few thousand certificates.
     */
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmupRounds", 0);
    /** How the job is polled: {@code none} (the counts alone, the default) or {@code all} (every item so far, as before #14). */
    private static final String POLL = "?items=" + System.getProperty("bench.pollItems", "none");
    /** {@code -Dbench.zipCertificates=0} leaves the ZIP and print PDF out. */
    private static final int ZIP_CERTIFICATES = Integer.getInteger("bench.zipCertificates", 10_000);

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target/bench/" + System.currentTimeMillis()).toAbsolutePath();
        byte[] jpeg = Images.noisyJpeg(256 * 1024);
        Path templates = Images.templatesWithBackground(dir.resolve("templates"), "sttp-diklat-bg", jpeg);
        // -Dbench.db=jdbc:postgresql://…: the same rounds on PostgreSQL (BenchDatabase)
        BenchDatabase db = BenchDatabase.fresh(dir, "bench");
        try (ApplicationContext ctx = ApplicationContext.run(db.properties(Map.of("micronaut.server.port", -1,
                "piagam.templates.dir", templates.toString(), "piagam.admin-password", "bench-admin-secret")), db.environments())) {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
            System.out.printf("Java %s, %d cores, max heap %d MB, %s, load average %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    db.postgresql() ? "PostgreSQL " + db.url() : "SQLite", loadAverage());
            // -Dbench.zipOnly=true: only the 10,000-certificate ZIP and print PDF (the event then needs no people of its own)
            boolean zipOnly = Boolean.getBoolean("bench.zipOnly");
            Event event = seed(ctx, "BENCH", 0, zipOnly ? 1 : CERTIFICATES);
            if (!zipOnly) {
                report("default template (sttp-diklat)", ctx, server, db, event, null, 0);
                report("256 KB JPEG background (sttp-diklat-bg)", ctx, server, db, event, "sttp-diklat-bg", jpeg.length);
            }
            if (ZIP_CERTIFICATES > 0) {
                zip(server, db, event);
            }
        }
        if (!Boolean.getBoolean("bench.unsignedOnly") && !Boolean.getBoolean("bench.zipOnly")) { // -Dbench.unsignedOnly=true leaves the signed runs out
            SigningBenchmark.run(dir, templates, false);
        }
    }

    /**
     * One client for the POST and every poll, its connection kept alive, as a browser or a program following a job does.
     * A new client per request (until s9-cpu; {@code -Dbench.clientPerRequest=true} measures it that way) opened a
     * connection per poll: the server set up a channel each time, and the JDK client's own code, compiled in this
     * JVM, was counted as the service's JIT work.
     */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final boolean CLIENT_PER_REQUEST = Boolean.getBoolean("bench.clientPerRequest");

    private static String api(EmbeddedServer server, String token, String method, String path) throws Exception {
        return (CLIENT_PER_REQUEST ? HttpClient.newHttpClient() : CLIENT).send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long number(String json, String field) {
        return Long.parseLong(json.replaceFirst("(?s).*?\"" + field + "\":(\\d+).*", "$1"));
    }

    static void report(String label, ApplicationContext ctx, EmbeddedServer server, BenchDatabase db, Event event, String template, int jpegBytes)
            throws Exception {
        EventService events = ctx.getBean(EventService.class);
        db.clearIssued(); // an event with certificates keeps its template
        EventRequest.CertificateSettings s = EventService.settings(event);
        events.update(event.id(), request(new EventRequest.CertificateSettings(s.numberPattern(), template, s.issuePlace(), s.issueDate(),
                s.validityMonths(), s.signatory()), ctx, event));
        List<Double> rates = new ArrayList<>();
        String token = ZipFixture.login(server);
        double cold = 0;
        for (int round = 0; round <= WARMUP_ROUNDS + ROUNDS; round++) {
            db.clearIssued();
            // through the public API, as a user does: POST starts the job, GET follows it to its end
            ThreadCpu cpu = new ThreadCpu();
            cpu.start();
            long t0 = System.nanoTime();
            String started = api(server, token, "POST", "/api/events/" + event.id() + "/certificates");
            String path = "/api/jobs/" + number(started, "id");
            String[] job = {started};
            // a deadline far beyond any round, so a stuck job fails the benchmark instead of hanging it
            // every 50 ms as src/test/load/issue.sh does, in the cheap form for polling (the counts without the items
            // so far: with them, each GET of a job of 1,000 returned up to 1,000 items, 0.34 ms of CPU per certificate)
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                job[0] = api(server, token, "GET", path + POLL);
                return !job[0].contains("\"status\":\"RUNNING\"");
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("  round %d: %.0f certificates/s; CPU %s%n", round, CERTIFICATES / seconds, cpu.perCertificate(CERTIFICATES));
            if (number(job[0], "issued") != CERTIFICATES) {
                throw new IllegalStateException("issued " + number(job[0], "issued") + " of " + CERTIFICATES + ", failed " + number(job[0], "failed"));
            }
            if (round == 0) {
                cold = CERTIFICATES / seconds;
            } else if (round > WARMUP_ROUNDS) {
                rates.add(CERTIFICATES / seconds);
            }
        }
        long[] sizes = sizes(db);
        rates.sort(Comparator.naturalOrder());
        double bareMs = bare(ctx, template == null ? "sttp-diklat" : template);
        System.out.printf("%s: first round %.0f certificates/s (%.1f ms each); warm median %.0f certificates/s (%.1f ms each; rounds %s);"
                + " PDF size median %d KB, max %d KB, stored %d KB each"
                + " (shared resources apart)%s%n", label, cold, 1000 / cold, rates.get(rates.size() / 2), 1000 / rates.get(rates.size() / 2), rates.stream().map(r -> String.format("%.0f", r)).toList(),
                sizes[0] / 1024, sizes[1] / 1024, sizes[2] / 1024,
                jpegBytes == 0 ? "" : String.format(" (JPEG %d KB; max overhead %d KB)", jpegBytes / 1024, (sizes[1] - jpegBytes) / 1024));
        double warmMs = 1000 / rates.get(rates.size() / 2);
        System.out.printf("%s: bare OpenPDF loop (the same template and logo, rendering alone, same JVM, right after) %.2f ms each;"
                + " issuing through the API takes %.2f × the bare loop%n", label, bareMs, warmMs / bareMs);
    }

    /** The bare rendering loop beside issuing: the same template, a sample two-page content with the logo, no database. */
    private static double bare(ApplicationContext ctx, String templateName) throws Exception {
        TemplateCatalogue catalogue = ctx.getBean(TemplateCatalogue.class);
        TemplateModel model = catalogue.find(templateName).flatMap(TemplateCatalogue.Entry::model).orElseThrow();
        RenderInput input = RenderSample.input().with(Map.of(), Map.of("agency.logo", Files.readAllBytes(Path.of("templates/images/logo.png"))));
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < CERTIFICATES; i++) {
                catalogue.renderer().render(model, input);
            }
            ms.add((System.nanoTime() - t0) / 1e6 / CERTIFICATES);
        }
        ms.sort(Comparator.naturalOrder());
        return ms.get(1);
    }

    private static void zip(EmbeddedServer server, BenchDatabase db, Event event) throws Exception {
        db.clearIssued();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            byte[] pdf;
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM certificate_job_item");
            }
            pdf = ZipFixture.samplePdf(server);
            ZipFixture.insert(db, c, event.id(), pdf, ZIP_CERTIFICATES);
            c.commit();
        }
        String token = ZipFixture.login(server);
        for (String kind : List.of("zip", "pdf")) {
            System.gc();
            HeapWatch watch = new HeapWatch();
            watch.start();
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.getURL() + "/api/events/" + event.id() + "/certificates." + kind))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            try (InputStream in = r.body()) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    bytes += n;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            watch.stop = true;
            watch.join();
            System.out.printf("%s of %d certificates: HTTP %d, %d MB streamed in %.1f s; peak heap used %d MB of %d MB max%n",
                    kind.equals("zip") ? "ZIP" : "Merged print PDF", ZIP_CERTIFICATES, r.statusCode(), bytes >> 20, seconds, watch.peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** Samples the used heap while the ZIP streams. */
    private static final class HeapWatch extends Thread {
        volatile boolean stop;
        long peak;

        @Override
        public void run() {
            while (!stop) {
                Runtime rt = Runtime.getRuntime();
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** A Diklat of {@code count} eligible participants (numbered from {@code first}, so several events hold different people). */
    static Event seed(ApplicationContext ctx, String code, int first, int count) {
        EventService events = ctx.getBean(EventService.class);
        List<EventRequest.SessionRequest> sessions = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 3, 2);
        for (int i = 0; i < 10; i++) {
            sessions.add(new EventRequest.SessionRequest(null, start.plusDays(i / 2), null, null, "Mata pelatihan ke-" + (i + 1), BigDecimal.valueOf(4),
                    "Widyaiswara", null));
        }
        Event event = events.create(new EventRequest(EventKind.DIKLAT, Track.KL03, code, "Pelatihan Dasar Pengadaan Barang/Jasa Pemerintah",
                "I", 2026, "BPSDM Provinsi Jawa Timur", null, "Surabaya", null, start, start.plusDays(4), 45, new BigDecimal("80"), sessions,
                new BigDecimal("70"), List.of(new EventRequest.ComponentRequest("Sikap", new BigDecimal("30")),
                new EventRequest.ComponentRequest("Ujian", new BigDecimal("70"))), null, false,
                new EventRequest.CertificateSettings(code + "/{seq:5}/{yyyy}", null, "Surabaya", null, null,
                        new EventRequest.Signatory("a.n.", "Kepala BPSDM Provinsi Jawa Timur", "Dr. Ir. Hadi Prasetyo, M.Si.",
                                "Pembina Utama Muda", "197105121996031002"))));
        ParticipantService participants = ctx.getBean(ParticipantService.class);
        EnrolmentService enrolments = ctx.getBean(EnrolmentService.class);
        AssessmentService assessment = ctx.getBean(AssessmentService.class);
        List<Long> ids = new ArrayList<>();
        Random random = new Random(1);
        for (int i = first; i < first + count; i++) {
            LocalDate born = LocalDate.of(1970, 1, 1).plusDays((i % 1000) * 7L);
            String nip = String.format("%04d%02d%02d%s%s%03d", born.getYear(), born.getMonthValue(), born.getDayOfMonth(), "201003",
                    i % 2 == 0 ? "1" : "2", 1 + i % 999);
            Participant p = participants.create(new ParticipantRequest("Peserta Pelatihan " + Fixtures.letters(i), null, "S.Kom.", nip, null,
                    Category.PNS, "Surabaya", born, null, "III/b", "Pranata Komputer Ahli Pertama", "Dinas Komunikasi dan Informatika",
                    "Pemerintah Kabupaten Pamekasan", null, null, null));
            enrolments.enrol(event.id(), p.id(), EnrolmentRole.PESERTA);
            assessment.record(event.id(), p.id(), Map.of("Sikap", BigDecimal.valueOf(75 + random.nextInt(20)),
                    "Ujian", BigDecimal.valueOf(72 + random.nextInt(25))), "bench");
            ids.add(p.id());
        }
        for (EventSession s : ctx.getBean(EventSessionRepository.class).findByEventIdOrderByPosition(event.id())) {
            ctx.getBean(AttendanceService.class).record(event.id(), s.id(),
                    ids.stream().map(id -> new AttendanceViews.Entry(id, AttendanceStatus.HADIR)).toList(), "bench");
        }
        return events.get(event.id());
    }

    private static EventRequest request(EventRequest.CertificateSettings settings, ApplicationContext ctx, Event e) {
        var view = ctx.getBean(EventService.class).view(e);
        return new EventRequest(e.kind(), e.track(), e.code(), e.title(), e.angkatan(), e.year(), e.organiser(), e.partner(), e.place(),
                e.mode(), e.startDate(), e.endDate(), e.minutesPerJp(), e.minAttendancePercent(),
                view.sessions().stream().map(s -> new EventRequest.SessionRequest(s.id(), s.date(), null, null, s.topic(), BigDecimal.valueOf(s.jp()),
                        s.facilitator(), s.facilitatorRole())).toList(), e.passMark(),
                view.components().stream().map(c -> new EventRequest.ComponentRequest(c.name(), c.weight())).toList(),
                e.gradeScaleId(), e.attendanceLetter(), settings);
    }

    /** The load average when a run starts, to read its absolute figures by. */
    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long[] sizes(BenchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pdf_size FROM certificate ORDER BY pdf_size")) {
            List<Long> sizes = new ArrayList<>();
            while (rs.next()) {
                sizes.add(rs.getLong(1));
            }
            long stored;
            try (ResultSet r = st.executeQuery("SELECT CAST(SUM(LENGTH(bytes) + COALESCE(LENGTH(resources), 0)) / COUNT(*) AS BIGINT) FROM certificate_pdf")) {
                r.next();
                stored = r.getLong(1);
            }
            return new long[]{sizes.get(sizes.size() / 2), sizes.get(sizes.size() - 1), stored};
        }
    }

    private IssueBenchmark() {
    }
}

package id.piagam.bench;

import id.piagam.certificate.CertificateService;
import io.micronaut.context.ApplicationContext;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic data at a provincial BPSDM's scale, for the load benchmark (src/test/load/run.sh):
 * 100,000 participants, 5,000 events (Bimtek and Diklat, 2022-2026) with three sessions each,
 * 1,000,000 enrolments with their attendance (3,000,000 rows), 200,000 certificates, plus three events of
 * 2,000 eligible participants each, left to issue during the run (one per round). The schema comes from the real migrations
 * (the service's own context starts on the file); one certificate is issued through the service so the
 * generated ones carry a real snapshot; their PDFs are small placeholders (a real one is ~40 KB: 8 GB
 * for 200,000), enough for verification, which reads the row and its snapshot. Deterministic (seed 2026).
 *
 * <p>{@code java -cp … id.piagam.bench.LoadData target/load/piagam-load.db [scale]}; writes codes.txt and
 * participants.txt beside the database for the wrk scripts.
 */
public final class LoadData {

    private static final int PARTICIPANTS = 100_000;
    private static final int EVENTS = 5_000;
    private static final int PER_EVENT = 200;
    private static final int CERTIFIED_EVENTS = 1_000;
    private static final int BULK_PEOPLE = 2_000;
    private static final int BULK_EVENTS = 3;
    private static final long NOW = 1_790_000_000_000L;
    private static final String[] FIRST = {"Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi", "Indah", "Joko", "Kartika",
            "Lestari", "Made", "Nur", "Oki", "Putri", "Rahmat", "Sari", "Taufik", "Umi", "Wahyu", "Yuni"};
    private static final String[] LAST = {"Santoso", "Wijaya", "Lestari", "Pratama", "Hidayat", "Saputra", "Kurniawan", "Rahayu",
            "Setiawan", "Nugroho", "Wulandari", "Susanto", "Permata", "Ramadhan", "Siregar", "Nasution"};

    private LoadData() {
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        long started = System.nanoTime();
        if (args.length > 0 && args[0].startsWith("jdbc:postgresql:")) {
            // an empty PostgreSQL database (issue #16); the files for wrk go to target/load/postgresql
            Path folder = Path.of(args.length > 2 ? args[2] : "target/load/postgresql").toAbsolutePath();
            Files.createDirectories(folder);
            String url = args[0] + (args[0].contains("?") ? "&" : "?") + "reWriteBatchedInserts=true&stringtype=unspecified";
            write(Map.of("datasources.default.url", url, "datasources.default.username", System.getProperty("db.user", "piagam"),
                    "datasources.default.password", System.getProperty("db.password", "piagam")), folder, scale, true);
            System.out.printf("generated %s in %.0f s%n", args[0], (System.nanoTime() - started) / 1e9);
            return;
        }
        Path db = Path.of(args.length > 0 ? args[0] : "target/load/piagam-load.db").toAbsolutePath();
        Files.createDirectories(db.getParent());
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        String url = "jdbc:sqlite:" + db + "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&transaction_mode=IMMEDIATE&synchronous=NORMAL";
        write(Map.of("datasources.default.url", url), db.getParent(), scale, false);
        System.out.printf("generated %s in %.0f s (%d MB)%n", db, (System.nanoTime() - started) / 1e9, Files.size(db) / 1_000_000);
    }

    private static void write(Map<String, Object> database, Path folder, double scale, boolean postgresql) throws Exception {
        Map<String, Object> props = new java.util.HashMap<>(database);
        props.put("piagam.admin-password", "load-admin-secret");
        props.put("micronaut.server.port", -1);
        var builder = ApplicationContext.builder().properties(props);
        if (postgresql) {
            builder.environments("postgresql");
        }
        try (ApplicationContext ctx = builder.start()) {
            DataSource ds = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
            new LoadData.Writer(ds, ctx.getBean(CertificateService.class), folder, scale, postgresql).write();
        }
    }

    private static final class Writer {
        private final DataSource ds;
        private final CertificateService certificates;
        private final Path folder;
        private final int participants;
        private final int events;
        private final int certifiedEvents;
        private final Random random = new Random(2026);
        private final boolean postgresql;
        /** The generator's "now" as SQL: epoch milliseconds on SQLite, a TIMESTAMPTZ on PostgreSQL. */
        private final String nowSql;

        Writer(DataSource ds, CertificateService certificates, Path folder, double scale, boolean postgresql) {
            this.postgresql = postgresql;
            this.nowSql = postgresql ? "to_timestamp(" + NOW / 1000 + ")" : String.valueOf(NOW);
            this.ds = ds;
            this.certificates = certificates;
            this.folder = folder;
            this.participants = (int) (PARTICIPANTS * scale);
            this.events = (int) (EVENTS * scale);
            this.certifiedEvents = (int) (CERTIFIED_EVENTS * scale);
        }

        void write() throws Exception {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                participants(c);
                events(c);
                enrolments(c);
                c.commit();
                resetIds(c);
            }
            long sampleEvent = events + 1;
            String[] sample = sample(sampleEvent);
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                certificates(c, sample[0], sample[1]);
                bulkEvent(c);
                c.commit();
                try (Statement st = c.createStatement()) {
                    c.setAutoCommit(true);
                    if (postgresql) {
                        resetIds(c);
                        st.execute("VACUUM ANALYZE");
                    } else {
                        st.execute("ANALYZE");
                        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    }
                }
            }
        }

        private void participants(Connection c) throws Exception {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO participant (id, full_name, nip, nik, category, instansi, "
                    + "search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= participants + BULK_PEOPLE + 1; i++) {
                    String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                    boolean pns = i % 5 != 0;
                    // NIP: birth date, appointment (year and month), sex, serial; distinct for every i
                    LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(i % 12_000);
                    String nip = pns ? birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                            + String.format("%04d%02d%1d%03d", 2000 + i / 12_000, 1 + i % 12, 1 + i % 2, 1 + i % 999) : null;
                    st.setLong(1, i);
                    st.setString(2, name);
                    st.setString(3, nip);
                    st.setString(4, pns ? null : String.format("35%014d", i));
                    st.setString(5, pns ? "PNS" : "NON_ASN");
                    st.setString(6, "Pemerintah Kabupaten " + LAST[i % LAST.length]);
                    st.setString(7, (name + " " + (pns ? nip : "")).toLowerCase());
                    at(st, 8);
                    at(st, 9);
                    st.addBatch();
                    if (i % 10_000 == 0) {
                        st.executeBatch();
                    }
                }
                st.executeBatch();
            }
        }

        private void events(Connection c) throws Exception {
            try (PreparedStatement ev = c.prepareStatement("INSERT INTO event (id, kind, track, title, year, organiser, place, mode, start_date, "
                    + "end_date, minutes_per_jp, min_attendance_percent, pass_mark, grade_scale_id, attendance_letter, created_at, updated_at, "
                    + "signatory_position, signatory_name) VALUES (?, ?, ?, ?, ?, ?, ?, 'LURING', ?, ?, 45, '80.00', ?, ?, FALSE, ?, ?, "
                    + "'Kepala BPSDM Provinsi Jawa Timur', 'Dr. Hadi Prasetyo, M.Si.')");
                 PreparedStatement se = c.prepareStatement("INSERT INTO event_session (event_id, position, session_date, topic, jp) "
                         + "VALUES (?, ?, ?, ?, ?)")) {
                for (int e = 1; e <= events + 1 + BULK_EVENTS; e++) {
                    // the sample event (events + 1, one certificate issued through the service) and the bulk events are Bimtek:
                    // they have no scores, and a Diklat among them refused everyone as not assessed (at a scale where events + 1 % 4 == 0)
                    boolean diklat = e % 4 == 0 && e <= events;
                    LocalDate start = LocalDate.of(2022, 1, 3).plusDays((e * 7L) % 1800);
                    ev.setLong(1, e);
                    ev.setString(2, diklat ? "DIKLAT" : "BIMTEK");
                    ev.setString(3, diklat ? "KL03" : "KL10");
                    ev.setString(4, (diklat ? "Pelatihan " : "Bimtek ") + LAST[e % LAST.length] + " angkatan " + e);
                    ev.setInt(5, start.getYear());
                    ev.setString(6, "BPSDM Provinsi Jawa Timur");
                    ev.setString(7, "Surabaya");
                    ev.setString(8, start.toString());
                    ev.setString(9, start.plusDays(2).toString());
                    ev.setString(10, diklat ? "70.00" : null);
                    if (diklat) {
                        ev.setLong(11, 1);
                    } else {
                        ev.setNull(11, java.sql.Types.BIGINT);
                    }
                    at(ev, 12);
                    at(ev, 13);
                    ev.addBatch();
                    for (int s = 0; s < 3; s++) {
                        se.setLong(1, e);
                        se.setInt(2, s + 1);
                        se.setString(3, start.plusDays(s).toString());
                        se.setString(4, "Materi " + (s + 1));
                        se.setInt(5, 4 + s);
                        se.addBatch();
                    }
                }
                ev.executeBatch();
                se.executeBatch();
            }
        }

        /** 200 participants per event, each with attendance at the three sessions (most present). */
        private void enrolments(Connection c) throws Exception {
            try (PreparedStatement en = c.prepareStatement("INSERT INTO enrolment (id, event_id, participant_id, role, status, printed_name, "
                    + "nip, nik, category, instansi, created_at, updated_at) SELECT ?, ?, id, 'PESERTA', 'AKTIF', full_name, nip, nik, category, "
                    + "instansi, ?, ? FROM participant WHERE id = ?");
                 PreparedStatement at = c.prepareStatement("INSERT INTO attendance (enrolment_id, session_id, status, recorded_at, recorded_by) "
                         + "VALUES (?, ?, ?, ?, 'generator')")) {
                long enrolment = 0;
                for (int e = 1; e <= events; e++) {
                    java.util.Set<Integer> chosen = new java.util.HashSet<>();
                    while (chosen.size() < PER_EVENT) {
                        chosen.add(1 + random.nextInt(participants));
                    }
                    for (int p : chosen) {
                        enrolment++;
                        en.setLong(1, enrolment);
                        en.setLong(2, e);
                        at(en, 3);
                        at(en, 4);
                        en.setLong(5, p);
                        en.addBatch();
                        for (int s = 0; s < 3; s++) {
                            at.setLong(1, enrolment);
                            at.setLong(2, (e - 1) * 3L + s + 1);
                            at.setString(3, random.nextInt(10) == 0 ? "IZIN" : "HADIR");
                            at(at, 4);
                            at.addBatch();
                        }
                    }
                    if (e % 50 == 0) {
                        en.executeBatch();
                        at.executeBatch();
                    }
                }
                en.executeBatch();
                at.executeBatch();
            }
        }

        /** Issues one real certificate through the service; returns its snapshot and holder name. */
        private String[] sample(long eventId) throws Exception {
            long participant = participants + BULK_PEOPLE + 1;
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO enrolment (event_id, participant_id, role, status, printed_name, nip, nik, category, created_at, "
                            + "updated_at) SELECT " + eventId + ", id, 'PESERTA', 'AKTIF', full_name, nip, nik, category, " + nowSql + ", " + nowSql
                            + " FROM participant WHERE id = " + participant);
                    st.executeUpdate("INSERT INTO attendance (enrolment_id, session_id, status, recorded_at) SELECT e.id, s.id, 'HADIR', " + nowSql
                            + " FROM enrolment e JOIN event_session s ON s.event_id = e.event_id WHERE e.event_id = " + eventId);
                }
                c.commit();
            }
            long id = certificates.issue(eventId, participant, null, "generator").certificate().id();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT snapshot, holder_name FROM certificate WHERE id = " + id)) {
                rs.next();
                return new String[]{rs.getString(1), rs.getString(2)};
            }
        }

        /** Certificates for every enrolment of the first events (200,000), as the bulk job would have issued them. */
        private void certificates(Connection c, String snapshot, String sampleHolder) throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> codes = new ArrayList<>();
            try (PreparedStatement sel = c.prepareStatement("SELECT id, event_id, participant_id, printed_name FROM enrolment WHERE event_id <= ? ORDER BY id");
                 PreparedStatement ce = c.prepareStatement("INSERT INTO certificate (id, kind, number, status, event_id, enrolment_id, participant_id, "
                         + "holder_name, issued_on, issued_at, issued_by, verification_code, sha256, pdf_size, snapshot, template_name, template_hash) "
                         + "VALUES (?, ?, ?, 'VALID', ?, ?, ?, ?, '2026-01-15', ?, 'generator', ?, ?, ?, ?, 'sertifikat-keikutsertaan', 'generated')");
                 PreparedStatement pdf = c.prepareStatement("INSERT INTO certificate_pdf (certificate_id, bytes, resources) VALUES (?, ?, '')")) {
                sel.setLong(1, certifiedEvents);
                long id = 1000;
                try (ResultSet rs = sel.executeQuery()) {
                    while (rs.next()) {
                        id++;
                        // stored in the compact form (no shared resources: an empty manifest), or every service started on the
                        // data would first rewrite all of them in the background (CertificatePdfRepository.compactWholeRows)
                        byte[] bytes = ("%PDF-1.4\n% Piagam load data, certificate " + id + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
                        String code = id(random);
                        if (codes.size() < 20_000 && random.nextInt(10) == 0) {
                            codes.add(code);
                        }
                        ce.setLong(1, id);
                        ce.setString(2, rs.getLong(2) % 4 == 0 ? "COMPETENCY" : "ATTENDANCE");
                        ce.setString(3, String.format("800.2/LOAD/%07d/2026", id));
                        ce.setLong(4, rs.getLong(2));
                        ce.setLong(5, rs.getLong(1));
                        ce.setLong(6, rs.getLong(3));
                        ce.setString(7, rs.getString(4));
                        at(ce, 8);
                        ce.setString(9, code);
                        ce.setString(10, HexFormat.of().formatHex(sha.digest(bytes)));
                        ce.setInt(11, bytes.length);
                        ce.setString(12, snapshot.replace(sampleHolder, rs.getString(4)));
                        ce.addBatch();
                        pdf.setLong(1, id);
                        pdf.setBytes(2, bytes);
                        pdf.addBatch();
                        if (id % 10_000 == 0) {
                            ce.executeBatch();
                            pdf.executeBatch();
                        }
                    }
                }
                ce.executeBatch();
                pdf.executeBatch();
            }
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(folder.resolve("codes.txt")))) {
                codes.forEach(out::println);
            }
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(folder.resolve("participants.txt")))) {
                for (int i = 0; i < 20_000; i++) {
                    out.println(1 + random.nextInt(participants));
                }
            }
        }

        /** Three more Bimtek of the same 2,000 people who all attended, none issued yet: one bulk issue per round of the run. */
        private void bulkEvent(Connection c) throws Exception {
            StringBuilder ids = new StringBuilder();
            for (long eventId = events + 2; eventId <= events + 1 + BULK_EVENTS; eventId++) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO enrolment (event_id, participant_id, role, status, printed_name, nip, nik, category, created_at, "
                            + "updated_at) SELECT " + eventId + ", id, 'PESERTA', 'AKTIF', full_name, nip, nik, category, " + nowSql + ", " + nowSql
                            + " FROM participant WHERE id > " + participants + " AND id <= " + (participants + BULK_PEOPLE));
                    st.executeUpdate("INSERT INTO attendance (enrolment_id, session_id, status, recorded_at) SELECT e.id, s.id, 'HADIR', " + nowSql
                            + " FROM enrolment e JOIN event_session s ON s.event_id = e.event_id WHERE e.event_id = " + eventId);
                }
                ids.append(ids.length() == 0 ? "" : " ").append(eventId);
            }
            Files.writeString(folder.resolve("bulk-events.txt"), ids.toString());
        }

        /** PostgreSQL: the rows written with their own ids leave the identity sequences behind; move them past. */
        private void resetIds(Connection c) throws java.sql.SQLException {
            if (!postgresql) {
                return;
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                for (String table : List.of("participant", "event", "event_session", "enrolment", "attendance", "certificate")) {
                    st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), GREATEST(1, (SELECT MAX(id) FROM " + table + ")))");
                }
            }
            c.setAutoCommit(auto);
        }

        private void at(PreparedStatement st, int index) throws java.sql.SQLException {
            if (postgresql) {
                st.setObject(index, java.time.Instant.ofEpochMilli(NOW).atOffset(java.time.ZoneOffset.UTC));
            } else {
                st.setLong(index, NOW);
            }
        }

        private static String id(Random random) {
            byte[] bytes = new byte[20];
            random.nextBytes(bytes);
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}

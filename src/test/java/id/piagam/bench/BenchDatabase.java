package id.piagam.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The database a benchmark runs on (issue #16: the same rounds on either engine). By default a fresh SQLite file in
 * the run's folder; with {@code -Dbench.db=jdbc:postgresql://127.0.0.1:5432/piagam_bench} (and {@code -Dbench.db.user},
 * {@code -Dbench.db.password}, both {@code piagam} by default) that PostgreSQL database, its {@code public} schema
 * dropped and created again before each use, so every run starts from the real migrations on an empty schema.
 */
record BenchDatabase(String url, String user, String password) {

    /** A fresh, empty database named {@code name} (the SQLite file; on PostgreSQL the one database given, emptied). */
    static BenchDatabase fresh(Path dir, String name) throws SQLException {
        String given = System.getProperty("bench.db", "");
        if (!given.startsWith("jdbc:postgresql:")) {
            return new BenchDatabase("jdbc:sqlite:" + dir.resolve(name + ".db") + "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000"
                    + "&transaction_mode=IMMEDIATE&synchronous=NORMAL", null, null);
        }
        BenchDatabase db = new BenchDatabase(given, System.getProperty("bench.db.user", "piagam"), System.getProperty("bench.db.password", "piagam"));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        return db;
    }

    boolean postgresql() {
        return url.startsWith("jdbc:postgresql:");
    }

    Connection connect() throws SQLException {
        return postgresql() ? DriverManager.getConnection(url, user, password) : DriverManager.getConnection(url);
    }

    /** The service's configuration for this database, beside {@code others}. */
    Map<String, Object> properties(Map<String, Object> others) {
        Map<String, Object> properties = new HashMap<>(others);
        properties.put("datasources.default.url", url);
        if (postgresql()) {
            properties.put("datasources.default.username", user);
            properties.put("datasources.default.password", password);
        }
        return properties;
    }

    /** The service's environments: {@code bench}, and {@code postgresql} (its dialect, pool and migrations) on PostgreSQL. */
    String[] environments() {
        return postgresql() ? new String[]{"bench", "postgresql"} : new String[]{"bench"};
    }

    /** An instant as the schema stores it: epoch milliseconds on SQLite, a TIMESTAMPTZ on PostgreSQL. */
    void instant(PreparedStatement st, int index, long epochMillis) throws SQLException {
        if (postgresql()) {
            st.setObject(index, Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
        } else {
            st.setLong(index, epochMillis);
        }
    }

    /** Deletes what issuing wrote (certificates, jobs, audit, counters); on PostgreSQL also vacuums those tables. */
    void clearIssued() throws SQLException {
        clearIssued(null);
    }

    /**
     * Deletes what issuing wrote for one event (its certificates, jobs, audit lines, the counters of its series, every
     * reservation), keeping what other events hold: a history issued before the rounds stays, so that on PostgreSQL the
     * tables' statistics after the {@code VACUUM ANALYZE} below are a secretariat's, not an empty table's. An emptied
     * and analysed table made the planner cache sequential scans on every pooled connection for a whole round: 84,748
     * of them over the certificate table in one {@link ScaleBenchmark} run (docs/postgresql.md). {@code eventId} null:
     * every event.
     */
    void clearIssued(Long eventId) throws SQLException {
        String event = eventId == null ? "" : " WHERE event_id = " + eventId;
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM certificate_job_item WHERE job_id IN (SELECT id FROM certificate_job" + event + ")");
            st.execute("DELETE FROM certificate_job" + event);
            st.execute("DELETE FROM audit_log" + event);
            st.execute("DELETE FROM certificate_pdf WHERE certificate_id IN (SELECT id FROM certificate" + event + ")");
            st.execute("DELETE FROM certificate" + event);
            st.execute("DELETE FROM number_sequence" + (eventId == null ? ""
                    : " WHERE pattern IN (SELECT number_pattern FROM event WHERE id = " + eventId + ")"));
            st.execute("DELETE FROM number_reservation");
            if (postgresql()) { // the dead rows of the last round would otherwise be scanned and vacuumed during the next
                st.execute("VACUUM ANALYZE certificate, certificate_pdf, certificate_job, certificate_job_item, audit_log, number_sequence");
            }
        }
    }
}

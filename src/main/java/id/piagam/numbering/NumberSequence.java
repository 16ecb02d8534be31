package id.piagam.numbering;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counter behind certificate numbers, one per pattern (and year, when the pattern prints it; see
 * {@link NumberPattern#counterYear}). It is taken inside the issuing
 * transaction: a certificate that fails rolls its number back with it, so numbers have no gaps, and
 * the row update serialises concurrent issuers, so they have no duplicates.
 */
@Singleton
public class NumberSequence {

    /**
     * A reservation row that is a live claim: it names a person and its bulk job is still running (the job table
     * is read here because a reservation is only as alive as the job that holds it).
     */
    private static final String LIVE = "(r.enrolment_id IS NOT NULL AND EXISTS (SELECT 1 FROM certificate_job j "
            + "WHERE j.id = r.job_id AND j.status = 'RUNNING'))";

    private final JdbcOperations jdbc;
    private final String defaultPattern;
    /** The event columns of each role's series with the default pattern of each (narasumber, moderator, panitia). */
    private final Map<String, String> roleDefaults;

    NumberSequence(JdbcOperations jdbc, @Value("${piagam.certificates.number-pattern}") String defaultPattern,
                   @Value("${piagam.certificates.number-patterns.narasumber}") String narasumberPattern,
                   @Value("${piagam.certificates.number-patterns.moderator}") String moderatorPattern,
                   @Value("${piagam.certificates.number-patterns.panitia}") String panitiaPattern) {
        this.jdbc = jdbc;
        this.defaultPattern = defaultPattern;
        this.roleDefaults = new LinkedHashMap<>();
        roleDefaults.put("narasumber_number_pattern", narasumberPattern);
        roleDefaults.put("moderator_number_pattern", moderatorPattern);
        roleDefaults.put("panitia_number_pattern", panitiaPattern);
    }

    /** The default pattern of each series: a series an event leaves blank runs on it. */
    public Map<DocumentSeries, String> defaults() {
        Map<DocumentSeries, String> defaults = new EnumMap<>(DocumentSeries.class);
        defaults.put(DocumentSeries.PESERTA, defaultPattern);
        defaults.put(DocumentSeries.NARASUMBER, roleDefaults.get("narasumber_number_pattern"));
        defaults.put(DocumentSeries.MODERATOR, roleDefaults.get("moderator_number_pattern"));
        defaults.put(DocumentSeries.PANITIA, roleDefaults.get("panitia_number_pattern"));
        return defaults;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long next(String pattern, int year) {
        return advance(pattern, year, 1);
    }

    /** Advances the series' counter by {@code step} (creating it), holding its row to the end of the transaction. */
    private long advance(String pattern, int year, int step) {
        return jdbc.prepareStatement("""
                INSERT INTO number_sequence (pattern, year, last_value) VALUES (?, ?, ?)
                ON CONFLICT (pattern, year) DO UPDATE SET last_value = number_sequence.last_value + ?
                RETURNING last_value""", (PreparedStatement ps) -> {
            ps.setString(1, pattern);
            ps.setInt(2, year);
            ps.setInt(3, step);
            ps.setInt(4, step);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * The number for a person's document, in the issuing transaction (issue #16 point 3): the person's own
     * reservation in the series if a bulk job reserved one (used up here), else the lowest free number of the
     * series, else the counter's next. Everything but the first holds the counter's row, so whoever changes the
     * free numbers or the counter goes one at a time.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long take(String pattern, int year, long enrolmentId) {
        Optional<Long> own = jdbc.prepareStatement(
                "DELETE FROM number_reservation WHERE enrolment_id = ? AND pattern = ? AND year = ? RETURNING seq", (PreparedStatement ps) -> {
                    ps.setLong(1, enrolmentId);
                    ps.setString(2, pattern);
                    ps.setInt(3, year);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                    }
                });
        if (own.isPresent()) {
            return own.get();
        }
        lock(pattern, year);
        List<Long> free = free(pattern, year, false, 1);
        if (!free.isEmpty()) {
            jdbc.prepareStatement("DELETE FROM number_reservation WHERE pattern = ? AND year = ? AND seq = ?", (PreparedStatement ps) -> {
                ps.setString(1, pattern);
                ps.setInt(2, year);
                ps.setLong(3, free.get(0));
                return ps.executeUpdate();
            });
            return free.get(0);
        }
        return next(pattern, year);
    }

    /**
     * Holds the series' counter row until the transaction ends (creating it at 0) and answers its last value: the
     * lock that serialises everyone who takes, reserves or frees numbers of the series across instances.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long lock(String pattern, int year) {
        return advance(pattern, year, 0);
    }

    /** A live reservation: a number of a series held for a person by a running bulk job. */
    public record Reservation(long enrolmentId, String pattern, int year, long value, long jobId) {
    }

    /** The live reservations of these people (those of a job no longer running count as free numbers). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Map<Long, Reservation> reservations(List<Long> enrolmentIds) {
        Map<Long, Reservation> found = new LinkedHashMap<>();
        if (enrolmentIds.isEmpty()) {
            return found;
        }
        return jdbc.prepareStatement("SELECT r.enrolment_id, r.pattern, r.year, r.seq, r.job_id FROM number_reservation r WHERE "
                + LIVE + " AND r.enrolment_id IN (" + String.join(", ", Collections.nCopies(enrolmentIds.size(), "?")) + ")",
                (PreparedStatement ps) -> {
                    for (int i = 0; i < enrolmentIds.size(); i++) {
                        ps.setLong(i + 1, enrolmentIds.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getLong(1), new Reservation(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)));
                        }
                    }
                    return found;
                });
    }

    /**
     * Reserves a number of the series for each person, for the job, in order: free numbers first (lowest first),
     * then the counter advanced once for the rest. The caller holds the counter ({@link #lock}) and has made sure
     * none of them holds a live reservation in the series.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Map<Long, Long> reserve(String pattern, int year, long jobId, List<Long> enrolmentIds) {
        Map<Long, Long> values = new LinkedHashMap<>();
        if (enrolmentIds.isEmpty()) {
            return values;
        }
        // a row left to one of them by a job that is no longer running is a free number like any other
        jdbc.prepareStatement("UPDATE number_reservation SET enrolment_id = NULL, job_id = NULL WHERE pattern = ? AND year = ? AND enrolment_id IN ("
                + String.join(", ", Collections.nCopies(enrolmentIds.size(), "?")) + ")", (PreparedStatement ps) -> {
            ps.setString(1, pattern);
            ps.setInt(2, year);
            for (int k = 0; k < enrolmentIds.size(); k++) {
                ps.setLong(k + 3, enrolmentIds.get(k));
            }
            return ps.executeUpdate();
        });
        List<Long> free = free(pattern, year, false, enrolmentIds.size());
        int i = 0;
        for (long value : free) {
            long enrolmentId = enrolmentIds.get(i++);
            jdbc.prepareStatement("UPDATE number_reservation SET enrolment_id = ?, job_id = ? WHERE pattern = ? AND year = ? AND seq = ?",
                    (PreparedStatement ps) -> {
                        ps.setLong(1, enrolmentId);
                        ps.setLong(2, jobId);
                        ps.setString(3, pattern);
                        ps.setInt(4, year);
                        ps.setLong(5, value);
                        return ps.executeUpdate();
                    });
            values.put(enrolmentId, value);
        }
        List<Long> rest = enrolmentIds.subList(i, enrolmentIds.size());
        if (rest.isEmpty()) {
            return values;
        }
        long last = advance(pattern, year, rest.size());
        jdbc.prepareStatement("INSERT INTO number_reservation (pattern, year, seq, enrolment_id, job_id) VALUES (?, ?, ?, ?, ?)",
                (PreparedStatement ps) -> {
                    long value = last - rest.size();
                    for (long enrolmentId : rest) {
                        value++;
                        ps.setString(1, pattern);
                        ps.setInt(2, year);
                        ps.setLong(3, value);
                        ps.setLong(4, enrolmentId);
                        ps.setLong(5, jobId);
                        ps.addBatch();
                        values.put(enrolmentId, value);
                    }
                    return ps.executeBatch();
                });
        return values;
    }

    /**
     * The person's reservation held by the job is given up (the commit found them no longer eligible, or refused, or
     * done by another runner). The number goes to the job's highest reservation in the series, if above it (that
     * person's certificate is then rendered again in its transaction), so the number left free is the job's last and
     * returns to the counter when the job ends; otherwise it stays free and the next number taken in the series fills
     * it. Either way the job leaves no gap behind.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void free(long enrolmentId, long jobId) {
        Optional<Reservation> given = jdbc.prepareStatement(
                "DELETE FROM number_reservation WHERE enrolment_id = ? AND job_id = ? RETURNING pattern, year, seq", (PreparedStatement ps) -> {
                    ps.setLong(1, enrolmentId);
                    ps.setLong(2, jobId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Reservation(enrolmentId, rs.getString(1), rs.getInt(2), rs.getLong(3), jobId))
                                : Optional.<Reservation>empty();
                    }
                });
        if (given.isEmpty()) {
            return;
        }
        String pattern = given.get().pattern();
        int year = given.get().year();
        long value = given.get().value();
        long top = jdbc.prepareStatement("SELECT MAX(seq) FROM number_reservation WHERE pattern = ? AND year = ? AND job_id = ?",
                (PreparedStatement ps) -> {
                    ps.setString(1, pattern);
                    ps.setInt(2, year);
                    ps.setLong(3, jobId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                });
        int moved = top <= value ? 0 : jdbc.prepareStatement(
                "UPDATE number_reservation SET seq = ? WHERE pattern = ? AND year = ? AND seq = ? AND job_id = ?", (PreparedStatement ps) -> {
                    ps.setLong(1, value);
                    ps.setString(2, pattern);
                    ps.setInt(3, year);
                    ps.setLong(4, top);
                    ps.setLong(5, jobId);
                    return ps.executeUpdate();
                });
        long freed = moved == 1 ? top : value;
        jdbc.prepareStatement("INSERT INTO number_reservation (pattern, year, seq, enrolment_id, job_id) VALUES (?, ?, ?, NULL, NULL)",
                (PreparedStatement ps) -> {
                    ps.setString(1, pattern);
                    ps.setInt(2, year);
                    ps.setLong(3, freed);
                    return ps.executeUpdate();
                });
    }

    /**
     * A job ended: what it still holds becomes free, and free numbers at the top of a series give the counter back
     * (the series' last number is then the last one used), so a finished job leaves no gap behind.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void release(long jobId) {
        jdbc.prepareStatement("UPDATE number_reservation SET enrolment_id = NULL, job_id = NULL WHERE job_id = ?", (PreparedStatement ps) -> {
            ps.setLong(1, jobId);
            return ps.executeUpdate();
        });
        List<Map.Entry<String, Integer>> series = jdbc.prepareStatement(
                "SELECT DISTINCT pattern, year FROM number_reservation WHERE enrolment_id IS NULL ORDER BY pattern, year", (PreparedStatement ps) -> {
                    List<Map.Entry<String, Integer>> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(Map.entry(rs.getString(1), rs.getInt(2)));
                        }
                    }
                    return found;
                });
        for (Map.Entry<String, Integer> s : series) {
            trim(s.getKey(), s.getValue());
        }
    }

    /** Gives the counter back the free numbers at the top of the series (under the counter's lock). */
    private void trim(String pattern, int year) {
        long last = lock(pattern, year);
        List<Long> free = free(pattern, year, true, Integer.MAX_VALUE);
        long top = last;
        for (long value : free) {
            if (value != top) {
                break;
            }
            top--;
        }
        if (top == last) {
            return;
        }
        long newLast = top;
        jdbc.prepareStatement("DELETE FROM number_reservation WHERE pattern = ? AND year = ? AND seq > ?", (PreparedStatement ps) -> {
            ps.setString(1, pattern);
            ps.setInt(2, year);
            ps.setLong(3, newLast);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE number_sequence SET last_value = ? WHERE pattern = ? AND year = ?", (PreparedStatement ps) -> {
            ps.setLong(1, newLast);
            ps.setString(2, pattern);
            ps.setInt(3, year);
            return ps.executeUpdate();
        });
    }

    /** How many numbers the job holds now (its people claimed and not yet done). */
    @Connectable
    public int reservedBy(long jobId) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM number_reservation WHERE job_id = ?", (PreparedStatement ps) -> {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * The series' free numbers, lowest first (or highest first), at most {@code count}: rows without a person, or held
     * by a job no longer running.
     */
    private List<Long> free(String pattern, int year, boolean highestFirst, int count) {
        return jdbc.prepareStatement("SELECT seq FROM number_reservation r WHERE pattern = ? AND year = ? AND NOT " + LIVE
                + " ORDER BY seq" + (highestFirst ? " DESC" : "") + " LIMIT ?", (PreparedStatement ps) -> {
            ps.setString(1, pattern);
            ps.setInt(2, year);
            ps.setInt(3, count);
            List<Long> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
            return values;
        });
    }

    /** Another pattern in use that could print the same number, and where it is used. */
    public record Collision(String pattern, Long eventId, String eventTitle) {
    }

    /**
     * The first pattern in use, other than the event's own (its pattern, or the default, with its code),
     * that could print a number the event's pattern prints: every other event's effective
     * patterns (its own or the defaults, for participants and for each role's series) with its code, the
     * defaults of each role's series, and every counter ever taken (a pattern no longer set on any event still
     * has its numbers out there).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Collision> collision(String patternText, String eventCode, Long eventId) {
        return collision(patternText, defaultPattern, eventCode, eventId);
    }

    /** As {@link #collision(String, String, Long)} for one role's series: {@code role} narasumber, moderator or panitia. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Collision> roleCollision(String role, String patternText, String eventCode, Long eventId) {
        return collision(patternText, roleDefaults.get(role + "_number_pattern"), eventCode, eventId);
    }

    private Optional<Collision> collision(String patternText, String seriesDefault, String eventCode, Long eventId) {
        NumberPattern pattern = NumberPattern.of(patternText == null || patternText.isBlank() ? seriesDefault : patternText.trim());
        Optional<String> code = Optional.ofNullable(eventCode == null || eventCode.isBlank() ? null : eventCode.trim());
        Map<String, Collision> inUse = new LinkedHashMap<>();
        Map<String, Optional<String>> codes = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT id, title, number_pattern, code, " + String.join(", ", roleDefaults.keySet())
                + " FROM event WHERE id <> ? ORDER BY id", (PreparedStatement ps) -> {
            ps.setLong(1, eventId == null ? -1 : eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> texts = new ArrayList<>();
                    texts.add(rs.getString(3) == null ? defaultPattern : rs.getString(3));
                    for (Map.Entry<String, String> role : roleDefaults.entrySet()) {
                        texts.add(rs.getString(role.getKey()) == null ? role.getValue() : rs.getString(role.getKey()));
                    }
                    for (String text : texts) {
                        Optional<String> other = text.contains("{event}") ? Optional.ofNullable(rs.getString(4)) : Optional.empty();
                        String key = text + "\u0000" + other.orElse("");
                        inUse.putIfAbsent(key, new Collision(text, rs.getLong(1), rs.getString(2)));
                        codes.putIfAbsent(key, other);
                    }
                }
            }
            return null;
        });
        // the default pattern is in use by every event that sets none, whether or not one exists yet
        Optional<String> anyCode = Optional.empty();
        List<String> defaults = new ArrayList<>(List.of(defaultPattern));
        defaults.addAll(roleDefaults.values());
        for (String text : defaults) {
            if (inUse.keySet().stream().noneMatch(k -> k.startsWith(text + "\u0000"))) {
                inUse.put(text + "\u0000?", new Collision(text, null, null));
                codes.put(text + "\u0000?", anyCode);
            }
        }
        jdbc.prepareStatement("SELECT DISTINCT pattern FROM number_sequence", (PreparedStatement ps) -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(1);
                    if (inUse.keySet().stream().noneMatch(k -> k.startsWith(text + "\u0000"))) {
                        inUse.put(text + "\u0000?", new Collision(text, null, null));
                        codes.put(text + "\u0000?", Optional.empty());
                    }
                }
            }
            return null;
        });
        Optional<String> own = pattern.needsEventCode() ? code : Optional.empty();
        for (Map.Entry<String, Collision> e : inUse.entrySet()) {
            Collision other = e.getValue();
            boolean same = other.pattern().equals(pattern.text())
                    && (!pattern.needsEventCode() || (own.isPresent() && own.equals(codes.get(e.getKey()))));
            if (!same && pattern.overlaps(own, NumberPattern.stored(other.pattern()), codes.get(e.getKey()))) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }
}

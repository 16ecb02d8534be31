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
        return jdbc.prepareStatement("""
                INSERT INTO number_sequence (pattern, year, last_value) VALUES (?, ?, 1)
                ON CONFLICT (pattern, year) DO UPDATE SET last_value = number_sequence.last_value + 1
                RETURNING last_value""", (PreparedStatement ps) -> {
            ps.setString(1, pattern);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * The last number a counter gave, as committed (0 when it never gave one): read outside the issuing
     * transaction to predict the numbers of certificates prepared ahead, never to take one.
     */
    @Connectable
    public long current(String pattern, int year) {
        return jdbc.prepareStatement("SELECT last_value FROM number_sequence WHERE pattern = ? AND year = ?", (PreparedStatement ps) -> {
            ps.setString(1, pattern);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
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

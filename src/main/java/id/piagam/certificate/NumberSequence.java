package id.piagam.certificate;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The counter behind certificate numbers, one per pattern and year. It is taken inside the issuing
 * transaction: a certificate that fails rolls its number back with it, so numbers have no gaps, and
 * the row update serialises concurrent issuers, so they have no duplicates.
 */
@Singleton
public class NumberSequence {

    private final JdbcOperations jdbc;

    NumberSequence(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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
}

package id.piagam.persistence;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, bytes that are compressed already (issued PDFs, a template's shared images, pas foto, the agency's
 * logo) are stored without a pglz attempt (storage EXTERNAL, issue #16: the attempt cost more than the write and
 * gained nothing), while the JSON snapshot keeps the default (it compresses to half).
 * Runs with {@code mvn -B -o test -Ppostgresql -Dtest=PostgresStorageTest}.
 */
@MicronautTest(transactional = false)
@EnabledIfEnvironmentVariable(named = "MICRONAUT_ENVIRONMENTS", matches = ".*postgresql.*", disabledReason = "PostgreSQL's TOAST storage")
class PostgresStorageTest {

    @Inject
    DataSource dataSource;

    @ParameterizedTest(name = "{0}.{1} is stored {2}")
    @CsvSource({
            "certificate_pdf, bytes, e",
            "pdf_resource, bytes, e",
            "participant_photo, bytes, e",
            "agency_profile, logo, e",
            "certificate, snapshot, x",
    })
    void storesCompressedBytesWithoutAnotherCompression(String table, String column, String storage) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement st = c.prepareStatement("SELECT attstorage FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = ?")) {
            st.setString(1, table);
            st.setString(2, column);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as(table + "." + column + " exists").isTrue();
                assertThat(rs.getString(1)).as(table + "." + column).isEqualTo(storage);
            }
        }
    }
}

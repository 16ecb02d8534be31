package id.piagam.participant;

import id.piagam.persistence.Row;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A person's row mapped by hand ({@link Row}), for the hot records path: every records request and every participant's
 * own page starts with it. The same row {@link ParticipantRepository#findById} gives ({@code RecordsRowsTest}); kept
 * out of the repository, which the sign-in's account provider needs while the context starts: a field injected there
 * joined a lock-ordering race of Micronaut's parallel start-up (a deadlock seen in a test run).
 */
@Singleton
public class ParticipantRows {

    /** The person's columns, in {@link #read}'s order. */
    public static final String BY_ID = """
            SELECT id, full_name, front_title, back_title, nip, nik, category, birth_place, birth_date, sex, golongan, jabatan,
              unit_kerja, instansi, email, phone, nrp, search_text, created_at, updated_at
            FROM participant WHERE id = ?""";

    private final JdbcOperations jdbc;

    ParticipantRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    public Optional<Participant> read(long id) {
        return Row.list(jdbc, BY_ID, id, r -> new Participant(r.longValue(), r.string(), r.string(), r.string(), r.string(),
                r.string(), r.enumOf(Category.class), r.string(), r.date(), r.enumOf(Sex.class), r.string(), r.string(), r.string(),
                r.string(), r.string(), r.string(), r.string(), r.string(), r.instant(), r.instant())).stream().findFirst();
    }
}

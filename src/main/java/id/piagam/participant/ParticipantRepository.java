package id.piagam.participant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ParticipantRepository extends CrudRepository<Participant, Long> {

    List<Participant> findByIdIn(Collection<Long> ids);

    Optional<Participant> findByNip(String nip);

    Optional<Participant> findByNik(String nik);

    Optional<Participant> findByNrp(String nrp);

    Optional<Participant> findByEmail(String email);

    List<Participant> findByPhone(String phone);

    @Query(value = "SELECT * FROM participant WHERE search_text LIKE :pattern ESCAPE '\\' ORDER BY full_name, id",
            countQuery = "SELECT COUNT(*) FROM participant WHERE search_text LIKE :pattern ESCAPE '\\'")
    Page<Participant> search(String pattern, Pageable pageable);

    @Query(value = "SELECT * FROM participant ORDER BY full_name, id", countQuery = "SELECT COUNT(*) FROM participant")
    Page<Participant> listAll(Pageable pageable);
}

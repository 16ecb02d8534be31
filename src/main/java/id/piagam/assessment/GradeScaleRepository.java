package id.piagam.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface GradeScaleRepository extends CrudRepository<GradeScaleRow, Long> {

    List<GradeScaleRow> findAllOrderByCodeAscAndVersionAsc();

    @Query("SELECT MAX(version) FROM grade_scale WHERE code = :code")
    Optional<Integer> findMaxVersionByCode(String code);

    @Query("SELECT * FROM grade_scale WHERE code = :code ORDER BY version DESC LIMIT 1")
    Optional<GradeScaleRow> findLatest(String code);
}

package id.piagam.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
public interface WebSessionRepository extends CrudRepository<WebSession, String> {

    @Query("UPDATE web_session SET ended_at = :at WHERE id = :id AND ended_at IS NULL")
    void end(String id, Instant at);
}

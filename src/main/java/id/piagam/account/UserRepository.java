package id.piagam.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface UserRepository extends CrudRepository<User, Long> {

    Optional<User> findByUsername(String username);

    List<User> findAllOrderByUsername();

    long countByRoleAndEnabled(Role role, boolean enabled);

    Optional<User> findByParticipantId(Long participantId);

    /** Ends every token and session issued for the account so far. */
    @Query("UPDATE app_user SET token_version = token_version + 1 WHERE id = :id")
    void revokeTokens(Long id);

    /** Keeps the language the account chose for the pages, so the person's email comes in it too. */
    @Query("UPDATE app_user SET language = :language WHERE username = :username")
    void chooseLanguage(String username, String language);

    /** Takes the language chosen before signing in, unless the account chose one already. */
    @Query("UPDATE app_user SET language = :language WHERE id = :id AND language IS NULL")
    void adoptLanguage(Long id, String language);

    /** The language the participant's account chose, if it did. */
    @Query("SELECT language FROM app_user WHERE participant_id = :participantId AND language IS NOT NULL")
    List<String> findLanguageByParticipant(Long participantId);
}

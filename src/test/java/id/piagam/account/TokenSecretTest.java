package id.piagam.account;

import id.piagam.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without PIAGAM_JWT_SECRET each start signs tokens with a fresh random secret, never a guessable default. */
class TokenSecretTest {

    private static String secret(Map<String, Object> properties) {
        try (ApplicationContext ctx = ApplicationContext.builder().properties(properties).start()) {
            return ctx.getProperty("micronaut.security.token.jwt.signatures.secret.generator.secret", String.class).orElseThrow();
        }
    }

    /** A fresh database on the engine the suite runs on. */
    private static Map<String, Object> database() {
        try {
            TestDatabase db = TestDatabase.fresh();
            Map<String, Object> p = new java.util.HashMap<>(Map.of("datasources.default.url", db.url(), "piagam.admin-password", "secret-test-admin"));
            if (db.user() != null) {
                p.put("datasources.default.username", db.user());
                p.put("datasources.default.password", db.password());
            }
            return p;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDefaultSecretIsRandomPerStartAndLongEnough() {
        String first = secret(database());
        String second = secret(database());
        assertThat(first).doesNotContain("$").doesNotContain("random");
        assertThat(java.util.Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(first).isNotEqualTo(second);
    }
}

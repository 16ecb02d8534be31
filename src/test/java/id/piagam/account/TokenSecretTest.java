package id.piagam.account;

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

    private static Map<String, Object> database() {
        return Map.of("datasources.default.url", "jdbc:sqlite:target/test-db/secret-" + System.nanoTime() + ".db",
                "piagam.admin-password", "secret-test-admin");
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

package id.piagam.account;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The secret that signs bearer tokens: {@code PIAGAM_JWT_SECRET} when set (at least 32 characters,
 * needed when several instances serve one database or tokens must survive a restart), otherwise 256
 * fresh random bits for this run.
 */
@ContextConfigurer
public class TokenSecretConfigurer implements ApplicationContextConfigurer {

    static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        String configured = System.getenv("PIAGAM_JWT_SECRET");
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("PIAGAM_JWT_SECRET must be at least 32 characters long");
            }
            builder.properties(Map.of(PROPERTY, configured));
            return;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        builder.properties(Map.of(PROPERTY, Base64.getEncoder().encodeToString(bytes)));
    }
}

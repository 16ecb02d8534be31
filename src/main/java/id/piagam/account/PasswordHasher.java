package id.piagam.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt (cost 12) through a maintained library. bcrypt reads at most 72 bytes; a longer passphrase
 * is first reduced with SHA-512 (the library's own strategy) instead of being refused or truncated.
 * A check against an unknown user still runs a full verification against a dummy hash, so a wrong
 * username takes as long as a wrong password. That hash is a constant of the same cost, made once
 * with this class: computing it at start-up took a fifth of the start's CPU (docs/startup.md).
 */
@Singleton
public class PasswordHasher {

    static final int COST = 12;
    private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);
    /** {@code hash("piagam-dummy-password")} at {@link #COST}. */
    static final String DUMMY_HASH = "$2a$12$xnSgEQnWtXVgG1.ijs437Oz75JV9PeIaZYM9V6qC1MDtJ70Ejd1gO";

    public String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2A, LONG).hashToString(COST, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG)
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the time of one verification without a real hash. */
    public void burn(String password) {
        matches(password, DUMMY_HASH);
    }
}

package id.piagam.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt (cost 12) through a maintained library. A check against an unknown user still runs
 * a full verification against a dummy hash, so a wrong username takes as long as a wrong password.
 */
@Singleton
public class PasswordHasher {

    private static final int COST = 12;
    private final String dummyHash = hash("piagam-dummy-password");

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the time of one verification without a real hash. */
    public void burn(String password) {
        matches(password, dummyHash);
    }
}

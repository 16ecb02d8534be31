package id.piagam.support;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import id.piagam.account.PasswordHasher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The test contexts hash their test accounts' passwords at bcrypt's lowest cost (4) instead of 12: every
 * HTTP test class signs in and creates accounts, and at cost 12 those hashes took about a tenth of the
 * default suite's CPU. Verification reads the cost from the hash, so sign-in is checked exactly as in
 * production. Production keeps 12: {@code PasswordHasherTest} checks the class itself, and
 * {@code SecurityApiTest} turns this replacement off ({@value #PRODUCTION_COST}) to check the stored hash.
 */
@Singleton
@Replaces(PasswordHasher.class)
@Requires(env = "test")
@Requires(property = FastPasswordHasher.PRODUCTION_COST, notEquals = "true")
public class FastPasswordHasher extends PasswordHasher {

    /** Set to {@code true} on a test class to hash at the production cost. */
    public static final String PRODUCTION_COST = "piagam.test.production-password-cost";

    private static final int COST = 4;
    private static final BCrypt.Hasher HASHER = BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    /** Burning against a hash of the same cost keeps an unknown user's sign-in as long as a known one's. */
    private final String dummyHash = hash("piagam-dummy-password");

    @Override
    public String hash(String password) {
        return HASHER.hashToString(COST, password.toCharArray());
    }

    @Override
    public void burn(String password) {
        matches(password, dummyHash);
    }
}

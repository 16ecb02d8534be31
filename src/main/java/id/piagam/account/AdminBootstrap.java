package id.piagam.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * No default password: on the first start with no accounts, the user {@code admin} is created with
 * the password from {@code PIAGAM_ADMIN_PASSWORD}, or a random one printed once to the log.
 */
@Singleton
@Order(0)
class AdminBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(UserRepository users, PasswordHasher hasher, Clock clock,
                   @Value("${piagam.admin-password:}") String configuredPassword) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        Instant now = clock.instant();
        users.save(new User(null, "admin", hasher.hash(password), Role.ADMIN, "Administrator", null, true, now, now, 0));
        if (generated) {
            LOG.warn("""

                    ============================================================
                     First start: created user 'admin' with password {}
                     It is shown only once. Sign in and change it, or set
                     PIAGAM_ADMIN_PASSWORD before the first start.
                    ============================================================""", password);
        } else {
            LOG.info("First start: created user 'admin' with the password from PIAGAM_ADMIN_PASSWORD");
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}

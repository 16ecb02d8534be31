package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The account check behind every bearer token reads the database when its cached copy is older
 * than {@code piagam.security.account-cache}: that read runs on the blocking pool, never on the event
 * loop (a slow database must not stall every connection), and a revocation made elsewhere (another
 * instance: here straight in the database, past this instance's cache) still ends the token within
 * the cache time.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.test.account-read-threads", value = "true")
@Property(name = "piagam.security.account-cache", value = "1s")
class AccountCheckOffEventLoopTest extends ApiTest {

    @Inject
    AccountReadThreads reads;
    @Inject
    UserRepository users;

    @Test
    void theAccountIsReadOffTheEventLoopAndARevocationElsewhereEndsTheTokenWithinTheCacheTime() {
        long id = admin.post("/api/users", Map.of("username", "petugas-lain", "password", "kata-sandi-petugas-8", "role", "OPERATOR")).id();
        Api token = anonymous.as(anonymous.login("petugas-lain", "kata-sandi-petugas-8"));
        reads.threads.clear();
        assertThat(token.get("/api/participants").status()).isEqualTo(200);
        assertThat(reads.threads).as("the account was read for the token").isNotEmpty();
        assertThat(reads.threads).as("threads that read the account").noneMatch(name -> name.toLowerCase().contains("eventloop"));

        // another instance signs the account out: only the database knows
        users.revokeTokens(id);
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> token.get("/api/participants").status() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(reads.threads).noneMatch(name -> name.toLowerCase().contains("eventloop"));
    }
}

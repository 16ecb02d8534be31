package id.piagam.account;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Access ends when the account's rights do: a demotion, a disable, a new password and a sign-out
 * end every bearer token and web session issued before, and the role that counts is the database's.
 * The account cache is off here, as if every change came from another instance.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.security.account-cache", value = "0s")
class TokenRevocationTest extends ApiTest {

    @Inject
    UserRepository users;

    @Value("${" + TokenSecretConfigurer.PROPERTY + "}")
    String secret;

    private long create(String username, String password, String role) {
        Api.Res r = admin.post("/api/users", Map.of("username", username, "password", password, "role", role));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    @Test
    void aDemotedAndDisabledAdminsOldTokenCanNoLongerActAsAdmin() {
        long id = create("admin.dua", "admin-dua-rahasia", "ADMIN");
        Api old = anonymous.as(anonymous.login("admin.dua", "admin-dua-rahasia"));
        assertThat(old.get("/api/users").status()).isEqualTo(200);

        assertThat(admin.put("/api/users/" + id, Map.of("role", "OPERATOR", "enabled", false)).status()).isEqualTo(200);

        long before = users.count();
        assertThat(old.post("/api/users", Map.of("username", "penyusup", "password", "penyusup-rahasia", "role", "ADMIN")).status())
                .isEqualTo(401);
        assertThat(old.put("/api/users/" + id, Map.of("role", "ADMIN", "enabled", true)).status()).isEqualTo(401);
        assertThat(users.count()).isEqualTo(before);
        User after = users.findById(id).orElseThrow();
        assertThat(after.role()).isEqualTo(Role.OPERATOR);
        assertThat(after.enabled()).isFalse();
    }

    @Test
    void aDemotionAloneEndsTheOldTokenAndANewOneCarriesTheNewRole() {
        long id = create("admin.tiga", "admin-tiga-rahasia", "ADMIN");
        Api old = anonymous.as(anonymous.login("admin.tiga", "admin-tiga-rahasia"));
        admin.put("/api/users/" + id, Map.of("role", "OPERATOR"));
        assertThat(old.get("/api/users").status()).isEqualTo(401);
        Api fresh = anonymous.as(anonymous.login("admin.tiga", "admin-tiga-rahasia"));
        assertThat(fresh.get("/api/users").status()).isEqualTo(403);
        assertThat(fresh.get("/api/events").status()).isEqualTo(200);
    }

    @Test
    void theRoleComesFromTheDatabaseNotFromTheToken() {
        long id = create("admin.empat", "admin-empat-rahasia", "ADMIN");
        Api old = anonymous.as(anonymous.login("admin.empat", "admin-empat-rahasia"));
        User u = users.findById(id).orElseThrow();
        // changed behind the service's back (another instance, a console), the token version untouched
        users.update(new User(u.id(), u.username(), u.passwordHash(), Role.OPERATOR, u.displayName(), null, true,
                u.createdAt(), u.updatedAt(), u.tokenVersion()));
        assertThat(old.get("/api/users").status()).isEqualTo(403);
        assertThat(old.get("/api/events").status()).isEqualTo(200);
    }

    @Test
    void aDisabledOperatorsTokenCannotCreateInvitations() {
        long id = create("operator.nonaktif", "lampu-merah-nonaktif", "OPERATOR");
        Api old = anonymous.as(anonymous.login("operator.nonaktif", "lampu-merah-nonaktif"));
        long person = participant(300, "Sri Wahyuni");
        assertThat(old.post("/api/participants/" + person + "/invitations", Map.of()).status()).isEqualTo(201);
        admin.put("/api/users/" + id, Map.of("enabled", false));
        assertThat(old.post("/api/participants/" + person + "/invitations", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeEndsTheOldTokenAndTheOldWebSession() {
        long id = create("operator.sandi", "sandi-lama-berkarat", "OPERATOR");
        Api old = anonymous.as(anonymous.login("operator.sandi", "sandi-lama-berkarat"));
        Browser browser = new Browser(anonymous).signIn("operator.sandi", "sandi-lama-berkarat");
        assertThat(browser.get("/peserta").status()).isEqualTo(200);

        assertThat(admin.put("/api/users/" + id, Map.of("password", "sandi-baru-berkilau")).status()).isEqualTo(200);

        assertThat(old.get("/api/events").status()).isEqualTo(401);
        Api.Res page = browser.get("/peserta");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.raw().getHeaders().get("Location")).isEqualTo("/masuk");
        assertThat(anonymous.as(anonymous.login("operator.sandi", "sandi-baru-berkilau")).get("/api/events").status()).isEqualTo(200);
    }

    @Test
    void signingOutThroughTheApiEndsEveryTokenAndSessionOfTheAccount() {
        create("operator.keluar", "pintu-keluar-timur", "OPERATOR");
        Api first = anonymous.as(anonymous.login("operator.keluar", "pintu-keluar-timur"));
        Api second = anonymous.as(anonymous.login("operator.keluar", "pintu-keluar-timur"));
        Browser browser = new Browser(anonymous).signIn("operator.keluar", "pintu-keluar-timur");

        assertThat(first.post("/logout", Map.of()).status()).isEqualTo(204);

        assertThat(first.get("/api/events").status()).isEqualTo(401);
        assertThat(second.get("/api/events").status()).isEqualTo(401);
        assertThat(browser.get("/peserta").status()).isEqualTo(303);
        assertThat(anonymous.post("/logout", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void signingOutOfThePagesEndsTheAccountsBearerTokens() {
        create("operator.halaman", "halaman-depan-hijau", "OPERATOR");
        Api token = anonymous.as(anonymous.login("operator.halaman", "halaman-depan-hijau"));
        Browser browser = new Browser(anonymous).signIn("operator.halaman", "halaman-depan-hijau");
        assertThat(browser.post("/keluar", Map.of("_csrf", browser.csrf())).status()).isEqualTo(303);
        assertThat(token.get("/api/events").status()).isEqualTo(401);
    }

    private String forged(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder adminClaims() {
        User a = users.findByUsername("admin").orElseThrow();
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("admin").issuer("piagam").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("userId", a.id()).claim("ver", a.tokenVersion())
                .claim("roles", java.util.List.of("ADMIN"));
    }

    @Test
    void tokensWithAWrongIssuerAFutureNotBeforeOrNoExpiryAreRefused() {
        // the same claims, correctly formed, are accepted: the refusals below are for the one claim changed
        assertThat(anonymous.as(forged(adminClaims())).get("/api/users").status()).isEqualTo(200);
        assertThat(anonymous.as(forged(adminClaims().issuer("elsewhere"))).get("/api/users").status()).isEqualTo(401);
        assertThat(anonymous.as(forged(adminClaims().notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))))
                .get("/api/users").status()).isEqualTo(401);
        assertThat(anonymous.as(forged(adminClaims().expirationTime(null))).get("/api/users").status()).isEqualTo(401);
        assertThat(anonymous.as(forged(adminClaims().claim("ver", null))).get("/api/users").status()).isEqualTo(401);
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpiresAndAnotherSignatureOnItsClaimsNever() {
        // BearerTokens remembers a token the framework accepted, and then checks only its expiry
        Instant expiry = Instant.now().plusSeconds(2);
        String token = forged(adminClaims().expirationTime(Date.from(expiry)));
        assertThat(anonymous.as(token).get("/api/users").status()).isEqualTo(200);
        assertThat(anonymous.as(token).get("/api/users").status()).isEqualTo(200);
        int dot = token.lastIndexOf('.');
        char c = token.charAt(dot + 5);
        String otherSignature = token.substring(0, dot + 5) + (c == 'A' ? 'B' : 'A') + token.substring(dot + 6);
        assertThat(anonymous.as(otherSignature).get("/api/users").status()).isEqualTo(401);
        // refused once its expiry (whole seconds) has passed, and not before
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> anonymous.as(token).get("/api/users").status() == 401);
        assertThat(Instant.now().getEpochSecond()).isGreaterThanOrEqualTo(expiry.getEpochSecond());
    }

    @Test
    void anAccessTokenLastsAnHour() {
        Api.Res r = anonymous.post("/login", Map.of("username", "admin", "password", "test-admin-secret"));
        assertThat(((Number) r.get("expires_in")).intValue()).isEqualTo(3600);
    }
}

package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import org.jsoup.Jsoup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
/** Account rules the probe found missing: one account per participant, invitations, passwords. */
class AccountRulesTest extends ApiTest {

    @Inject
    UserRepository users;

    @Test
    void aSecondAccountForTheSameParticipantIsAConflictNamingTheFirst() {
        long person = participant(410, "Rina Marlina");
        Api.Res first = admin.post("/api/users", Map.of("username", "rina", "password", "rina-rahasia-123", "role", "PARTICIPANT",
                "participantId", person));
        assertThat(first.status()).isEqualTo(201);
        long before = users.count();

        Api.Res second = admin.post("/api/users", Map.of("username", "rina.dua", "password", "rina-rahasia-456", "role", "PARTICIPANT",
                "participantId", person));

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.get("type")).isEqualTo("https://piagam.id/problems/duplicate-participant-account");
        assertThat(((Number) second.get("existingId")).longValue()).isEqualTo(first.id());
        assertThat(second.errorFields()).containsExactly("participantId");
        assertThat(users.count()).isEqualTo(before);
    }

    private String link(long person) {
        Api.Res r = operator.post("/api/participants/" + person + "/invitations", Map.of());
        assertThat(r.status()).isEqualTo(201);
        return URI.create((String) r.get("url")).getPath();
    }

    private Api.Res accept(String link, String password) {
        Browser browser = new Browser(anonymous);
        Api.Res form = browser.get(link);
        // a link that shows no form is posted to anyway, with a token of the sender's own (double-submit)
        String csrf = form.status() == 200 ? Jsoup.parse(form.body()).selectFirst("input[name=_csrf]").val() : "x".repeat(43);
        browser.cookie("piagam_csrf", csrf);
        return browser.post(link, Map.of("_csrf", csrf, "password", password, "repeat", password));
    }

    @Test
    void usingOneInvitationEndsThePersonsOtherOpenInvitations() {
        long person = participant(420, "Yusuf Maulana");
        String older = link(person);
        String newer = link(person);
        assertThat(accept(newer, "yusuf-rahasia-123").status()).isEqualTo(303);

        assertThat(new Browser(anonymous).get(older).status()).isEqualTo(410);
        assertThat(accept(older, "penyerang-rahasia-1").status()).isEqualTo(410);
        assertThat(anonymous.post("/login", Map.of("username", "orang420@contoh.go.id", "password", "yusuf-rahasia-123")).status())
                .isEqualTo(200);
    }

    @Test
    void anInvitationNeverEnablesADisabledAccount() {
        long person = participant(430, "Fitri Handayani");
        assertThat(accept(link(person), "fitri-rahasia-123").status()).isEqualTo(303);
        User account = users.findByParticipantId(person).orElseThrow();
        assertThat(admin.put("/api/users/" + account.id(), Map.of("enabled", false)).status()).isEqualTo(200);
        String hash = users.findById(account.id()).orElseThrow().passwordHash();

        String later = link(person);
        assertThat(new Browser(anonymous).get(later).status()).isEqualTo(410);
        assertThat(accept(later, "fitri-rahasia-456").status()).isEqualTo(410);

        User after = users.findById(account.id()).orElseThrow();
        assertThat(after.enabled()).isFalse();
        assertThat(after.passwordHash()).isEqualTo(hash);
        assertThat(anonymous.post("/login", Map.of("username", "orang430@contoh.go.id", "password", "fitri-rahasia-456")).status())
                .isEqualTo(401);
    }

    @Test
    void commonPatternedAndPersonalPasswordsAreRefusedWithTheFieldNamed() {
        long before = users.count();
        for (String[] c : new String[][]{{"admin.lemah", "aaaaaaaaaa", "password.pattern"}, {"admin.urut", "1234567890", "password.common"},
                {"operator1", "operator1operator1", "password.pattern"}, {"sekretariat", "sekretariat2026", "password.personal"},
                {"admin.umum", "Password123!", "password.common"}}) {
            Api.Res r = admin.post("/api/users", Map.of("username", c[0], "password", c[1], "role", "ADMIN"));
            assertThat(r.status()).as(c[1]).isEqualTo(400);
            assertThat(r.errors()).as(c[1]).singleElement().satisfies(e -> {
                assertThat(e.get("field")).isEqualTo("password");
                assertThat(e.get("code")).isEqualTo(c[2]);
            });
        }
        assertThat(users.count()).isEqualTo(before);
        long operatorId = users.findByUsername("operator").orElseThrow().id();
        assertThat(admin.put("/api/users/" + operatorId, Map.of("password", "qwertyuiop")).errorFields()).containsExactly("password");

        long person = participant(440, "Wahyu Hidayat");
        String nip = (String) operator.get("/api/participants/" + person).get("nip");
        Api.Res weak = accept(link(person), nip);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(Jsoup.parse(weak.body()).selectFirst("#password-error").text()).contains("NIP");
        assertThat(users.findByParticipantId(person)).isEmpty();
    }
}

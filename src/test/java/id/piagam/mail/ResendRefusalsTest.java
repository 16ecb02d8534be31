package id.piagam.mail;

import id.piagam.account.Invitation;
import id.piagam.account.InvitationRepository;
import id.piagam.account.Invitations;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resend only what is still true: an "issued" email for a certificate since revoked or replaced by a
 * reissue, or an invitation already used or expired, is refused with what to do instead, and nothing
 * is queued.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResendRefusalsTest extends ApiTest implements TestPropertyProvider {

    private ScriptedSmtpServer smtp;

    @Inject
    OutboxRepository outbox;
    @Inject
    Invitations invitations;
    @Inject
    InvitationRepository invitationRows;

    @Override
    public Map<String, String> getProperties() {
        smtp = ScriptedSmtpServer.refusing(Map.of());
        return smtp.mailProperties();
    }

    @AfterAll
    void stopSmtp() throws IOException {
        smtp.close();
    }

    private List<OutboxMessage> rows(long participantId) {
        return outbox.findByParticipantIdOrderByIdDesc(participantId);
    }

    private OutboxMessage sent(long participantId, OutboxMessage.Kind kind) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> rows(participantId).stream()
                .filter(m -> m.kind() == kind && m.status() == OutboxMessage.Status.SENT).findFirst().orElse(null), m -> m != null);
    }

    private Api.Res resend(Browser staff, OutboxMessage m) {
        return staff.post("/surel/" + m.id() + "/kirim-ulang", Map.of("_csrf", staff.csrf(), "dari", "peserta"));
    }

    @Test
    void anIssuedEmailForACertificateSinceRevokedOrReissuedIsNotSentAgain() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long ayu = s.attending(2301, "Ayu Wulandari");
        long bayu = s.attending(2302, "Bayu Pratama");
        Api.Res ayuCertificate = s.issue(ayu);
        Api.Res bayuCertificate = s.issue(bayu);
        assertThat(ayuCertificate.status()).isEqualTo(201);
        OutboxMessage ayuIssued = sent(ayu, OutboxMessage.Kind.CERTIFICATE_ISSUED);
        OutboxMessage bayuIssued = sent(bayu, OutboxMessage.Kind.CERTIFICATE_ISSUED);
        assertThat(admin.post("/api/certificates/" + ayuCertificate.get("id") + "/revoke", Map.of("reason", "data palsu")).status())
                .isEqualTo(200);
        assertThat(admin.post("/api/certificates/" + bayuCertificate.get("id") + "/reissue", Map.of("reason", "salah ketik nama")).status())
                .isBetween(200, 201);
        OutboxMessage bayuReissued = sent(bayu, OutboxMessage.Kind.CERTIFICATE_REISSUED);
        sent(ayu, OutboxMessage.Kind.CERTIFICATE_REVOKED);
        int ayuRows = rows(ayu).size();
        int bayuRows = rows(bayu).size();
        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Api.Res revoked = resend(staff, ayuIssued);
        assertThat(revoked.status()).isEqualTo(422);
        assertThat(Jsoup.parse(revoked.body()).text()).contains("Sertifikat " + ayuCertificate.get("number") + " sudah dicabut")
                .contains("Tidak ada email yang diantrekan");
        assertThat(rows(ayu)).as("nothing queued").hasSize(ayuRows);

        Api.Res superseded = resend(staff, bayuIssued);
        assertThat(superseded.status()).isEqualTo(422);
        assertThat(Jsoup.parse(superseded.body()).text()).contains("Sertifikat " + bayuCertificate.get("number") + " sudah diganti")
                .contains("email sertifikat penggantinya");
        assertThat(rows(bayu)).as("nothing queued").hasSize(bayuRows);

        // the reissue's own email still holds, and goes again
        assertThat(resend(staff, bayuReissued).status()).isEqualTo(303);
        assertThat(rows(bayu)).hasSize(bayuRows + 1);
    }

    @Test
    void anInvitationAlreadyUsedOrExpiredIsNotSentAgainAndTheRefusalPointsToANewInvitation() {
        long dewi = participant(2311, "Dewi Anggraini");
        long eko = participant(2312, "Eko Susanto");
        String url = (String) operator.post("/api/participants/" + dewi + "/invitations", Map.of()).get("url");
        assertThat(operator.post("/api/participants/" + eko + "/invitations", Map.of()).status()).isEqualTo(201);
        OutboxMessage dewiInvitation = sent(dewi, OutboxMessage.Kind.INVITATION);
        OutboxMessage ekoInvitation = sent(eko, OutboxMessage.Kind.INVITATION);
        invitations.accept(url.substring(url.lastIndexOf('/') + 1), "Bintang-Laut-2026!x", "Bintang-Laut-2026!x");
        Invitation ekos = invitationRows.findById(ekoInvitation.invitationId()).orElseThrow();
        invitationRows.update(new Invitation(ekos.id(), ekos.participantId(), ekos.createdBy(), ekos.createdAt(),
                Instant.now().minus(Duration.ofHours(1)), null));
        int dewiRows = rows(dewi).size();
        int ekoRows = rows(eko).size();
        long dewiInvitations = invitationRows.count();
        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Api.Res used = resend(staff, dewiInvitation);
        assertThat(used.status()).isEqualTo(422);
        assertThat(Jsoup.parse(used.body()).text()).contains("Undangan ini sudah dipakai").contains("buat tautan undangan baru");
        OutboxMessage reminder = rows(dewi).stream().filter(m -> m.kind() == OutboxMessage.Kind.INVITATION_REMINDER).findFirst().orElseThrow();
        assertThat(resend(staff, reminder).status()).as("nor its reminder").isEqualTo(422);

        Api.Res expired = resend(staff, ekoInvitation);
        assertThat(expired.status()).isEqualTo(422);
        assertThat(Jsoup.parse(expired.body()).text()).contains("Undangan ini sudah kedaluwarsa").contains("Buat tautan undangan baru");

        assertThat(rows(dewi)).as("nothing queued").hasSize(dewiRows);
        assertThat(rows(eko)).as("nothing queued").hasSize(ekoRows);
        assertThat(invitationRows.count()).as("no new invitation").isEqualTo(dewiInvitations);
    }
}

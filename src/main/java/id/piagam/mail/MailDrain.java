package id.piagam.mail;

import id.piagam.account.Invitation;
import id.piagam.account.InvitationRepository;
import id.piagam.certificate.Certificate;
import id.piagam.certificate.CertificatePdf;
import id.piagam.certificate.CertificatePdfRepository;
import id.piagam.certificate.CertificateRepository;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the outbox in the background. Each message is claimed in the database just before it is sent
 * (a conditional UPDATE that only one instance can win), so with several instances each message is sent
 * by one of them, and the row records which ({@code sent_by}). An instance has one message in flight at
 * a time: killed while sending, it leaves that one claimed; the claim lapses after
 * {@code piagam.mail.claim-lapse} (five minutes) and the message goes again with the same Message-ID, so
 * a crash costs at most one duplicate per message in flight and never loses one. At most
 * {@code piagam.mail.per-minute} messages leave per minute across instances; a temporary failure (4xx)
 * is retried later with back-off, a permanent one (5xx) ends FAILED with the server's reply, and a
 * recipient refused at RCPT marks the address as bouncing.
 */
@Singleton
class MailDrain {

    private static final Logger LOG = LoggerFactory.getLogger(MailDrain.class);
    private static final int RECORD_ATTEMPTS = 10;

    private final OutboxRepository outbox;
    private final MailSettings settings;
    private final SmtpMailer mailer;
    private final CertificatePdfRepository pdfs;
    private final CertificateRepository certificates;
    private final InvitationRepository invitations;
    private final Clock clock;
    /** This instance, as the outbox records it: the process id (to find its log) and a random part. */
    private final String instance = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean running = new AtomicBoolean();

    MailDrain(OutboxRepository outbox, MailSettings settings, SmtpMailer mailer, CertificatePdfRepository pdfs,
              CertificateRepository certificates, InvitationRepository invitations, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.mailer = mailer;
        this.pdfs = pdfs;
        this.certificates = certificates;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${piagam.mail.poll:2s}", initialDelay = "${piagam.mail.poll:2s}")
    void drain() {
        if (!settings.enabled() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = clock.instant();
            int allowed = (int) (settings.perMinute() - outbox.countSentSince(now.minus(Duration.ofMinutes(1))));
            if (allowed <= 0) {
                return;
            }
            for (OutboxMessage m : outbox.findDue(now, allowed)) {
                Instant at = clock.instant();
                if (outbox.claim(m.id(), instance, at, at.plus(settings.claimLapse())) != 1) {
                    continue;
                }
                // the limit holds across instances: what left in the last minute and what is in flight now, this
                // claim included; two instances claiming at once may both give theirs back, never both send
                if (outbox.countLeaving(at.minus(Duration.ofMinutes(1)), at) > settings.perMinute()) {
                    outbox.release(m.id(), instance);
                    return;
                }
                deliver(m);
            }
        } catch (RuntimeException e) {
            LOG.error("Sending the outbox stopped; it resumes at the next round", e);
        } finally {
            running.set(false);
        }
    }

    private void deliver(OutboxMessage m) {
        if (m.kind() == OutboxMessage.Kind.INVITATION_REMINDER && !stillOpen(m.invitationId())) {
            outbox.end(m.id(), OutboxMessage.Status.CANCELLED, 0, null, false);
            return;
        }
        SmtpMailer.Result r = mailer.send(m, attachment(m));
        if (r.sent()) {
            recordSent(m.id());
            return;
        }
        int attempts = m.attempts() + 1;
        if (DeliveryPolicy.after(r.replyCode(), attempts, settings.maxAttempts()) == DeliveryPolicy.Outcome.RETRY) {
            LOG.warn("Email {} to {}: temporary failure ({}), attempt {}", m.id(), m.recipient(), r.reply(), attempts);
            outbox.retry(m.id(), clock.instant().plus(DeliveryPolicy.backOff(attempts)), r.reply());
        } else {
            LOG.warn("Email {} to {} failed: {}", m.id(), m.recipient(), r.reply());
            outbox.end(m.id(), OutboxMessage.Status.FAILED, 1, r.reply(), r.bounced());
        }
    }

    /**
     * Records a message the server accepted. The write is tried again while the database is busy (a bulk
     * issue holds it): left unrecorded, the claim would lapse and the person would get the email twice.
     */
    private void recordSent(Long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                outbox.sent(id, clock.instant(), instance);
                return;
            } catch (DataAccessException e) {
                if (attempt == RECORD_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Email {} was sent; recording it failed ({}), trying again", id, e.getMessage());
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private boolean stillOpen(String invitationId) {
        Instant now = clock.instant();
        return invitationId != null && invitations.findById(invitationId)
                .filter(i -> i.open(now)).isPresent();
    }

    private SmtpMailer.Attachment attachment(OutboxMessage m) {
        if (m.certificateId() == null) {
            return null;
        }
        String number = certificates.findById(m.certificateId()).map(Certificate::number).orElse("sertifikat");
        return pdfs.findById(m.certificateId()).map(CertificatePdf::bytes)
                .map(bytes -> new SmtpMailer.Attachment(number.replaceAll("[^A-Za-z0-9.-]+", "_") + ".pdf", "application/pdf", bytes))
                .orElse(null);
    }
}

package id.piagam.mail;

import id.piagam.account.AccountLanguages;
import id.piagam.account.Invitations;
import id.piagam.agency.Agency;
import id.piagam.certificate.Certificate;
import id.piagam.certificate.CertificateEvent;
import id.piagam.certificate.CertificateRepository;
import id.piagam.certificate.VerifyLinks;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRepository;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.rules.DomainRefusal;
import id.piagam.text.Bahasa;
import id.piagam.web.BaseUrl;
import id.piagam.web.Html;
import id.piagam.web.Messages;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes an email into the outbox in the same transaction as what it announces: the listeners run
 * synchronously inside the transaction that created the invitation or issued, reissued or revoked the
 * certificate, so the message commits with it or not at all. The message is rendered here (an
 * invitation's link exists in clear only now), in the language the person's account chose (Bahasa
 * Indonesia unless English was chosen: {@link AccountLanguages}), as plain text and HTML.
 */
@Singleton
public class Outbox {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final OutboxRepository outbox;
    private final MailSettings settings;
    private final Messages messages;
    private final ParticipantRepository participants;
    private final EventService events;
    private final VerifyLinks links;
    private final BaseUrl baseUrl;
    private final Agency agency;
    private final CertificateRepository certificates;
    private final AccountLanguages languages;
    private final Clock clock;

    Outbox(OutboxRepository outbox, MailSettings settings, Messages messages, ParticipantRepository participants, EventService events,
           VerifyLinks links, BaseUrl baseUrl, Agency agency, CertificateRepository certificates, AccountLanguages languages, Clock clock) {
        this.certificates = certificates;
        this.languages = languages;
        this.outbox = outbox;
        this.settings = settings;
        this.messages = messages;
        this.participants = participants;
        this.events = events;
        this.links = links;
        this.baseUrl = baseUrl;
        this.agency = agency;
        this.clock = clock;
    }

    /** The invitation email, and its reminder, due later, sent only if the link is still unused then. */
    @EventListener
    void onInvitation(Invitations.Created created) {
        Invitations.Sent sent = created.sent();
        if (!settings.enabled() || unreachable(sent.participantId(), sent.email())) {
            return;
        }
        Locale locale = languages.of(sent.participantId());
        String expires = Bahasa.longDate(LocalDate.ofInstant(sent.expiresAt(), JAKARTA), locale);
        Instant now = clock.instant();
        enqueue(OutboxMessage.Kind.INVITATION, sent.participantId(), null, null, created.invitationId(), sent.email(), locale,
                sent.name(), "mail.invitation.subject", List.of(), List.of(text(locale, "mail.invitation.body", sent.url(), expires)),
                sent.url(), now);
        Instant remind = now.plus(settings.reminderAfter());
        if (remind.isBefore(sent.expiresAt())) {
            enqueue(OutboxMessage.Kind.INVITATION_REMINDER, sent.participantId(), null, null, created.invitationId(), sent.email(), locale,
                    sent.name(), "mail.reminder.subject", List.of(), List.of(text(locale, "mail.reminder.body", sent.url(), expires)),
                    sent.url(), remind);
        }
    }

    @EventListener
    void onCertificate(CertificateEvent e) {
        if (!settings.enabled()) {
            return; // no mail configured: nothing more to do inside the issuing transaction
        }
        Certificate c = e.certificate();
        Participant p = participants.findById(c.participantId()).orElse(null);
        if (p == null || unreachable(p.id(), p.email())) {
            return;
        }
        Locale locale = languages.of(p.id());
        Event event = events.get(c.eventId());
        String title = event.title();
        String kind = messages.label(locale, c.kind(), event.kind());
        String verify = links.verifyUrl(c.verificationCode());
        List<String> paragraphs = new ArrayList<>();
        OutboxMessage.Kind mailKind;
        String subject;
        switch (e.type()) {
            case ISSUED -> {
                mailKind = OutboxMessage.Kind.CERTIFICATE_ISSUED;
                subject = "mail.issued.subject";
                paragraphs.add(text(locale, "mail.issued.body", kind, title, c.number()));
            }
            case REISSUED -> {
                mailKind = OutboxMessage.Kind.CERTIFICATE_REISSUED;
                subject = "mail.reissued.subject";
                paragraphs.add(text(locale, "mail.reissued.body", kind, title, e.previousNumber(), c.number()));
            }
            default -> {
                mailKind = OutboxMessage.Kind.CERTIFICATE_REVOKED;
                subject = "mail.revoked.subject";
                paragraphs.add(text(locale, "mail.revoked.body", kind, title, c.number()));
                if (e.reason() != null && !e.reason().isBlank()) {
                    paragraphs.add(text(locale, "mail.revoked.reason", e.reason()));
                }
            }
        }
        paragraphs.add(text(locale, "mail.certificate.verify", verify));
        if (e.type() != CertificateEvent.Type.REVOKED) {
            paragraphs.add(settings.attachPdf() ? text(locale, "mail.certificate.attached")
                    : text(locale, "mail.certificate.linked", baseUrl.get() + "/saya"));
        }
        Long attachment = e.type() != CertificateEvent.Type.REVOKED && settings.attachPdf() ? c.id() : null;
        enqueue(mailKind, p.id(), c.eventId(), attachment, null, p.email(), locale, p.printedName(), subject, List.of(c.number()),
                paragraphs, verify, clock.instant());
    }

    private void enqueue(OutboxMessage.Kind kind, Long participantId, Long eventId, Long certificateId, String invitationId, String to,
                         Locale locale, String name, String subjectCode, List<?> subjectArgs, List<String> paragraphs, String link,
                         Instant due) {
        List<String> all = new ArrayList<>();
        all.add(text(locale, "mail.greeting", name));
        all.addAll(paragraphs);
        all.add(text(locale, "mail.footer", agency.name().isEmpty() ? "Piagam" : agency.name()));
        String plain = String.join("\n\n", all);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"></head><body>");
        for (String paragraph : all) {
            String escaped = Html.escape(paragraph).replace("\n", "<br>");
            String href = Html.escape(link);
            html.append("<p>").append(escaped.replace(href, "<a href=\"" + href + "\">" + href + "</a>")).append("</p>");
        }
        html.append("</body></html>");
        Instant now = clock.instant();
        outbox.save(new OutboxMessage(null, messageId(), kind, participantId, eventId, certificateId, invitationId, to.trim(),
                messages.get(locale, subjectCode, subjectArgs), plain, html.toString(), OutboxMessage.Status.PENDING, 0, due, null, null,
                null, false, now, null, null));
    }

    /** A stable Message-ID, kept with the row: a message sent again after a crash carries the same one. */
    private String messageId() {
        String from = settings.from();
        return "<" + UUID.randomUUID() + "@" + from.substring(from.indexOf('@') + 1) + ">";
    }

    private String text(Locale locale, String code, Object... args) {
        return messages.get(locale, code, List.of(args));
    }

    /**
     * A certificate notice written again from the certificate as it stands (the sent body was purged), to
     * the person's present address.
     */
    void again(OutboxMessage sent) {
        Certificate c = certificates.findById(sent.certificateId()).orElseThrow(() -> DomainRefusal.notFound("entity.certificate",
                sent.certificateId()));
        switch (sent.kind()) {
            case CERTIFICATE_ISSUED -> onCertificate(new CertificateEvent(CertificateEvent.Type.ISSUED, c, null, null));
            case CERTIFICATE_REISSUED -> onCertificate(new CertificateEvent(CertificateEvent.Type.REISSUED, c,
                    c.supersedesId() == null ? null : certificates.findById(c.supersedesId()).map(Certificate::number).orElse(null), null));
            default -> onCertificate(new CertificateEvent(CertificateEvent.Type.REVOKED, c, null, c.revokeReason()));
        }
    }

    /** No address, or the address the person has was refused for good: the secretariat sends by hand. */
    private boolean unreachable(Long participantId, String email) {
        return blank(email) || outbox.findBouncedRecipients(participantId).stream().anyMatch(r -> r.equalsIgnoreCase(email.trim()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

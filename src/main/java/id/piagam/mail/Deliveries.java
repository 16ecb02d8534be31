package id.piagam.mail;

import id.piagam.participant.Category;
import id.piagam.account.Invitation;
import id.piagam.account.InvitationRepository;
import id.piagam.account.Invitations;
import id.piagam.certificate.Certificate;
import id.piagam.certificate.CertificateRepository;
import id.piagam.certificate.CertificateStatus;
import id.piagam.certificate.VerifyLinks;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRepository;
import id.piagam.programme.EventService;
import id.piagam.rules.DomainRefusal;
import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the secretariat sees of email (issue #15): each message to a person (what, when, its state and
 * the server's reply), the event's certificate mail progress, and who must be reached by hand: a person
 * without an address, or whose address bounced, gets no email, so the secretariat sends their links
 * itself. A bounce marks the address the person has now; correcting it clears the mark.
 */
@Singleton
public class Deliveries {

    /** The kinds that announce a certificate, counted in an event's mail progress. */
    static final Set<OutboxMessage.Kind> CERTIFICATE_KINDS = EnumSet.of(OutboxMessage.Kind.CERTIFICATE_ISSUED,
            OutboxMessage.Kind.CERTIFICATE_REISSUED, OutboxMessage.Kind.CERTIFICATE_REVOKED);

    /** An event's certificate messages by state. */
    public record Progress(long sent, long pending, long failed) {

        public long total() {
            return sent + pending + failed;
        }
    }

    /** One message as the delivery list shows it: what, to whom, when written and sent (WIB), its state and the server's reply. */
    public record Line(Long id, Long participantId, String name, OutboxMessage.Kind kind, String recipient, String written, String sent,
                       OutboxMessage.Status status, String reply, boolean bounced) {

        /** Whether the Resend button is offered: not for a reminder that was cancelled because the link was used. */
        public boolean resendable() {
            return status != OutboxMessage.Status.CANCELLED;
        }
    }

    /** A person the secretariat reaches by hand, with their certificates' verification links. */
    public record Manual(Long participantId, String name, String nip, Category category, String nik, String phone, String email,
                         boolean bouncing, List<String> links) {

        /** The number a secretary tells people apart by: the NIP (a PPPK's NI PPPK), else the NIK. */
        public String identity() {
            return Category.numberLine(nip, category, nik);
        }
    }

    private final OutboxRepository outbox;
    private final Outbox writer;
    private final MailSettings settings;
    private final ParticipantRepository participants;
    private final EnrolmentRepository enrolments;
    private final CertificateRepository certificates;
    private final EventService events;
    private final VerifyLinks links;
    private final Invitations invitations;
    private final InvitationRepository invitationRows;
    private final Clock clock;

    Deliveries(OutboxRepository outbox, Outbox writer, MailSettings settings, ParticipantRepository participants, EnrolmentRepository enrolments,
               CertificateRepository certificates, EventService events, VerifyLinks links, Invitations invitations,
               InvitationRepository invitationRows, Clock clock) {
        this.outbox = outbox;
        this.writer = writer;
        this.settings = settings;
        this.participants = participants;
        this.enrolments = enrolments;
        this.certificates = certificates;
        this.events = events;
        this.links = links;
        this.invitations = invitations;
        this.invitationRows = invitationRows;
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The event's peserta (not facilitators or committee), in the order of the printed names. */
    List<Enrolment> peserta(long eventId) {
        events.get(eventId);
        return enrolments.findByEventIdOrderByPrintedName(eventId).stream().filter(e -> e.role() == EnrolmentRole.PESERTA).toList();
    }

    /** Every message to the event's people about this event, and their invitations, newest first. */
    List<OutboxMessage> forEvent(long eventId, List<Enrolment> peserta) {
        List<Long> ids = peserta.stream().map(Enrolment::participantId).toList();
        return ids.isEmpty() ? List.of() : outbox.findByParticipantIdInOrderByIdDesc(ids).stream()
                .filter(m -> m.eventId() == null || m.eventId() == eventId).toList();
    }

    List<OutboxMessage> forParticipant(long participantId) {
        return outbox.findByParticipantIdOrderByIdDesc(participantId);
    }

    /** The messages as lines, each named by its person. */
    List<Line> lines(List<OutboxMessage> messages, Map<Long, String> names) {
        ZoneId zone = clock.getZone();
        return messages.stream().map(m -> new Line(m.id(), m.participantId(), names.getOrDefault(m.participantId(), ""), m.kind(),
                m.recipient(), Bahasa.timestampWithZone(m.createdAt(), zone),
                m.sentAt() == null ? "" : Bahasa.timestampWithZone(m.sentAt(), zone), m.status(),
                m.lastError() == null ? "" : m.lastError(), m.bounced())).toList();
    }

    /** The event's certificate messages (issued, reissued, revoked) by state: the mail side of a bulk issue. */
    public Progress progress(long eventId) {
        List<OutboxMessage> mine = outbox.findByEventIdOrderByIdDesc(eventId).stream().filter(m -> CERTIFICATE_KINDS.contains(m.kind())).toList();
        return new Progress(count(mine, OutboxMessage.Status.SENT), count(mine, OutboxMessage.Status.PENDING),
                count(mine, OutboxMessage.Status.FAILED));
    }

    private static long count(List<OutboxMessage> messages, OutboxMessage.Status status) {
        return messages.stream().filter(m -> m.status() == status).count();
    }

    /** Whether the person's present address was refused for good by a mail server. */
    public boolean bouncing(Participant p) {
        return !blank(p.email()) && bouncing(p, outbox.findBouncedRecipients(p.id()));
    }

    private static boolean bouncing(Participant p, Collection<String> refused) {
        return !blank(p.email()) && refused.stream().anyMatch(r -> r.equalsIgnoreCase(p.email().trim()));
    }

    /** The event's peserta no email reaches: no address, or one that bounced (or, without SMTP, everyone). */
    List<Manual> manual(long eventId, List<Enrolment> peserta) {
        List<Long> ids = peserta.stream().map(Enrolment::participantId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> refused = outbox.findByBouncedTrueAndParticipantIdIn(ids).stream()
                .collect(Collectors.groupingBy(OutboxMessage::participantId, Collectors.mapping(OutboxMessage::recipient, Collectors.toList())));
        Map<Long, List<String>> verify = certificates.findByEventIdOrderByNumber(eventId).stream()
                .filter(c -> c.status() == CertificateStatus.VALID)
                .collect(Collectors.groupingBy(Certificate::participantId,
                        Collectors.mapping(c -> links.verifyUrl(c.verificationCode()), Collectors.toList())));
        Map<Long, Participant> people = participants.findByIdIn(ids).stream().collect(Collectors.toMap(Participant::id, Function.identity()));
        return peserta.stream().map(e -> people.get(e.participantId())).filter(p -> p != null)
                .filter(p -> !settings.enabled() || blank(p.email()) || bouncing(p, refused.getOrDefault(p.id(), List.of())))
                .map(p -> new Manual(p.id(), p.printedName(), p.nip(), p.category(), p.nik(), p.phone(), p.email(),
                        bouncing(p, refused.getOrDefault(p.id(), List.of())), verify.getOrDefault(p.id(), List.of())))
                .toList();
    }

    /** New invitation links for the event's people no email reaches, to send by hand (shown once, like every link). */
    @Transactional
    public List<Invitations.Sent> inviteManual(long eventId, String by) {
        List<Enrolment> peserta = peserta(eventId);
        return manual(eventId, peserta).stream().map(m -> invitations.invite(m.participantId(), by)).toList();
    }

    /**
     * Sends a message again to the person's present address: a waiting one leaves at the next round; an
     * invitation comes as a new link (the old one was only ever in the sent email); a certificate notice
     * is written again from the certificate. Refused when email is off or no address reaches the person,
     * and when what it announced no longer holds: an "issued" notice for a certificate since revoked or
     * replaced by a reissue, or an invitation already used or expired (a new invitation is the way then).
     */
    @Transactional
    public OutboxMessage resend(long messageId, String by) {
        OutboxMessage m = outbox.findById(messageId).orElseThrow(() -> DomainRefusal.notFound("entity.mail", messageId));
        if (!settings.enabled()) {
            throw DomainRefusal.rule("mail-off", "mail.off", List.of());
        }
        Participant p = m.participantId() == null ? null : participants.findById(m.participantId()).orElse(null);
        if (p == null || blank(p.email()) || bouncing(p)) {
            throw DomainRefusal.rule("mail-unreachable", "mail.unreachable", List.of(FieldProblem.of("email", "mail.unreachable")));
        }
        refuseOutdated(m);
        if (m.status() == OutboxMessage.Status.PENDING && m.recipient().equalsIgnoreCase(p.email().trim())) {
            outbox.dueNow(m.id(), clock.instant());
        } else if (m.kind() == OutboxMessage.Kind.INVITATION || m.kind() == OutboxMessage.Kind.INVITATION_REMINDER) {
            invitations.invite(p.id(), by);
        } else {
            writer.again(m);
        }
        return m;
    }

    /** A notice whose news no longer holds is not sent again: nothing is queued, and the refusal says what to do instead. */
    private void refuseOutdated(OutboxMessage m) {
        switch (m.kind()) {
            case CERTIFICATE_ISSUED, CERTIFICATE_REISSUED -> {
                Certificate c = certificates.findById(m.certificateId())
                        .orElseThrow(() -> DomainRefusal.notFound("entity.certificate", m.certificateId()));
                if (c.status() == CertificateStatus.REVOKED) {
                    throw DomainRefusal.rule("mail-certificate-revoked", "mail.resend.revoked", List.of(), c.number());
                }
                if (c.status() == CertificateStatus.SUPERSEDED) {
                    throw DomainRefusal.rule("mail-certificate-superseded", "mail.resend.superseded", List.of(), c.number());
                }
            }
            case INVITATION, INVITATION_REMINDER -> {
                Invitation i = m.invitationId() == null ? null : invitationRows.findById(m.invitationId()).orElse(null);
                if (i != null && i.usedAt() != null) {
                    throw DomainRefusal.rule("mail-invitation-used", "mail.resend.invitationUsed", List.of());
                }
                if (i != null && !i.open(clock.instant())) {
                    throw DomainRefusal.rule("mail-invitation-expired", "mail.resend.invitationExpired", List.of(),
                            Bahasa.timestampWithZone(i.expiresAt(), clock.getZone()));
                }
            }
            default -> {
                // a revocation notice stays true: it may go again
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}

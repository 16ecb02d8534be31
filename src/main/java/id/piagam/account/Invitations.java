package id.piagam.account;

import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRepository;
import id.piagam.programme.EventService;
import id.piagam.validation.FieldProblem;
import id.piagam.rules.DomainRefusal;
import id.piagam.web.BaseUrl;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Participants get access without the secretariat handing out passwords: the secretariat creates an
 * invitation link, the participant opens it once and sets a password, then signs in with NIP, NIK or
 * email. A new invitation does not cancel an older unused one, but using one ends all the person's
 * others; a disabled account's invitations lead nowhere (only an administrator enables it again).
 */
@Singleton
public class Invitations {

    /** A created invitation: the link to send (shown once) and when it expires. */
    @Serdeable
    public record Sent(Long participantId, String name, String nip, String email, String url, Instant expiresAt) {
    }

    /**
     * Published synchronously inside the transaction that created the invitation: the only moment its
     * link is known in clear, so a listener (the mail outbox) keeps what it needs in that transaction.
     */
    public record Created(String invitationId, Sent sent) {
    }

    private final InvitationRepository invitations;
    private final ParticipantRepository participants;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration lifetime;
    private final BaseUrl baseUrl;
    private final EnrolmentRepository enrolments;
    private final EventService events;
    private final CurrentAccounts accounts;
    private final ApplicationEventPublisher<Created> published;

    Invitations(ApplicationEventPublisher<Created> published, CurrentAccounts accounts, InvitationRepository invitations, ParticipantRepository participants, UserRepository users, PasswordHasher hasher,
                Clock clock, @Value("${piagam.invitations.lifetime:14d}") Duration lifetime, BaseUrl baseUrl,
                EnrolmentRepository enrolments, EventService events) {
        this.published = published;
        this.accounts = accounts;
        this.enrolments = enrolments;
        this.events = events;
        this.invitations = invitations;
        this.participants = participants;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.lifetime = lifetime;
        this.baseUrl = baseUrl;
    }

    @Transactional
    public Sent invite(long participantId, String by) {
        Participant p = participants.findById(participantId).orElseThrow(() -> DomainRefusal.notFound("entity.participant", participantId));
        String token = WebSessions.random();
        Instant now = clock.instant();
        Invitation i = invitations.save(new Invitation(WebSessions.hash(token), p.id(), by, now, now.plus(lifetime), null));
        Sent sent = new Sent(p.id(), p.printedName(), p.nip(), p.email(), baseUrl.get() + "/undangan/" + token, i.expiresAt());
        published.publishEvent(new Created(i.id(), sent));
        return sent;
    }

    /** A link for every peserta of the event (not facilitators or committee), as a list to send. */
    @Transactional
    public List<Sent> inviteAll(long eventId, String by) {
        events.get(eventId);
        return enrolments.findByEventIdOrderByPrintedName(eventId).stream().filter(e -> e.role() == EnrolmentRole.PESERTA)
                .map(e -> invite(e.participantId(), by)).toList();
    }

    /** The participant an unused, unexpired invitation is for. */
    public Optional<Participant> open(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return invitations.findById(WebSessions.hash(token)).filter(i -> i.usedAt() == null && i.expiresAt().isAfter(now))
                .flatMap(i -> participants.findById(i.participantId()))
                // a disabled account stays disabled: no invitation enables it again
                .filter(p -> users.findByParticipantId(p.id()).map(User::enabled).orElse(true));
    }

    /**
     * Uses the invitation: sets (or resets) the participant's password, ends their other open
     * invitations and every older session and token, and returns the account.
     */
    @Transactional
    public User accept(String token, String password, String repeat) {
        Participant p = open(token).orElseThrow(Invitations::gone);
        if (password == null || password.length() < 10 || password.length() > 200) {
            throw DomainRefusal.invalid(FieldProblem.of("password", "jakarta.validation.constraints.Size.message", 10, 200));
        }
        PasswordPolicy.problem(password, Arrays.asList(p.nip(), p.nik(), p.email(), p.fullName())).ifPresent(code -> {
            throw DomainRefusal.invalid(FieldProblem.of("password", code));
        });
        if (!password.equals(repeat)) {
            throw DomainRefusal.invalid(FieldProblem.of("repeat", "invitation.mismatch"));
        }
        Instant now = clock.instant();
        if (invitations.use(WebSessions.hash(token), now) != 1) {
            throw gone();
        }
        // one invitation used ends the person's other open ones
        invitations.endOpen(p.id(), now);
        return users.findByParticipantId(p.id())
                .map(u -> {
                    accounts.evict(u.id());
                    return users.update(new User(u.id(), u.username(), hasher.hash(password), u.role(), u.displayName(), u.participantId(),
                        u.enabled(), u.createdAt(), now, u.tokenVersion() + 1));
                })
                .orElseGet(() -> users.save(new User(null, "peserta-" + p.id(), hasher.hash(password), Role.PARTICIPANT, p.printedName(),
                        p.id(), true, now, now, 0)));
    }

    private static DomainRefusal gone() {
        return new DomainRefusal(DomainRefusal.Kind.GONE, "invitation-expired", "problem.invitationExpired", List.of(),
                List.of(), null);
    }
}

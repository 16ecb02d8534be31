package id.piagam.account;

import id.piagam.participant.ParticipantRepository;
import id.piagam.validation.FieldProblem;
import id.piagam.rules.DomainRefusal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rules of account administration, for the API and the admin page alike: user names are unique
 * (case-insensitive); a participant account belongs to an existing participant and only to one;
 * staff and participant accounts do not change into each other; the last active administrator
 * cannot be demoted or disabled; a password is not a common, patterned or personal one.
 */
@Singleton
class UserAdmin {

    private final UserRepository users;
    private final ParticipantRepository participants;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final CurrentAccounts accounts;

    UserAdmin(UserRepository users, ParticipantRepository participants, PasswordHasher hasher, Clock clock, CurrentAccounts accounts) {
        this.accounts = accounts;
        this.users = users;
        this.participants = participants;
        this.hasher = hasher;
        this.clock = clock;
    }

    List<User> list() {
        return users.findAllOrderByUsername();
    }

    User get(long id) {
        return users.findById(id).orElseThrow(() -> DomainRefusal.notFound("entity.user", id));
    }

    @Transactional
    User create(UserRequests.CreateUser request) {
        String username = request.username().toLowerCase(Locale.ROOT);
        users.findByUsername(username).ifPresent(u -> {
            throw DomainRefusal.conflict("duplicate-user", "problem.duplicateUser", u.id(), FieldProblem.of("username", "duplicate.username"));
        });
        if (request.role() == Role.PARTICIPANT) {
            if (request.participantId() == null || !participants.existsById(request.participantId())) {
                throw DomainRefusal.invalid(FieldProblem.of("participantId", "user.participantRequired"));
            }
            users.findByParticipantId(request.participantId()).ifPresent(u -> {
                throw DomainRefusal.conflict("duplicate-participant-account", "problem.duplicateParticipantAccount", u.id(),
                        FieldProblem.of("participantId", "duplicate.participantAccount"));
            });
        } else if (request.participantId() != null) {
            throw DomainRefusal.invalid(FieldProblem.of("participantId", "user.participantOnlyForParticipant"));
        }
        acceptablePassword(request.password(), username, request.displayName());
        Instant now = clock.instant();
        return users.save(new User(null, username, hasher.hash(request.password()), request.role(),
                request.displayName(), request.participantId(), true, now, now, 0));
    }

    @Transactional
    User update(long id, UserRequests.UpdateUser request) {
        User u = get(id);
        if (request.role() != null && (request.role() == Role.PARTICIPANT) != (u.role() == Role.PARTICIPANT)) {
            throw DomainRefusal.invalid(FieldProblem.of("role", "user.roleChangeParticipant"));
        }
        boolean staysActiveAdmin = (request.role() == null || request.role() == Role.ADMIN)
                && (request.enabled() == null || request.enabled());
        if (u.role() == Role.ADMIN && u.enabled() && !staysActiveAdmin && users.countByRoleAndEnabled(Role.ADMIN, true) <= 1) {
            throw DomainRefusal.conflict("last-admin", "problem.lastAdmin", u.id());
        }
        if (request.password() != null) {
            acceptablePassword(request.password(), u.username(), u.displayName());
        }
        Role role = request.role() == null ? u.role() : request.role();
        boolean enabled = request.enabled() == null ? u.enabled() : request.enabled();
        // a new role, a disable or a new password ends every token and session issued before
        boolean revoke = role != u.role() || enabled != u.enabled() || request.password() != null;
        accounts.evict(u.id());
        return users.update(new User(u.id(), u.username(),
                request.password() == null ? u.passwordHash() : hasher.hash(request.password()), role,
                request.displayName() == null ? u.displayName() : request.displayName(), u.participantId(),
                enabled, u.createdAt(), clock.instant(), revoke ? u.tokenVersion() + 1 : u.tokenVersion()));
    }

    /** Refuses a common, trivially patterned or personal password ({@link PasswordPolicy}). */
    private static void acceptablePassword(String password, String username, String displayName) {
        PasswordPolicy.problem(password, Arrays.asList(username, displayName)).ifPresent(code -> {
            throw DomainRefusal.invalid(FieldProblem.of("password", code));
        });
    }
}

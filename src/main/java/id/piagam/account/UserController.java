package id.piagam.account;

import id.piagam.validation.FieldProblem;
import id.piagam.participant.ParticipantRepository;
import id.piagam.web.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Staff and participant accounts; administrators only. */
@Controller("/api/users")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
class UserController {

    private final UserRepository users;
    private final ParticipantRepository participants;
    private final PasswordHasher hasher;
    private final Clock clock;

    UserController(UserRepository users, ParticipantRepository participants, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.participants = participants;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Get
    List<UserRequests.UserView> list() {
        return users.findAllOrderByUsername().stream().map(UserRequests.UserView::of).toList();
    }

    @Post
    @Transactional
    HttpResponse<UserRequests.UserView> create(@Body @Valid UserRequests.CreateUser request) {
        String username = request.username().toLowerCase(Locale.ROOT);
        users.findByUsername(username).ifPresent(u -> {
            throw ProblemException.conflict("duplicate-user", "problem.duplicateUser", u.id(), FieldProblem.of("username", "duplicate.username"));
        });
        if (request.role() == Role.PARTICIPANT) {
            if (request.participantId() == null || !participants.existsById(request.participantId())) {
                throw ProblemException.invalid(FieldProblem.of("participantId", "user.participantRequired"));
            }
        } else if (request.participantId() != null) {
            throw ProblemException.invalid(FieldProblem.of("participantId", "user.participantOnlyForParticipant"));
        }
        Instant now = clock.instant();
        User saved = users.save(new User(null, username, hasher.hash(request.password()), request.role(),
                request.displayName(), request.participantId(), true, now, now));
        return HttpResponse.created(UserRequests.UserView.of(saved), URI.create("/api/users/" + saved.id()));
    }

    @Put("/{id}")
    @Transactional
    UserRequests.UserView update(long id, @Body @Valid UserRequests.UpdateUser request) {
        User u = users.findById(id).orElseThrow(() -> ProblemException.notFound("entity.user", id));
        if (request.role() != null && (request.role() == Role.PARTICIPANT) != (u.role() == Role.PARTICIPANT)) {
            throw ProblemException.invalid(FieldProblem.of("role", "user.roleChangeParticipant"));
        }
        boolean staysActiveAdmin = (request.role() == null || request.role() == Role.ADMIN)
                && (request.enabled() == null || request.enabled());
        if (u.role() == Role.ADMIN && u.enabled() && !staysActiveAdmin && users.countByRoleAndEnabled(Role.ADMIN, true) <= 1) {
            throw ProblemException.conflict("last-admin", "problem.lastAdmin", u.id());
        }
        User updated = new User(u.id(), u.username(),
                request.password() == null ? u.passwordHash() : hasher.hash(request.password()),
                request.role() == null ? u.role() : request.role(),
                request.displayName() == null ? u.displayName() : request.displayName(), u.participantId(),
                request.enabled() == null ? u.enabled() : request.enabled(), u.createdAt(), clock.instant());
        return UserRequests.UserView.of(users.update(updated));
    }
}

package id.piagam.account;

import id.piagam.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Invitation links for participants: one person, or every peserta of an event as a list to send. */
@Controller
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    /** A one-time link (shown once) for the participant to set a password; expires after 14 days. */
    @Post("/api/participants/{id}/invitations")
    HttpResponse<Invitations.Sent> invite(long id, Authentication auth) {
        return HttpResponse.status(HttpStatus.CREATED).body(invitations.invite(id, auth.getName()));
    }

    /** A link for every peserta of the event, as a list to send (name, email, link). */
    @Post("/api/events/{eventId}/invitations")
    List<Invitations.Sent> inviteEvent(long eventId, Authentication auth) {
        return invitations.inviteAll(eventId, auth.getName());
    }
}

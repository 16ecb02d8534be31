package id.piagam.participant;

import id.piagam.account.Roles;
import id.piagam.web.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Controller("/api/participants/{id}/records")
@Secured({Roles.ADMIN, Roles.OPERATOR, Roles.PARTICIPANT})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Participants")
class ParticipantRecordsController {

    private final ParticipantRepository participants;
    private final ParticipantRecords records;

    ParticipantRecordsController(ParticipantRepository participants, ParticipantRecords records) {
        this.participants = participants;
        this.records = records;
    }

    /** Every event joined, with JP, attendance, result and JP totals per year. A participant sees only their own. */
    @Get
    ParticipantRecords.Records get(long id, Authentication auth) {
        if (auth.getRoles().contains(Roles.PARTICIPANT) && !isOwn(auth, id)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.http.403", List.of(), List.of(), null);
        }
        Participant p = participants.findById(id).orElseThrow(() -> ProblemException.notFound("entity.participant", id));
        return records.of(p);
    }

    private static boolean isOwn(Authentication auth, long id) {
        Object own = auth.getAttributes().get(Roles.PARTICIPANT_ID_ATTRIBUTE);
        return own instanceof Number n && n.longValue() == id;
    }
}

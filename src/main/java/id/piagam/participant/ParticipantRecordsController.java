package id.piagam.participant;

import id.piagam.account.Roles;
import id.piagam.web.ProblemException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;


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
        if (!Roles.mayRead(auth, id)) {
            throw ProblemException.forbidden("problem.http.403");
        }
        Participant p = participants.findById(id).orElseThrow(() -> ProblemException.notFound("entity.participant", id));
        return records.of(p);
    }
}

package id.piagam.records;

import id.piagam.rules.DomainRefusal;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRows;
import id.piagam.security.Roles;
import id.piagam.web.Downloads;
import id.piagam.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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

    private final ParticipantRows participants;
    private final ParticipantRecords records;
    private final Transcripts transcripts;
    private final Messages messages;

    ParticipantRecordsController(ParticipantRows participants, ParticipantRecords records, Transcripts transcripts, Messages messages) {
        this.participants = participants;
        this.records = records;
        this.transcripts = transcripts;
        this.messages = messages;
    }

    /** Every event joined, with JP, attendance, result and JP totals per year. A participant sees only their own. */
    @Get
    ParticipantRecords.Records get(long id, HttpRequest<?> request, Authentication auth) {
        return records.of(readable(id, auth), messages.locale(request));
    }

    /** The same records as a transcript PDF, in the requester's language. */
    @Get(value = "/transcript.pdf", produces = MediaType.APPLICATION_PDF)
    HttpResponse<byte[]> transcript(long id, HttpRequest<?> request, Authentication auth) {
        Participant p = readable(id, auth);
        return HttpResponse.ok(transcripts.of(p, messages.locale(request))).contentType(MediaType.APPLICATION_PDF_TYPE)
                .header("Content-Disposition", Downloads.attachment(Downloads.transcriptFileName(p.printedName())));
    }

    private Participant readable(long id, Authentication auth) {
        if (!Roles.mayRead(auth, id)) {
            throw DomainRefusal.forbidden("problem.http.403");
        }
        return participants.read(id).orElseThrow(() -> DomainRefusal.notFound("entity.participant", id));
    }
}

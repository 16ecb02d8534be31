package id.piagam.records;

import id.piagam.rules.DomainRefusal;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRows;
import id.piagam.security.Roles;
import id.piagam.certificate.Certificate;
import id.piagam.certificate.CertificatePdfRepository;
import id.piagam.certificate.CertificateRepository;
import id.piagam.web.Downloads;
import id.piagam.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.Locale;
import java.util.Map;

/**
 * "Riwayat pelatihan saya": a participant's trainings across all events, JP per year against the
 * 20 JP target, and their certificates to download. Only ever their own: another person's
 * certificate id answers 404, as if it did not exist.
 */
@Controller("/saya")
@Secured(Roles.PARTICIPANT)
@ExecuteOn(TaskExecutors.BLOCKING)
class MyRecordsPage {

    private final ParticipantRows participants;
    private final ParticipantRecords records;
    private final CertificateRepository certificates;
    private final CertificatePdfRepository pdfs;
    private final Pages pages;
    private final Transcripts transcripts;

    MyRecordsPage(ParticipantRows participants, ParticipantRecords records, CertificateRepository certificates,
                  CertificatePdfRepository pdfs, Pages pages, Transcripts transcripts) {
        this.transcripts = transcripts;
        this.participants = participants;
        this.records = records;
        this.certificates = certificates;
        this.pages = pages;
        this.pdfs = pdfs;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, Authentication auth) {
        Participant me = participants.read(own(auth)).orElseThrow(() -> DomainRefusal.notFound("entity.participant", own(auth)));
        Locale reader = pages.locale(request);
        ParticipantRecords.Records mine = records.of(me, reader);
        Map<String, Object> model = pages.model(request, auth);
        model.put("me", me);
        // the header names the person, not the account ("peserta-31")
        model.put("user", me.printedName());
        RecordsView.put(model, mine, "/saya/sertifikat/", reader);
        return HttpResponse.ok(new ModelAndView<>("saya", model));
    }

    @Get(value = "/sertifikat/{id}", produces = MediaType.APPLICATION_PDF)
    HttpResponse<byte[]> certificate(long id, Authentication auth) {
        Certificate c = certificates.findById(id).filter(x -> x.participantId().equals(own(auth)))
                .orElseThrow(() -> DomainRefusal.notFound("entity.certificate", id));
        return HttpResponse.ok(pdfs.find(c).orElseThrow().bytes()).contentType(MediaType.APPLICATION_PDF_TYPE)
                .header("Content-Disposition", Downloads.attachment(Downloads.certificateFileName(c.holderName(), c.number())));
    }

    /** Every training in one PDF, in the reader's language. */
    @Get(value = "/transkrip.pdf", produces = MediaType.APPLICATION_PDF)
    HttpResponse<byte[]> transcript(HttpRequest<?> request, Authentication auth) {
        Participant me = participants.read(own(auth)).orElseThrow(() -> DomainRefusal.notFound("entity.participant", own(auth)));
        return HttpResponse.ok(transcripts.of(me, pages.locale(request))).contentType(MediaType.APPLICATION_PDF_TYPE)
                .header("Content-Disposition", Downloads.attachment(Downloads.transcriptFileName(me.printedName())));
    }

    private static long own(Authentication auth) {
        return Roles.ownParticipant(auth).orElseThrow();
    }
}

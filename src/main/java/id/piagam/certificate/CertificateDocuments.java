package id.piagam.certificate;

import id.piagam.agency.Agency;
import id.piagam.enrolment.Enrolment;
import id.piagam.participant.ParticipantPhoto;
import id.piagam.participant.ParticipantPhotoRepository;
import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateFields;
import id.piagam.rendering.TemplateModel;
import id.piagam.signing.DocumentSigner;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints one certificate: its content with the agency's letterhead and the verification link, rendered
 * with the template that serves its kind, and signed with the agency's key when one is configured.
 * Nothing is stored here; {@link NewCertificates} stores what this prints.
 */
@Singleton
class CertificateDocuments {

    /** A printed certificate: what was printed (the snapshot), with which template, and the (signed) PDF. */
    record Printed(RenderInput input, TemplateModel template, DocumentSigner.Signed signed) {
    }

    private final TemplateLookup templates;
    private final VerifyLinks links;
    private final DocumentSigner signer;
    private final Agency agency;
    private final ParticipantPhotoRepository photos;

    CertificateDocuments(TemplateLookup templates, VerifyLinks links, DocumentSigner signer, Agency agency, ParticipantPhotoRepository photos) {
        this.templates = templates;
        this.links = links;
        this.signer = signer;
        this.agency = agency;
        this.photos = photos;
    }

    /** What a certificate will print (its snapshot) and with which template: read from the database, not yet rendered. */
    record Content(RenderInput input, TemplateModel template) {

        /** Whether the other content prints the same document: the same template, equal input. */
        boolean printsAs(Content other) {
            return template.name().equals(other.template.name()) && template.contentHash().equals(other.template.contentHash())
                    && input.printsAs(other.input);
        }
    }

    Content content(EnrolmentOutcome outcome, String eventTemplate, CertificateContent.Issue issue, String verificationCode) {
        return content(outcome, eventTemplate, issue, verificationCode, agency.letterhead(),
                photos.findFrozenFor(outcome.enrolment().id()).map(ParticipantPhoto::bytes).orElse(null));
    }

    /**
     * What the certificates of a batch of one event's enrolments print besides their facts, read once for all of them
     * (the bulk job's planner, and its commit under the enrolments' locks): the letterhead, and the photo each
     * enrolment froze.
     */
    record Sources(Agency.Letterhead letterhead, Map<Long, byte[]> photoByEnrolment) {
    }

    /** The {@link Sources} of these enrolments of one event: two queries for the whole batch. */
    Sources sources(List<Enrolment> list) {
        // one enrolment per person in an event, so the person's id tells whose enrolment froze the photo
        Map<Long, byte[]> byParticipant = photos.findFrozenForAll(list.stream().map(Enrolment::id).toList()).stream()
                .collect(Collectors.toMap(ParticipantPhoto::participantId, ParticipantPhoto::bytes));
        Map<Long, byte[]> byEnrolment = new HashMap<>();
        for (Enrolment en : list) {
            byte[] photo = byParticipant.get(en.participantId());
            if (photo != null) {
                byEnrolment.put(en.id(), photo);
            }
        }
        return new Sources(agency.letterhead(), byEnrolment);
    }

    /** {@link #content} with the letterhead and the enrolment's photo read for its whole batch. */
    Content content(EnrolmentOutcome outcome, String eventTemplate, CertificateContent.Issue issue, String verificationCode,
                    Sources sources) {
        return content(outcome, eventTemplate, issue, verificationCode, sources.letterhead(),
                sources.photoByEnrolment().get(outcome.enrolment().id()));
    }

    private Content content(EnrolmentOutcome outcome, String eventTemplate, CertificateContent.Issue issue, String verificationCode,
                            Agency.Letterhead letterhead, byte[] photo) {
        TemplateModel template = templates.forKind(eventTemplate, issue.kind());
        RenderInput input = letterhead.onto(CertificateContent.build(outcome.event(), outcome.sessions(), outcome.enrolment(), outcome,
                issue.withVerifyUrl(links.verifyUrl(verificationCode))))
                .with(Map.of(), photo == null ? Map.of() : Map.of(TemplateFields.PARTICIPANT_PHOTO, photo));
        return new Content(input, template);
    }

    /** Renders and signs the content; no database work, so it may run outside any transaction. */
    Printed render(Content content) {
        RenderInput input = content.input();
        RenderInput printed = signer.enabled() ? input.signedWith(signer.statement()) : input;
        return new Printed(input, content.template(), signer.sign(templates.render(content.template(), printed)));
    }
}

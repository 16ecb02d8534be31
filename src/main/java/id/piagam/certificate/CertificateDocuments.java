package id.piagam.certificate;

import id.piagam.agency.Agency;
import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateModel;
import id.piagam.signing.DocumentSigner;
import jakarta.inject.Singleton;

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

    CertificateDocuments(TemplateLookup templates, VerifyLinks links, DocumentSigner signer, Agency agency) {
        this.templates = templates;
        this.links = links;
        this.signer = signer;
        this.agency = agency;
    }

    Printed print(EnrolmentOutcome outcome, String eventTemplate, CertificateContent.Issue issue, String verificationCode) {
        TemplateModel template = templates.forKind(eventTemplate, issue.kind());
        RenderInput input = agency.onto(CertificateContent.build(outcome.event(), outcome.sessions(), outcome.enrolment(), outcome,
                issue.withVerifyUrl(links.verifyUrl(verificationCode))));
        RenderInput printed = signer.enabled() ? input.signedWith(signer.statement()) : input;
        return new Printed(input, template, signer.sign(templates.render(template, printed)));
    }
}

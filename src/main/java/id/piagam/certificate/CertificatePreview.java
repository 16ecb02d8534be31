package id.piagam.certificate;

import id.piagam.agency.Agency;
import id.piagam.rendering.TemplateModel;
import jakarta.inject.Singleton;

import java.util.Arrays;

/** A template rendered with sample data, so an administrator sees it before any certificate uses it; nothing is stored. */
@Singleton
public class CertificatePreview {

    private final TemplateLookup templates;
    private final VerifyLinks links;

    private final Agency agency;

    CertificatePreview(TemplateLookup templates, VerifyLinks links, Agency agency) {
        this.agency = agency;
        this.templates = templates;
        this.links = links;
    }

    /** Renders a template with sample data, without storing anything. */
    public byte[] preview(String templateName) {
        TemplateModel template = templates.template(templateName);
        // the first kind the template prints, the participant's certificates first
        CertificateKind kind = Arrays.stream(CertificateKind.values()).filter(k -> template.kinds().contains(k.name()))
                .findFirst().orElse(CertificateKind.ATTENDANCE);
        return templates.render(template, agency.onto(SampleCertificate.input(kind, links.verifyUrl("CONTOH-KODE-VERIFIKASI"))));
    }
}

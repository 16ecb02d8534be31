package id.piagam.certificate;

import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateCatalogue;
import id.piagam.rendering.TemplateModel;
import id.piagam.rendering.UnprintableTextException;
import id.piagam.validation.FieldProblem;
import id.piagam.rules.DomainRefusal;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Which template prints a certificate (the event's own when it serves the kind, else the default for
 * the kind), and rendering with it; a missing or broken template, or a text the font cannot draw, is
 * a refusal, never a half-printed PDF.
 */
@Singleton
class TemplateLookup {

    private final TemplateCatalogue templates;
    private final Map<CertificateKind, String> defaultTemplates;

    TemplateLookup(TemplateCatalogue templates,
                   @Value("${piagam.certificates.templates.competency}") String competencyTemplate,
                   @Value("${piagam.certificates.templates.attendance}") String attendanceTemplate,
                   @Value("${piagam.certificates.templates.narasumber}") String narasumberTemplate,
                   @Value("${piagam.certificates.templates.moderator}") String moderatorTemplate,
                   @Value("${piagam.certificates.templates.panitia}") String panitiaTemplate) {
        this.templates = templates;
        this.defaultTemplates = Map.of(CertificateKind.COMPETENCY, competencyTemplate, CertificateKind.ATTENDANCE, attendanceTemplate,
                CertificateKind.NARASUMBER, narasumberTemplate, CertificateKind.MODERATOR, moderatorTemplate,
                CertificateKind.PANITIA, panitiaTemplate);
    }

    /** The template for a certificate of this kind: the event's, if it names one that prints the kind, else the default. */
    TemplateModel forKind(String eventTemplate, CertificateKind kind) {
        return template(eventTemplate != null && templateServes(eventTemplate, kind) ? eventTemplate : defaultTemplates.get(kind));
    }

    private boolean templateServes(String name, CertificateKind kind) {
        return templates.find(name).flatMap(TemplateCatalogue.Entry::model).map(m -> m.kinds().contains(kind.name())).orElse(false);
    }

    TemplateModel template(String name) {
        TemplateCatalogue.Entry entry = templates.find(name)
                .orElseThrow(() -> DomainRefusal.rule("template-unavailable", "problem.templateMissing", List.of(), name));
        return entry.model().orElseThrow(() -> DomainRefusal.rule("template-unavailable", "problem.templateBroken", List.of(),
                name, entry.error().orElse("")));
    }

    byte[] render(TemplateModel template, RenderInput input) {
        try {
            return templates.renderer().render(template, input);
        } catch (UnprintableTextException e) {
            throw DomainRefusal.rule("unprintable-text", "problem.unprintable",
                    List.of(FieldProblem.of(e.element(), "certificate.unprintable", e.getMessage())), e.text());
        }
    }
}

package id.piagam.records;

import id.piagam.participant.Category;
import id.piagam.participant.Golongan;
import id.piagam.participant.Nip;
import id.piagam.participant.Participant;
import id.piagam.agency.Agency;
import id.piagam.certificate.CertificateKind;
import id.piagam.certificate.CertificateStatus;
import id.piagam.rendering.TemplateCatalogue;
import id.piagam.rendering.TranscriptPdf;
import id.piagam.text.Bahasa;
import id.piagam.web.Messages;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A participant's transcript as a PDF: the records of {@link ParticipantRecords} under the agency's
 * letterhead ({@link Agency}), with the person's identity, in the reader's words (dates stay
 * Indonesian, as on every document). A transcript is not a certificate and has no verification page
 * of its own: each certificate listed carries the QR code of its own verification page, so a reader
 * checks the trainings that matter to them there, and the document says so. The fonts are the
 * templates folder's shared DejaVu Serif.
 */
@Singleton
public class Transcripts {

    private final ParticipantRecords records;
    private final TemplateCatalogue templates;
    private final Messages messages;
    private final Agency agency;
    private final Clock clock;
    private volatile TranscriptPdf pdf;

    Transcripts(ParticipantRecords records, TemplateCatalogue templates, Messages messages, Agency agency, Clock clock) {
        this.records = records;
        this.templates = templates;
        this.messages = messages;
        this.agency = agency;
        this.clock = clock;
    }

    public byte[] of(Participant p, Locale locale) {
        ParticipantRecords.Records r = records.of(p, locale);
        List<TranscriptPdf.Row> rows = new ArrayList<>();
        for (ParticipantRecords.EventRecord e : r.events()) {
            rows.add(new TranscriptPdf.Row(rows.size() + 1 + ".", messages.label(locale, e.kind()), e.title(), e.organiser(),
                    Bahasa.dateRange(e.startDate(), e.endDate()), String.valueOf(e.totalJp()), result(e, locale),
                    e.certificates().stream().map(c -> new TranscriptPdf.Certificate(c.number(),
                            c.status() == CertificateStatus.VALID ? "" : messages.label(locale, c.status()), c.verifyUrl())).toList()));
        }
        List<TranscriptPdf.YearRow> years = r.totalsPerYear().stream().map(y -> new TranscriptPdf.YearRow(String.valueOf(y.year()),
                String.valueOf(y.jp()), text(locale, "mine.status." + y.status(), y.gap()))).toList();
        int total = r.totalsPerYear().stream().mapToInt(ParticipantRecords.YearTotal::jp).sum();
        LocalDate today = LocalDate.now(clock);
        String printed = agency.place().isEmpty() ? text(locale, "transcript.printedOn", Bahasa.longDate(today))
                : agency.place() + ", " + Bahasa.longDate(today);
        TranscriptPdf.Input input = new TranscriptPdf.Input(
                new TranscriptPdf.Letterhead(agency.name(), agency.address().lines().toList(), agency.logo().map(Agency.Logo::bytes).orElse(null)),
                text(locale, "transcript.title").toUpperCase(locale), p.printedName(), identity(p, locale),
                List.of(text(locale, "transcript.no"), text(locale, "mine.trainings"), text(locale, "home.dates"), text(locale, "mine.jp"),
                        text(locale, "mine.result"), text(locale, "mine.certificates")),
                rows, text(locale, "mine.none"), text(locale, "mine.perYear"),
                List.of(text(locale, "mine.year"), text(locale, "transcript.creditedJp"), text(locale, "mine.standing")), years,
                text(locale, "transcript.total"), String.valueOf(total),
                text(locale, "mine.rule." + r.jpRule().kind(), r.jpRule().jp() == null ? 0 : r.jpRule().jp()),
                text(locale, "transcript.check"), printed, text(locale, "transcript.page"));
        return renderer().render(input);
    }

    /** Who the transcript is about, as an HR office files them: name with titles, the identity number, category, rank, post and employer. */
    private List<TranscriptPdf.Field> identity(Participant p, Locale locale) {
        List<TranscriptPdf.Field> fields = new ArrayList<>();
        fields.add(new TranscriptPdf.Field(text(locale, "transcript.name"), p.printedName()));
        if (p.nip() != null) {
            fields.add(new TranscriptPdf.Field(Category.nipLabel(p.category()), Nip.grouped(p.nip())));
        } else if (p.nrp() != null) {
            fields.add(new TranscriptPdf.Field("NRP", p.nrp()));
        }
        if (p.nip() == null && p.nik() != null) {
            fields.add(new TranscriptPdf.Field("NIK", p.nik()));
        }
        fields.add(new TranscriptPdf.Field(text(locale, "field.category"), messages.label(locale, p.category())));
        if (p.golongan() != null) {
            fields.add(new TranscriptPdf.Field(text(locale, "transcript.rank"),
                    Golongan.pangkat(p.category(), p.golongan()).map(k -> k + " (" + p.golongan() + ")").orElse(p.golongan())));
        }
        optional(fields, text(locale, "field.jabatan"), p.jabatan());
        optional(fields, text(locale, "field.unitKerja"), p.unitKerja());
        optional(fields, text(locale, "field.instansi"), p.instansi());
        return fields;
    }

    private static void optional(List<TranscriptPdf.Field> fields, String label, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(new TranscriptPdf.Field(label, value));
        }
    }

    /** The same words as the records on the pages: "Lulus — Memuaskan", "Selesai (kehadiran)", or why not. */
    private String result(ParticipantRecords.EventRecord e, Locale locale) {
        if (!e.completed()) {
            return String.join("; ", e.reasons());
        }
        if (e.certificateKind() == CertificateKind.COMPETENCY) {
            return e.kualifikasi() == null ? text(locale, "records.passed") : text(locale, "records.passedWith", e.kualifikasi());
        }
        return text(locale, "records.attended");
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.get(locale, key, List.of(args));
    }

    private TranscriptPdf renderer() {
        if (pdf == null) {
            pdf = new TranscriptPdf(templates.sharedFile("fonts/DejaVuSerif.ttf"), templates.sharedFile("fonts/DejaVuSerif-Bold.ttf"));
        }
        return pdf;
    }
}

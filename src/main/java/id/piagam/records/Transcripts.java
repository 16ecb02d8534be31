package id.piagam.records;

import id.piagam.participant.Nip;
import id.piagam.participant.Participant;
import id.piagam.rendering.TemplateCatalogue;
import id.piagam.rendering.TranscriptPdf;
import id.piagam.text.Bahasa;
import id.piagam.web.Messages;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A participant's transcript as a PDF: the records of {@link ParticipantRecords} in a table, in the
 * reader's language. The fonts are the templates folder's shared DejaVu Serif.
 */
@Singleton
public class Transcripts {

    private final ParticipantRecords records;
    private final TemplateCatalogue templates;
    private final Messages messages;
    private final Clock clock;
    private volatile TranscriptPdf pdf;

    Transcripts(ParticipantRecords records, TemplateCatalogue templates, Messages messages, Clock clock) {
        this.records = records;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    public byte[] of(Participant p, Locale locale) {
        ParticipantRecords.Records r = records.of(p, locale);
        List<TranscriptPdf.Row> rows = r.events().stream().map(e -> new TranscriptPdf.Row(String.valueOf(e.year()), e.kind().name(),
                e.title(), e.organiser(), Bahasa.dateRange(e.startDate(), e.endDate()), String.valueOf(e.totalJp()),
                result(e, locale), e.certificates().stream()
                        .map(c -> c.number() + (c.status().name().equals("VALID") ? "" : " (" + text(locale, "certificate.status." + c.status()) + ")"))
                        .collect(Collectors.joining("\n")))).toList();
        List<TranscriptPdf.YearRow> years = r.totalsPerYear().stream().map(y -> new TranscriptPdf.YearRow(String.valueOf(y.year()),
                String.valueOf(y.jp()), messages.get(locale, "mine.status." + y.status(), List.of(y.gap()))))
                .toList();
        String identity = p.nip() != null ? "NIP " + Nip.grouped(p.nip()) : p.nik() != null ? "NIK " + p.nik() : "";
        if (p.instansi() != null && !p.instansi().isBlank()) {
            identity = identity.isEmpty() ? p.instansi() : identity + " · " + p.instansi();
        }
        TranscriptPdf.Input input = new TranscriptPdf.Input(text(locale, "transcript.title"), p.printedName(), identity,
                messages.get(locale, "transcript.generated", List.of(Bahasa.longDate(LocalDate.now(clock)))),
                List.of(text(locale, "mine.year"), text(locale, "transcript.kind"), text(locale, "mine.trainings"),
                        text(locale, "event.organiser"), text(locale, "home.dates"), text(locale, "mine.jp"), text(locale, "mine.result"),
                        text(locale, "mine.certificates")),
                rows, text(locale, "mine.perYear"), List.of(text(locale, "mine.year"), text(locale, "mine.jp"),
                        messages.get(locale, "mine.rule." + r.jpRule().kind(), List.of(r.jpRule().jp() == null ? 0 : r.jpRule().jp()))),
                years, text(locale, "mine.none"));
        return renderer().render(input);
    }

    private String result(ParticipantRecords.EventRecord e, Locale locale) {
        if (!e.completed()) {
            return String.join("; ", e.reasons());
        }
        return e.kualifikasi() != null ? e.kualifikasi() : text(locale, "mine.completed");
    }

    private String text(Locale locale, String key) {
        return messages.get(locale, key, List.of());
    }

    private TranscriptPdf renderer() {
        if (pdf == null) {
            pdf = new TranscriptPdf(templates.sharedFile("fonts/DejaVuSerif.ttf"), templates.sharedFile("fonts/DejaVuSerif-Bold.ttf"));
        }
        return pdf;
    }
}

package id.piagam.exchange;

import id.piagam.rules.DomainRefusal;
import id.piagam.security.Roles;
import id.piagam.certificate.Certificate;
import id.piagam.certificate.CertificateRepository;
import id.piagam.certificate.CertificateStatus;
import id.piagam.certificate.VerifyLinks;
import id.piagam.certificate.EligibilityPolicy;
import id.piagam.certificate.EligibilityService;
import id.piagam.validation.FieldProblem;
import id.piagam.participant.Participant;
import id.piagam.records.ParticipantRecords;
import id.piagam.participant.ParticipantRepository;
import id.piagam.participant.ParticipantService;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.web.DownloadStreams;
import id.piagam.web.Downloads;
import id.piagam.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Spreadsheets in (participant lists into an event) and out (participants, event records, SIASN history). */
@Controller
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Exchange")
class ExchangeController {

    static final MediaType XLSX = MediaType.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.of("text/csv;charset=utf-8");

    private final ImportService imports;
    private final Messages messages;
    private final ParticipantService participantService;
    private final ParticipantRepository participants;
    private final ParticipantRecords records;
    private final EventService events;
    private final EligibilityService eligibility;
    private final CertificateRepository certificates;
    private final DownloadStreams streams;
    private final VerifyLinks links;

    ExchangeController(ImportService imports, Messages messages, ParticipantService participantService, ParticipantRepository participants,
                       ParticipantRecords records, EventService events, EligibilityService eligibility, CertificateRepository certificates,
                       DownloadStreams streams, VerifyLinks links) {
        this.links = links;
        this.imports = imports;
        this.messages = messages;
        this.participantService = participantService;
        this.participants = participants;
        this.records = records;
        this.events = events;
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.streams = streams;
    }

    /** Reads a CSV or XLSX list (field {@code file}) and shows what importing it would do; writes nothing. */
    @Post(value = "/api/events/{eventId}/imports/preview", consumes = MediaType.MULTIPART_FORM_DATA)
    ImportReport preview(long eventId, CompletedFileUpload file, HttpRequest<?> request) throws IOException {
        return imports.preview(eventId, file.getFilename(), file.getBytes(), messages.locale(request));
    }

    /**
     * Imports the list: people are matched or created, then enrolled. {@code mode} ALL (default)
     * imports nothing unless every row is valid; VALID_ONLY skips the invalid and conflicting rows.
     * {@code updateKnown=true} takes the sheet's differing data over for matched people; without it
     * nothing about a known person changes.
     */
    @Post(value = "/api/events/{eventId}/imports", consumes = MediaType.MULTIPART_FORM_DATA)
    ImportReport importFile(long eventId, CompletedFileUpload file, @Nullable @Part("mode") String mode,
                            @Nullable @Part("updateKnown") String updateKnown, HttpRequest<?> request) throws IOException {
        ImportService.Mode m;
        try {
            m = mode == null || mode.isBlank() ? ImportService.Mode.ALL : ImportService.Mode.valueOf(mode.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw DomainRefusal.invalid(FieldProblem.of("mode", "value.choice", "ALL, VALID_ONLY"));
        }
        boolean update = updateKnown != null && updateKnown.trim().equalsIgnoreCase("true");
        if (updateKnown != null && !update && !updateKnown.isBlank() && !updateKnown.trim().equalsIgnoreCase("false")) {
            throw DomainRefusal.invalid(FieldProblem.of("updateKnown", "value.choice", "true, false"));
        }
        return imports.importFile(eventId, file.getFilename(), file.getBytes(), m, update, messages.locale(request));
    }

    /**
     * The blank list to fill in: as XLSX a guide in the reader's language, the list with its headers
     * only (identity columns formatted as text) and an example sheet ({@link ImportTemplate}); as CSV
     * the header row only.
     */
    @Get("/api/imports/template.{format}")
    HttpResponse<StreamedFile> template(String format, HttpRequest<?> request) {
        var locale = messages.locale(request);
        List<String> guide = ImportTemplate.GUIDE_KEYS.stream().map(key -> messages.get(locale, key, List.of())).toList();
        return download(format, "templat-peserta", out -> ImportTemplate.xlsx(guide, out), ImportTemplate::csv);
    }

    /** Participants (optionally matching {@code q}) as CSV or XLSX. */
    @Get("/api/participants/export.{format}")
    HttpResponse<StreamedFile> participants(String format, @Nullable @QueryValue String q) {
        List<String> headers = List.of("ID", "Nama", "Gelar Depan", "Gelar Belakang", "NIP", "NIK", "Kategori", "Tempat Lahir",
                "Tanggal Lahir", "Jenis Kelamin", "Golongan", "Jabatan", "Unit Kerja", "Instansi", "Email", "Telepon", "NRP");
        List<List<String>> rows = participantService.search(q, Pageable.from(0, 100_000)).getContent().stream().map(p -> List.of(
                str(p.id()), p.fullName(), str(p.frontTitle()), str(p.backTitle()), str(p.nip()), str(p.nik()),
                messages.label(Messages.INDONESIAN, p.category()),
                str(p.birthPlace()), str(p.birthDate()), str(p.sex()), str(p.golongan()), str(p.jabatan()), str(p.unitKerja()),
                str(p.instansi()), str(p.email()), str(p.phone()), str(p.nrp()))).toList();
        return table(format, "peserta", "Peserta", headers, rows, List.of(4, 5, 15, 16));
    }

    /** Each enrolment of an event with attendance, result, eligibility and certificate. */
    @Get("/api/events/{eventId}/records.{format}")
    HttpResponse<StreamedFile> eventRecords(long eventId, String format) {
        Event event = events.get(eventId);
        Map<Long, Certificate> valid = certificates.findByEventIdOrderByNumber(eventId).stream()
                .filter(c -> c.status() == CertificateStatus.VALID).collect(Collectors.toMap(Certificate::enrolmentId, Function.identity()));
        List<String> headers = List.of("Nama", "NIP", "NIK", "Instansi", "Peran", "Status", "Kehadiran (%)", "JP Hadir", "JP Total",
                "Nilai Akhir", "Kualifikasi", "Memenuhi Syarat", "Jenis Sertifikat", "Alasan", "Nomor Sertifikat");
        // numbers stay numbers (Excel sums them); constants are labelled as on the pages
        List<List<Object>> rows = eligibility.forEvent(event).stream().map(o -> List.<Object>of(o.enrolment().printedName(),
                str(o.enrolment().nip()), str(o.enrolment().nik()), str(o.enrolment().instansi()),
                messages.label(Messages.INDONESIAN, o.enrolment().role()), messages.label(Messages.INDONESIAN, o.enrolment().status()),
                decimal(o.attendance().percent()), number(o.attendance().presentJp()), number(o.attendance().totalJp()),
                o.assessment() == null ? "" : o.assessment().finalScore().<Object>map(ExchangeController::decimal).orElse(""),
                o.assessment() == null ? "" : o.assessment().band().map(b -> b.label()).orElse(""), o.decision().eligible() ? "Ya" : "Tidak",
                o.decision().kind().map(k -> messages.label(Messages.INDONESIAN, k)).orElse(""), o.decision().reasons().isEmpty() ? "" : messages.text(Messages.INDONESIAN, o.decision().reasons()),
                valid.containsKey(o.enrolment().id()) ? valid.get(o.enrolment().id()).number() : "")).toList();
        String name = "rekap-" + (event.code() == null ? "kegiatan-" + eventId : Downloads.slug(event.code()));
        return table(format, name, "Rekap", headers, rows, List.of(1, 2));
    }

    /**
     * A participant's completed trainings in the shape the national HR system (SIASN) records them
     * ({@link SiasnHistory}): one row per completed programme with its valid certificate.
     */
    @Get("/api/participants/{id}/siasn.{format}")
    @Secured({Roles.ADMIN, Roles.OPERATOR, Roles.PARTICIPANT})
    HttpResponse<StreamedFile> siasn(long id, String format, Authentication auth) {
        if (!Roles.mayRead(auth, id)) {
            throw DomainRefusal.forbidden("problem.http.403");
        }
        Participant p = participants.findById(id).orElseThrow(() -> DomainRefusal.notFound("entity.participant", id));
        List<List<String>> rows = new ArrayList<>();
        for (ParticipantRecords.EventRecord r : records.of(p).events()) {
            if (!r.completed()) {
                continue;
            }
            r.certificates().stream().filter(c -> c.status() == CertificateStatus.VALID && c.kind() == r.certificateKind())
                    .forEach(c -> rows.add(SiasnHistory.row(new SiasnHistory.Line(p.nip(), p.printedName(), r.track(), r.title(),
                            r.organiser(), c.number(), r.startDate(), r.endDate(), r.totalJp(), c.verifyUrl()))));
        }
        String name = "riwayat-siasn-" + (p.nip() != null ? p.nip() : Downloads.slug(p.fullName()));
        return table(format, name, "Riwayat Diklat", SiasnHistory.HEADERS, rows, SiasnHistory.TEXT_COLUMNS);
    }

    /**
     * The same history for everyone who completed one event, for a batch upload: one row per person
     * with a valid certificate of the completing kind (an attendance letter of a Diklat is left out).
     */
    @Get("/api/events/{eventId}/siasn.{format}")
    HttpResponse<StreamedFile> eventSiasn(long eventId, String format) {
        Event event = events.get(eventId);
        Map<Long, Certificate> valid = certificates.findByEventIdOrderByNumber(eventId).stream()
                .filter(c -> c.status() == CertificateStatus.VALID).collect(Collectors.toMap(Certificate::enrolmentId, Function.identity()));
        List<List<String>> rows = new ArrayList<>();
        for (var o : eligibility.forEvent(event)) {
            Certificate c = valid.get(o.enrolment().id());
            if (c != null && EligibilityPolicy.completed(event.kind(), o.decision()) && o.decision().kind().orElse(null) == c.kind()) {
                rows.add(SiasnHistory.row(new SiasnHistory.Line(o.enrolment().nip(), o.enrolment().printedName(), event.track(),
                        event.title(), event.organiser(), c.number(), event.startDate(), event.endDate(), o.totalJp(),
                        links.verifyUrl(c.verificationCode()))));
            }
        }
        String name = "siasn-" + (event.code() == null ? "kegiatan-" + eventId : Downloads.slug(event.code()));
        return table(format, name, "Riwayat Diklat", SiasnHistory.HEADERS, rows, SiasnHistory.TEXT_COLUMNS);
    }

    private HttpResponse<StreamedFile> table(String format, String name, String sheet, List<String> headers,
                                             List<? extends List<?>> rows, List<Integer> textColumns) {
        return download(format, name, out -> TableWriter.xlsx(sheet, headers, rows, textColumns, out),
                out -> TableWriter.csv(headers, rows, out));
    }

    /** The file {@code name.format}, written by the producer of its format (xlsx or csv; any other is a 404). */
    private HttpResponse<StreamedFile> download(String format, String name, DownloadStreams.Producer xlsx, DownloadStreams.Producer csv) {
        DownloadStreams.Producer producer = switch (format) {
            case "xlsx" -> xlsx;
            case "csv" -> csv;
            default -> throw DomainRefusal.notFound("entity.format", format);
        };
        StreamedFile file = new StreamedFile(streams.stream(producer), producer == xlsx ? XLSX : CSV);
        return HttpResponse.ok(file).header("Content-Disposition", Downloads.attachment(name + "." + format));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static BigDecimal decimal(BigDecimal d) {
        return d.setScale(2, RoundingMode.HALF_UP);
    }

    /** A count or a JP total as a number cell, or blank. */
    private static Object number(Object n) {
        return n instanceof Number ? n : "";
    }
}

package id.piagam.exchange;

import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.enrolment.EnrolmentService;
import id.piagam.validation.FieldProblem;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRequest;
import id.piagam.participant.ParticipantRules;
import id.piagam.participant.ParticipantService;
import id.piagam.programme.EventService;
import id.piagam.web.Messages;
import id.piagam.web.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports a participant list into an event. Every row is checked with the same rules as the API;
 * people already known (same NIP, NIK or email) are matched, not duplicated. Nothing is written
 * unless the whole file is clean, or the user asks to import the valid rows only.
 */
@Singleton
public class ImportService {

    /** All or nothing (the default), or only the valid rows. */
    public enum Mode {
        ALL, VALID_ONLY
    }

    private final EventService events;
    private final ParticipantService participants;
    private final EnrolmentService enrolmentService;
    private final EnrolmentRepository enrolments;
    private final Messages messages;
    private final Clock clock;
    private final SheetReader reader;

    ImportService(EventService events, ParticipantService participants, EnrolmentService enrolmentService,
                  EnrolmentRepository enrolments, Messages messages, Clock clock,
                  @Value("${piagam.import.max-rows:5000}") int maxRows) {
        this.events = events;
        this.participants = participants;
        this.enrolmentService = enrolmentService;
        this.enrolments = enrolments;
        this.messages = messages;
        this.clock = clock;
        this.reader = new SheetReader(maxRows, 60);
    }

    /** Reads and checks the file; writes nothing. */
    public ImportReport preview(long eventId, String fileName, byte[] bytes, Locale locale) {
        events.get(eventId);
        return analyse(eventId, fileName, bytes, locale).report(false, 0);
    }

    @Transactional
    public ImportReport importFile(long eventId, String fileName, byte[] bytes, Mode mode, Locale locale) {
        events.get(eventId);
        Analysis a = analyse(eventId, fileName, bytes, locale);
        if (mode == Mode.ALL && a.invalid() > 0) {
            List<FieldProblem> problems = new ArrayList<>();
            a.rows.stream().filter(r -> r.status == ImportReport.Status.INVALID).forEach(r -> r.row.problems()
                    .forEach(p -> problems.add(new FieldProblem("rows[" + r.row.number() + "]." + p.field(), p.code(), p.args()))));
            throw ProblemException.rule("import-has-errors", "problem.importHasErrors", problems, a.invalid());
        }
        int created = 0;
        for (Analysed r : a.rows) {
            if (r.status == ImportReport.Status.NEW) {
                r.participantId = participants.create(r.row.request()).id();
                created++;
            }
            if (r.status == ImportReport.Status.NEW || r.status == ImportReport.Status.MATCHED) {
                enrolmentService.enrol(eventId, r.participantId, r.row.role());
            }
        }
        return a.report(true, created);
    }

    private static final class Analysed {
        final ImportRow row;
        ImportReport.Status status;
        Long participantId;
        final List<FieldProblem> problems;

        Analysed(ImportRow row, List<FieldProblem> problems) {
            this.row = row;
            this.problems = problems;
        }
    }

    private final class Analysis {
        final String fileName;
        final Sheet sheet;
        final Map<Integer, String> mapping;
        final List<Analysed> rows = new ArrayList<>();
        final Locale locale;

        Analysis(String fileName, Sheet sheet, Map<Integer, String> mapping, Locale locale) {
            this.fileName = fileName;
            this.sheet = sheet;
            this.mapping = mapping;
            this.locale = locale;
        }

        long invalid() {
            return rows.stream().filter(r -> r.status == ImportReport.Status.INVALID).count();
        }

        ImportReport report(boolean imported, int created) {
            List<ImportReport.Column> columns = new ArrayList<>();
            List<String> unrecognised = new ArrayList<>();
            for (int i = 0; i < sheet.headers().size(); i++) {
                String field = mapping.get(i);
                if (field != null) {
                    columns.add(new ImportReport.Column(i + 1, sheet.headers().get(i), field));
                } else if (!sheet.headers().get(i).isBlank()) {
                    unrecognised.add(sheet.headers().get(i));
                }
            }
            List<ImportReport.Line> lines = rows.stream().map(r -> new ImportReport.Line(r.row.number(), r.status,
                    r.row.request().fullName(), r.participantId,
                    r.problems.stream().map(p -> messages.fieldError(locale, p)).toList())).toList();
            return new ImportReport(fileName, imported, rows.size(), imported ? created : count(ImportReport.Status.NEW),
                    count(ImportReport.Status.MATCHED), count(ImportReport.Status.ALREADY_ENROLLED), (int) invalid(), columns,
                    unrecognised, lines);
        }

        int count(ImportReport.Status s) {
            return (int) rows.stream().filter(r -> r.status == s).count();
        }
    }

    private Analysis analyse(long eventId, String fileName, byte[] bytes, Locale locale) {
        Sheet sheet;
        try {
            sheet = reader.read(fileName, bytes);
        } catch (SheetReader.Unreadable e) {
            throw ProblemException.invalid(FieldProblem.of("file", e.code(), e.args()));
        }
        Map<Integer, String> mapping = ColumnMapping.of(sheet.headers());
        if (!mapping.containsValue("fullName")) {
            throw ProblemException.invalid(FieldProblem.of("file", "import.noNameColumn", ColumnMapping.HEADERS.get("fullName")));
        }
        Analysis a = new Analysis(fileName, sheet, mapping, locale);
        Set<Long> enrolled = enrolments.findByEventIdOrderByPrintedName(eventId).stream().map(e -> e.participantId())
                .collect(Collectors.toSet());
        Map<String, Integer> seen = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (Sheet.Row raw : sheet.rows()) {
            ImportRow row = ImportRow.of(raw, mapping);
            ParticipantRequest normalised = row.request().fullName() == null ? row.request() : ParticipantRules.normalise(row.request());
            List<FieldProblem> problems = new ArrayList<>(row.problems());
            if (row.request().fullName() != null) {
                problems.addAll(ParticipantRules.check(normalised, today));
            }
            for (String key : new String[]{"nip:" + normalised.nip(), "nik:" + normalised.nik(), "email:" + normalised.email()}) {
                if (!key.endsWith(":null")) {
                    Integer earlier = seen.putIfAbsent(key, raw.number());
                    if (earlier != null) {
                        problems.add(FieldProblem.of(key.substring(0, key.indexOf(':')), "import.duplicateRow", earlier));
                    }
                }
            }
            Analysed r = new Analysed(new ImportRow(raw.number(), normalised, row.role(), problems), problems);
            if (!problems.isEmpty()) {
                r.status = ImportReport.Status.INVALID;
            } else {
                Optional<Participant> known = participants.findExisting(normalised);
                r.participantId = known.map(Participant::id).orElse(null);
                r.status = known.isEmpty() ? ImportReport.Status.NEW
                        : enrolled.contains(known.get().id()) ? ImportReport.Status.ALREADY_ENROLLED : ImportReport.Status.MATCHED;
            }
            a.rows.add(r);
        }
        return a;
    }
}

package id.piagam.exchange;

import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.enrolment.EnrolmentService;
import id.piagam.validation.FieldProblem;
import id.piagam.participant.IdentityMatch;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRequest;
import id.piagam.participant.ParticipantRules;
import id.piagam.participant.ParticipantService;
import id.piagam.programme.EventService;
import id.piagam.web.Messages;
import id.piagam.rules.DomainRefusal;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports a participant list into an event. Every row is checked with the same rules as the API;
 * people already known (same NIP, or NIK) are matched, not duplicated, and a row whose NIK, email or
 * phone belongs to someone else is a conflict, never imported. Nothing is written
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
    public ImportReport importFile(long eventId, String fileName, byte[] bytes, Mode mode, boolean updateKnown, Locale locale) {
        events.get(eventId);
        Analysis a = analyse(eventId, fileName, bytes, locale);
        long refused = a.count(ImportReport.Status.INVALID) + a.count(ImportReport.Status.CONFLICT);
        if (mode == Mode.ALL && refused > 0) {
            List<FieldProblem> problems = new ArrayList<>();
            a.rows.stream().filter(r -> r.status == ImportReport.Status.INVALID || r.status == ImportReport.Status.CONFLICT)
                    .forEach(r -> problems.addAll(inRow(r.row.number(), r.problems)));
            throw DomainRefusal.rule("import-has-errors", "problem.importHasErrors", problems, refused);
        }
        int created = 0;
        for (Analysed r : a.rows) {
            if (r.status == ImportReport.Status.NEW) {
                r.participantId = participants.create(r.row.request()).id();
                created++;
            }
            if (updateKnown && r.known != null && !r.differences.isEmpty()
                    && (r.status == ImportReport.Status.MATCHED || r.status == ImportReport.Status.ALREADY_ENROLLED)) {
                try {
                    participants.update(r.known.id(), IdentityMatch.updated(r.known, r.row.request(), r.differences));
                } catch (DomainRefusal e) {
                    throw DomainRefusal.rule("import-has-errors", "problem.importHasErrors", inRow(r.row.number(), e.fields()), 1);
                }
                r.updated = true;
            }
            if (r.status == ImportReport.Status.NEW || r.status == ImportReport.Status.MATCHED) {
                enrolmentService.enrol(eventId, r.participantId, r.row.role(), r.row.function());
            }
        }
        return a.report(true, created);
    }

    private static List<FieldProblem> inRow(int row, List<FieldProblem> problems) {
        return problems.stream().map(p -> new FieldProblem("rows[" + row + "]." + p.field(), p.code(), p.args())).toList();
    }

    private static final class Analysed {
        final ImportRow row;
        ImportReport.Status status;
        Long participantId;
        final List<FieldProblem> problems;
        Participant known;
        List<IdentityMatch.Difference> differences = List.of();
        boolean updated;

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
                    r.problems.stream().map(p -> messages.fieldError(locale, p)).toList(),
                    r.known == null ? null : person(null, r.row.request()), r.known == null ? null : person(r.known),
                    r.differences.stream().map(d -> new ImportReport.Difference(d.field(), d.sheet(), d.stored())).toList(),
                    r.updated)).toList();
            return new ImportReport(fileName, imported, rows.size(), imported ? created : count(ImportReport.Status.NEW),
                    count(ImportReport.Status.MATCHED), count(ImportReport.Status.ALREADY_ENROLLED), count(ImportReport.Status.CONFLICT),
                    count(ImportReport.Status.INVALID), (int) rows.stream().filter(r -> r.updated).count(), columns, unrecognised, lines);
        }

        int count(ImportReport.Status s) {
            return (int) rows.stream().filter(r -> r.status == s).count();
        }
    }

    private static ImportReport.Person person(Participant p) {
        return new ImportReport.Person(p.id(), p.printedName(), p.nip(), p.nik(), p.instansi(), p.email(), p.phone(), p.nrp());
    }

    private static ImportReport.Person person(Long id, ParticipantRequest r) {
        return new ImportReport.Person(id, Participant.printedName(r.frontTitle(), r.fullName(), r.backTitle()), r.nip(), r.nik(),
                r.instansi(), r.email(), r.phone(), r.nrp());
    }

    private Analysis analyse(long eventId, String fileName, byte[] bytes, Locale locale) {
        Sheet sheet;
        try {
            sheet = reader.read(fileName, bytes);
        } catch (SheetReader.Unreadable e) {
            throw DomainRefusal.invalid(FieldProblem.of("file", e.code(), e.args()));
        }
        Map<Integer, String> mapping = ColumnMapping.of(sheet.headers());
        if (!mapping.containsValue("fullName")) {
            throw DomainRefusal.invalid(FieldProblem.of("file", "import.noNameColumn", ColumnMapping.HEADERS.get("fullName")));
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
                // a field the sheet already spoiled (rounded, formula) is reported once, for that reason
                ParticipantRules.check(normalised, today).stream()
                        .filter(p -> row.problems().stream().noneMatch(q -> q.field().equals(p.field()))).forEach(problems::add);
            }
            for (String key : new String[]{"nip:" + normalised.nip(), "nrp:" + normalised.nrp(), "nik:" + normalised.nik(), "email:" + normalised.email()}) {
                if (!key.endsWith(":null")) {
                    Integer earlier = seen.putIfAbsent(key, raw.number());
                    if (earlier != null) {
                        problems.add(FieldProblem.of(key.substring(0, key.indexOf(':')), "import.duplicateRow", earlier));
                    }
                }
            }
            Analysed r = new Analysed(new ImportRow(raw.number(), normalised, row.role(), row.function(), problems), problems);
            if (!problems.isEmpty()) {
                r.status = ImportReport.Status.INVALID;
            } else {
                IdentityMatch.Result match = participants.match(normalised);
                r.known = match.person();
                if (match.outcome() == IdentityMatch.Outcome.CONFLICT) {
                    r.status = ImportReport.Status.CONFLICT;
                    problems.addAll(match.conflicts());
                } else if (match.outcome() == IdentityMatch.Outcome.NEW) {
                    r.status = ImportReport.Status.NEW;
                } else {
                    r.participantId = r.known.id();
                    r.status = enrolled.contains(r.known.id()) ? ImportReport.Status.ALREADY_ENROLLED : ImportReport.Status.MATCHED;
                    r.differences = IdentityMatch.differences(normalised, r.known, mapping.containsValue("category"));
                }
            }
            a.rows.add(r);
        }
        return a;
    }
}

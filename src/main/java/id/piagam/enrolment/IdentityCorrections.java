package id.piagam.enrolment;

import id.piagam.participant.Golongan;
import id.piagam.participant.Nik;
import id.piagam.participant.Nip;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.validation.FieldProblem;
import id.piagam.rules.DomainRefusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Corrects single fields of an enrolment's frozen identity, each change audited (who, when, old →
 * new). Refreshing the whole identity would pull in later changes (a promotion after the event);
 * a correction changes only what was wrong, and a reissue then prints it.
 */
@Singleton
public class IdentityCorrections {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final EnrolmentService enrolmentService;
    private final EnrolmentRepository enrolments;
    private final IdentityCorrectionRepository corrections;
    private final EventService events;
    private final JsonMapper json;
    private final Clock clock;

    IdentityCorrections(EnrolmentService enrolmentService, EnrolmentRepository enrolments, IdentityCorrectionRepository corrections,
                        EventService events, JsonMapper json, Clock clock) {
        this.enrolmentService = enrolmentService;
        this.enrolments = enrolments;
        this.corrections = corrections;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The field, old and new value of one correction, as stored in the audit log's detail. */
    @Serdeable
    record Change(String field, @Nullable String oldValue, @Nullable String newValue) {
    }

    @Transactional
    public Enrolment correct(long eventId, long participantId, EnrolmentViews.IdentityRequest r, String actor) {
        Enrolment e = enrolmentService.get(eventId, participantId);
        Event event = events.get(eventId);
        List<FieldProblem> problems = new ArrayList<>();
        String name = e.printedName();
        if (r.printedName() != null) {
            if (r.printedName().isBlank()) {
                problems.add(FieldProblem.of("printedName", "jakarta.validation.constraints.NotBlank.message"));
            } else {
                name = r.printedName().trim();
            }
        }
        String nip = r.nip() == null ? e.nip() : blank(Nip.normalise(r.nip()));
        if (r.nip() != null && nip != null) {
            problems.addAll(Nip.check(nip, e.category(), null, null, Year.of(event.endDate().getYear() + 1)));
        }
        String nik = r.nik() == null ? e.nik() : blank(r.nik().replaceAll("\\s", ""));
        if (r.nik() != null && nik != null) {
            problems.addAll(Nik.check(nik, null, null, LocalDate.now(clock.withZone(JAKARTA))));
        }
        if (nip == null && nik == null) {
            problems.add(FieldProblem.of(r.nik() != null ? "nik" : "nip", "identity.numberRequired"));
        }
        String golongan = r.golongan() == null ? e.golongan() : blank(Golongan.normalise(r.golongan()));
        if (r.golongan() != null) {
            Golongan.check(golongan, e.category()).ifPresent(problems::add);
        }
        String pangkat = r.pangkat() != null ? blank(r.pangkat())
                : r.golongan() != null ? Golongan.pangkat(e.category(), golongan).orElse(null) : e.pangkat();
        if (!problems.isEmpty()) {
            throw DomainRefusal.invalid(problems);
        }
        Enrolment corrected = new Enrolment(e.id(), e.eventId(), e.participantId(), e.role(), e.status(), name, nip, nik, e.category(),
                r.birthPlace() == null ? e.birthPlace() : blank(r.birthPlace()), r.birthDate() == null ? e.birthDate() : r.birthDate(),
                golongan, pangkat, r.jabatan() == null ? e.jabatan() : blank(r.jabatan()),
                r.unitKerja() == null ? e.unitKerja() : blank(r.unitKerja()), r.instansi() == null ? e.instansi() : blank(r.instansi()),
                e.createdAt(), clock.instant(), e.panitiaFunction());
        List<Change> changes = new ArrayList<>();
        change(changes, "printedName", e.printedName(), corrected.printedName());
        change(changes, "nip", e.nip(), corrected.nip());
        change(changes, "nik", e.nik(), corrected.nik());
        change(changes, "birthPlace", e.birthPlace(), corrected.birthPlace());
        change(changes, "birthDate", str(e.birthDate()), str(corrected.birthDate()));
        change(changes, "golongan", e.golongan(), corrected.golongan());
        change(changes, "pangkat", e.pangkat(), corrected.pangkat());
        change(changes, "jabatan", e.jabatan(), corrected.jabatan());
        change(changes, "unitKerja", e.unitKerja(), corrected.unitKerja());
        change(changes, "instansi", e.instansi(), corrected.instansi());
        if (changes.isEmpty()) {
            return e;
        }
        Instant now = clock.instant();
        for (Change c : changes) {
            corrections.save(new IdentityCorrection(null, now, actor, IdentityCorrection.ACTION, null, eventId, e.id(), write(c)));
        }
        return enrolments.update(corrected);
    }

    /** Every correction of the enrolment's printed identity, oldest first. */
    public List<EnrolmentViews.CorrectionView> history(long eventId, long participantId) {
        Enrolment e = enrolmentService.get(eventId, participantId);
        return corrections.findByEnrolmentIdAndActionOrderById(e.id(), IdentityCorrection.ACTION).stream().map(c -> {
            Change change = read(c.detail());
            return new EnrolmentViews.CorrectionView(c.at(), c.actor(), change.field(), change.oldValue(), change.newValue());
        }).toList();
    }

    private static void change(List<Change> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before, after));
        }
    }

    private String write(Change c) {
        try {
            return json.writeValueAsString(c);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Change read(String detail) {
        try {
            return json.readValue(detail, Change.class);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package id.piagam.enrolment;

import id.piagam.validation.FieldProblem;
import id.piagam.participant.Golongan;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantPhotos;
import id.piagam.participant.ParticipantRepository;
import id.piagam.programme.EventService;
import id.piagam.rules.DomainRefusal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** Enrols people into events, freezing the identity that will be printed. */
@Singleton
public class EnrolmentService {

    private final EnrolmentRepository enrolments;
    private final ParticipantRepository participants;
    private final EventService events;
    private final ParticipantPhotos photos;
    private final EnrolmentPhotoRepository frozenPhotos;
    private final Clock clock;

    EnrolmentService(EnrolmentRepository enrolments, ParticipantRepository participants, EventService events, ParticipantPhotos photos,
                     EnrolmentPhotoRepository frozenPhotos, Clock clock) {
        this.enrolments = enrolments;
        this.participants = participants;
        this.events = events;
        this.photos = photos;
        this.frozenPhotos = frozenPhotos;
        this.clock = clock;
    }

    @Transactional
    public Enrolment enrol(long eventId, long participantId, EnrolmentRole role) {
        return enrol(eventId, participantId, role, null);
    }

    /** Enrols with a role (peserta unless given) and, for the panitia, its function. */
    @Transactional
    public Enrolment enrol(long eventId, long participantId, EnrolmentRole role, PanitiaFunction function) {
        events.get(eventId);
        EnrolmentRole effective = role == null ? EnrolmentRole.PESERTA : role;
        refuseFunctionOutsidePanitia(effective, function);
        Participant p = participants.findById(participantId)
                .orElseThrow(() -> DomainRefusal.invalid(FieldProblem.of("participantId", "participant.unknown", participantId)));
        enrolments.findByEventIdAndParticipantId(eventId, participantId).ifPresent(e -> {
            throw DomainRefusal.conflict("already-enrolled", "problem.alreadyEnrolled", e.id(),
                    FieldProblem.of("participantId", "enrolment.duplicate"));
        });
        Instant now = clock.instant();
        Enrolment saved = enrolments.save(frozen(null, eventId, p, effective, EnrolmentStatus.AKTIF, now, now, function));
        freezePhoto(saved.id(), participantId);
        return saved;
    }

    public Enrolment get(long eventId, long participantId) {
        events.get(eventId);
        return enrolments.findByEventIdAndParticipantId(eventId, participantId)
                .orElseThrow(() -> DomainRefusal.notFound("entity.enrolment", participantId));
    }

    @Transactional
    public Enrolment update(long eventId, long participantId, EnrolmentViews.UpdateRequest r) {
        Enrolment e = get(eventId, participantId);
        EnrolmentRole role = r.role() == null ? e.role() : r.role();
        EnrolmentStatus status = r.status() == null ? e.status() : r.status();
        refuseFunctionOutsidePanitia(role, r.panitiaFunction());
        // a function belongs to the panitia: leaving the panitia drops it
        PanitiaFunction function = role != EnrolmentRole.PANITIA ? null : r.panitiaFunction() != null ? r.panitiaFunction() : e.panitiaFunction();
        Enrolment updated;
        if (Boolean.TRUE.equals(r.refreshIdentity())) {
            Participant p = participants.findById(participantId).orElseThrow();
            updated = frozen(e.id(), eventId, p, role, status, e.createdAt(), clock.instant(), function);
            freezePhoto(e.id(), participantId);
        } else {
            updated = withRole(e, role, status, function);
        }
        return enrolments.update(updated);
    }

    /**
     * Sets the role and, for the panitia, exactly the function given ({@code null}: none), as the enrolment page
     * does; the API's update leaves a function it is not given as it was.
     */
    @Transactional
    public Enrolment setRole(long eventId, long participantId, EnrolmentRole role, PanitiaFunction function) {
        Enrolment e = get(eventId, participantId);
        refuseFunctionOutsidePanitia(role, function);
        return enrolments.update(withRole(e, role, e.status(), function));
    }

    private Enrolment withRole(Enrolment e, EnrolmentRole role, EnrolmentStatus status, PanitiaFunction function) {
        return new Enrolment(e.id(), e.eventId(), e.participantId(), role, status, e.printedName(), e.nip(), e.nik(),
                e.category(), e.birthPlace(), e.birthDate(), e.golongan(), e.pangkat(), e.jabatan(), e.unitKerja(),
                e.instansi(), e.createdAt(), clock.instant(), function);
    }

    /** The person's current pas foto becomes the enrolment's, as the name does; none when the person has none. */
    private void freezePhoto(long enrolmentId, long participantId) {
        frozenPhotos.deleteById(enrolmentId);
        photos.current(participantId).ifPresent(photo -> frozenPhotos.save(new EnrolmentPhoto(enrolmentId, photo.id())));
        photos.dropUnused(participantId); // a retired photo this enrolment held, if no other holds it
    }

    private static Enrolment frozen(Long id, long eventId, Participant p, EnrolmentRole role, EnrolmentStatus status,
                                    Instant created, Instant updated, PanitiaFunction function) {
        return new Enrolment(id, eventId, p.id(), role, status, p.printedName(), p.nip(), p.nik(), p.category(),
                p.birthPlace(), p.birthDate(), p.golongan(), Golongan.pangkat(p.category(), p.golongan()).orElse(null),
                p.jabatan(), p.unitKerja(), p.instansi(), created, updated, function);
    }

    /** A function (ketua, sekretaris…) is what a member of the panitia did; anyone else has none. */
    private static void refuseFunctionOutsidePanitia(EnrolmentRole role, PanitiaFunction function) {
        if (function != null && role != EnrolmentRole.PANITIA) {
            throw DomainRefusal.invalid(FieldProblem.of("panitiaFunction", "enrolment.functionPanitiaOnly"));
        }
    }
}

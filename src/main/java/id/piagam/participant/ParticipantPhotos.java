package id.piagam.participant;

import id.piagam.Digests;
import id.piagam.rules.DomainRefusal;
import id.piagam.validation.UploadedImage;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's pas foto: set, replaced, removed (see {@link PassPhoto} for what is accepted). The same
 * picture of one person is stored once; a replaced or removed picture is retired, and kept only while an
 * enrolment froze it for printing (as it keeps the printed name), so nothing already issued changes.
 */
@Singleton
public class ParticipantPhotos {

    private final ParticipantPhotoRepository photos;
    private final ParticipantRepository participants;
    private final Clock clock;

    ParticipantPhotos(ParticipantPhotoRepository photos, ParticipantRepository participants, Clock clock) {
        this.photos = photos;
        this.participants = participants;
        this.clock = clock;
    }

    /** The person's current photo, if any. */
    public Optional<ParticipantPhoto> current(long participantId) {
        return photos.findByParticipantIdAndRetiredAtIsNull(participantId);
    }

    /** Checks and stores the picture as the person's photo; the previous one is retired. Nothing is written on a refusal. */
    @Transactional
    public ParticipantPhoto save(long participantId, byte[] bytes) {
        requirePerson(participantId);
        UploadedImage.Checked checked;
        try {
            checked = PassPhoto.check(bytes);
        } catch (UploadedImage.InvalidImage e) {
            throw DomainRefusal.invalid(e.problems());
        }
        String sha256 = Digests.sha256(checked.bytes());
        Optional<ParticipantPhoto> same = photos.findByParticipantIdAndSha256(participantId, sha256);
        if (same.isPresent() && same.get().retiredAt() == null) {
            return same.get();
        }
        Instant now = clock.instant();
        photos.retireCurrent(participantId, now);
        ParticipantPhoto saved;
        if (same.isPresent()) {
            photos.reinstate(same.get().id());
            saved = photos.findById(same.get().id()).orElseThrow();
        } else {
            saved = photos.save(new ParticipantPhoto(null, participantId, sha256, checked.mediaType(), checked.width(),
                    checked.height(), checked.bytes(), now, null));
        }
        photos.deleteUnusedRetired(participantId);
        return saved;
    }

    /** Removes the person's photo (404 when there is none); enrolments that froze it keep printing it. */
    @Transactional
    public void remove(long participantId) {
        requirePerson(participantId);
        current(participantId).orElseThrow(() -> DomainRefusal.notFound("entity.participantPhoto", participantId));
        photos.retireCurrent(participantId, clock.instant());
        photos.deleteUnusedRetired(participantId);
    }

    /** Drops the person's retired photos that no enrolment holds any more. */
    @Transactional
    public void dropUnused(long participantId) {
        photos.deleteUnusedRetired(participantId);
    }

    private void requirePerson(long participantId) {
        if (!participants.existsById(participantId)) {
            throw DomainRefusal.notFound("entity.participant", participantId);
        }
    }
}

package id.piagam.enrolment;

import id.piagam.participant.Category;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;

/** API records for enrolments. */
public final class EnrolmentViews {

    private EnrolmentViews() {
    }

    @Serdeable
    public record EnrolRequest(@NotNull Long participantId, @Nullable EnrolmentRole role) {
    }

    /** Changes role or status; {@code refreshIdentity} re-copies the person's current data for printing. */
    @Serdeable
    public record UpdateRequest(@Nullable EnrolmentRole role, @Nullable EnrolmentStatus status, @Nullable Boolean refreshIdentity) {
    }

    @Serdeable
    public record EnrolmentView(Long id, Long eventId, Long participantId, EnrolmentRole role, EnrolmentStatus status,
                                String printedName, String nip, String nik, Category category, String birthPlace,
                                LocalDate birthDate, String golongan, String pangkat, String jabatan, String unitKerja,
                                String instansi, Instant createdAt, Instant updatedAt) {
        public static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.id(), e.eventId(), e.participantId(), e.role(), e.status(), e.printedName(), e.nip(),
                    e.nik(), e.category(), e.birthPlace(), e.birthDate(), e.golongan(), e.pangkat(), e.jabatan(),
                    e.unitKerja(), e.instansi(), e.createdAt(), e.updatedAt());
        }
    }
}

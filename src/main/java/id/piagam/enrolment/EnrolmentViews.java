package id.piagam.enrolment;

import id.piagam.participant.Category;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;

/** API records for enrolments. */
public final class EnrolmentViews {

    private EnrolmentViews() {
    }

    @Serdeable
    public record EnrolRequest(@NotNull Long participantId, @Nullable EnrolmentRole role, @Nullable PanitiaFunction panitiaFunction) {
    }

    /**
     * Changes role, status or a panitia's function; {@code refreshIdentity} re-copies the person's current data
     * for printing.
     */
    @Serdeable
    public record UpdateRequest(@Nullable EnrolmentRole role, @Nullable EnrolmentStatus status, @Nullable Boolean refreshIdentity,
                                @Nullable PanitiaFunction panitiaFunction) {
    }

    @Serdeable
    public record EnrolmentView(Long id, Long eventId, Long participantId, EnrolmentRole role, EnrolmentStatus status,
                                String printedName, String nip, String nik, Category category, String birthPlace,
                                LocalDate birthDate, String golongan, String pangkat, String jabatan, String unitKerja,
                                String instansi, Instant createdAt, Instant updatedAt, PanitiaFunction panitiaFunction) {
        public static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.id(), e.eventId(), e.participantId(), e.role(), e.status(), e.printedName(), e.nip(),
                    e.nik(), e.category(), e.birthPlace(), e.birthDate(), e.golongan(), e.pangkat(), e.jabatan(),
                    e.unitKerja(), e.instansi(), e.createdAt(), e.updatedAt(), e.panitiaFunction());
        }
    }

    /**
     * Corrects single fields of the printed identity (a misspelt name, a wrong golongan for the time
     * of the event): a field left out (null) stays as it is, an empty text clears it.
     */
    @Serdeable
    public record IdentityRequest(@Nullable @Size(max = 300) String printedName,
                                  @Nullable @Size(max = 30) String nip,
                                  @Nullable @Size(max = 30) String nik,
                                  @Nullable @Size(max = 100) String birthPlace,
                                  @Nullable LocalDate birthDate,
                                  @Nullable @Size(max = 10) String golongan,
                                  @Nullable @Size(max = 100) String pangkat,
                                  @Nullable @Size(max = 200) String jabatan,
                                  @Nullable @Size(max = 200) String unitKerja,
                                  @Nullable @Size(max = 200) String instansi) {
    }

    /** One audited correction: who, when, which field, old and new value. */
    @Serdeable
    public record CorrectionView(Instant at, String actor, String field, @Nullable String oldValue, @Nullable String newValue) {
    }
}

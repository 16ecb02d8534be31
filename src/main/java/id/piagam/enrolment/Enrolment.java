package id.piagam.enrolment;

import id.piagam.participant.Category;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's place in one event, with a frozen copy of the identity as it will be printed: rank and
 * position change later, but a certificate states them as they were at the time of the event. A panitia
 * enrolment has its function (ketua, sekretaris…), which its certificate states.
 */
@MappedEntity("enrolment")
public record Enrolment(
        @Id @GeneratedValue @Nullable Long id,
        Long eventId,
        Long participantId,
        EnrolmentRole role,
        EnrolmentStatus status,
        String printedName,
        @Nullable String nip,
        @Nullable String nik,
        Category category,
        @Nullable String birthPlace,
        @Nullable @TypeDef(type = DataType.STRING) LocalDate birthDate,
        @Nullable String golongan,
        @Nullable String pangkat,
        @Nullable String jabatan,
        @Nullable String unitKerja,
        @Nullable String instansi,
        Instant createdAt,
        Instant updatedAt,
        @Nullable PanitiaFunction panitiaFunction) {
}

package id.piagam.participant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A person as the secretariat types or imports them; used for create and (whole) update. */
@Serdeable
public record ParticipantRequest(
        @NotBlank @Size(max = 150) String fullName,
        @Nullable @Size(max = 60) String frontTitle,
        @Nullable @Size(max = 120) String backTitle,
        @Nullable @Size(max = 30) String nip,
        @Nullable @Size(max = 30) String nik,
        @NotNull Category category,
        @Nullable @Size(max = 100) String birthPlace,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex,
        @Nullable @Size(max = 10) String golongan,
        @Nullable @Size(max = 200) String jabatan,
        @Nullable @Size(max = 200) String unitKerja,
        @Nullable @Size(max = 200) String instansi,
        @Nullable @Email @Size(max = 254) String email,
        @Nullable @Size(max = 30) String phone,
        @Nullable @Size(max = 30) String nrp) {
}

package id.piagam.participant;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/** A participant as the API shows it, with the derived pangkat and printed name. */
@Serdeable
public record ParticipantView(Long id, String fullName, String frontTitle, String backTitle, String printedName,
                              String nip, String nik, Category category, String birthPlace, LocalDate birthDate,
                              Sex sex, String golongan, String pangkat, String jabatan, String unitKerja,
                              String instansi, String email, String phone, String nrp, Instant createdAt, Instant updatedAt) {

    public static ParticipantView of(Participant p) {
        return new ParticipantView(p.id(), p.fullName(), p.frontTitle(), p.backTitle(), p.printedName(), p.nip(), p.nik(),
                p.category(), p.birthPlace(), p.birthDate(), p.sex(), p.golongan(),
                Golongan.pangkat(p.category(), p.golongan()).orElse(null), p.jabatan(), p.unitKerja(), p.instansi(),
                p.email(), p.phone(), p.nrp(), p.createdAt(), p.updatedAt());
    }
}

package id.piagam.participant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;

/** One person, once across all events, identified by NIP, NRP (TNI/Polri), NIK or email. */
@MappedEntity("participant")
public record Participant(
        @Id @GeneratedValue @Nullable Long id,
        String fullName,
        @Nullable String frontTitle,
        @Nullable String backTitle,
        @Nullable String nip,
        @Nullable String nik,
        Category category,
        @Nullable String birthPlace,
        @Nullable @TypeDef(type = DataType.STRING) LocalDate birthDate,
        @Nullable Sex sex,
        @Nullable String golongan,
        @Nullable String jabatan,
        @Nullable String unitKerja,
        @Nullable String instansi,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String nrp,
        String searchText,
        Instant createdAt,
        Instant updatedAt) {

    /** The name as printed: "Dr. Ir. Budi Santoso, S.T., M.T.". */
    public String printedName() {
        return printedName(frontTitle, fullName, backTitle);
    }

    public static String printedName(String front, String name, String back) {
        StringBuilder sb = new StringBuilder();
        if (front != null && !front.isBlank()) {
            sb.append(front.trim()).append(' ');
        }
        sb.append(name);
        if (back != null && !back.isBlank()) {
            sb.append(", ").append(back.trim());
        }
        return sb.toString();
    }
}

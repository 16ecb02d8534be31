package id.piagam.exchange;

import id.piagam.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What an import found (preview) or did (import): per row, and in total. */
@Serdeable
public record ImportReport(String fileName, boolean imported, int total, int created, int matched, int alreadyEnrolled, int conflicts,
                           int invalid, int updated, List<Column> columns, List<String> unrecognisedColumns, List<Line> rows) {

    /**
     * NEW creates a person; MATCHED enrols a known person (same NIP or NIK); CONFLICT: the row's
     * NIK, email or phone belongs to someone whose NIP or NIK differs, so it is never imported.
     */
    public enum Status {
        NEW, MATCHED, ALREADY_ENROLLED, CONFLICT, INVALID
    }

    @Serdeable
    public record Column(int column, String header, String field) {
    }

    /** An identity as the sheet gives it or as it is stored. */
    @Serdeable
    public record Person(@Nullable Long id, @Nullable String name, @Nullable String nip, @Nullable String nik, @Nullable String instansi,
                         @Nullable String email, @Nullable String phone, @Nullable String nrp) {
    }

    /** A field where the sheet differs from the stored person. */
    @Serdeable
    public record Difference(String field, @Nullable String sheet, @Nullable String stored) {
    }

    /**
     * One row: for MATCHED, ALREADY_ENROLLED and CONFLICT the sheet's identity and the known person's
     * side by side; for MATCHED and ALREADY_ENROLLED the fields that differ.
     */
    @Serdeable
    public record Line(int row, Status status, String name, @Nullable Long participantId, List<Problem.FieldError> errors,
                       @Nullable Person sheet, @Nullable Person known, List<Difference> differences, boolean updated) {
    }
}

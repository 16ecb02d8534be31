package id.piagam.exchange;

import id.piagam.web.Problem;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What an import found (preview) or did (import): per row, and in total. */
@Serdeable
public record ImportReport(String fileName, boolean imported, int total, int created, int matched, int alreadyEnrolled, int invalid,
                           List<Column> columns, List<String> unrecognisedColumns, List<Line> rows) {

    public enum Status {
        NEW, MATCHED, ALREADY_ENROLLED, INVALID
    }

    @Serdeable
    public record Column(int column, String header, String field) {
    }

    @Serdeable
    public record Line(int row, Status status, String name, Long participantId, List<Problem.FieldError> errors) {
    }
}

package id.piagam.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A training programme: a Bimtek or a Diklat, with its eligibility settings. */
@MappedEntity("event")
public record Event(
        @Id @GeneratedValue @Nullable Long id,
        EventKind kind,
        Track track,
        @Nullable String code,
        String title,
        @Nullable String angkatan,
        int year,
        String organiser,
        @Nullable String partner,
        String place,
        Mode mode,
        @TypeDef(type = DataType.STRING) LocalDate startDate,
        @TypeDef(type = DataType.STRING) LocalDate endDate,
        int minutesPerJp,
        BigDecimal minAttendancePercent,
        @Nullable BigDecimal passMark,
        @Nullable Long gradeScaleId,
        boolean attendanceLetter,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String numberPattern,
        @Nullable String certificateTemplate,
        @Nullable String issuePlace,
        @Nullable @TypeDef(type = DataType.STRING) LocalDate certificateDate,
        @Nullable Integer validityMonths,
        @Nullable String signatoryPrefix,
        @Nullable String signatoryPosition,
        @Nullable String signatoryName,
        @Nullable String signatoryPangkat,
        @Nullable String signatoryNip,
        @Nullable String signatoryOffice,
        @Nullable String signatoryGolongan,
        @Nullable String certificateTitle,
        @Nullable String attendanceTitle,
        @Nullable String narasumberNumberPattern,
        @Nullable String moderatorNumberPattern,
        @Nullable String panitiaNumberPattern,
        @Nullable String narasumberTitle,
        @Nullable String moderatorTitle,
        @Nullable String panitiaTitle) {
}

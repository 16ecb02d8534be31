package id.piagam.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.LocalDate;

/**
 * One session (a mata pelatihan on a day) worth a number of JP. Its narasumber and moderator may be enrolled
 * people ({@code facilitatorEnrolmentId}, {@code moderatorEnrolmentId}), whose certificates list the sessions;
 * the free-text {@code facilitator} names an outsider.
 */
@MappedEntity("event_session")
public record EventSession(
        @Id @GeneratedValue @Nullable Long id,
        Long eventId,
        int position,
        @TypeDef(type = DataType.STRING) LocalDate sessionDate,
        @Nullable String startTime,
        @Nullable String endTime,
        String topic,
        int jp,
        @Nullable String facilitator,
        @Nullable FacilitatorRole facilitatorRole,
        @Nullable Long facilitatorEnrolmentId,
        @Nullable Long moderatorEnrolmentId) {
}

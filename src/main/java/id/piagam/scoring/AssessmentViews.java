package id.piagam.scoring;

import id.piagam.assessment.Assessment;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

public final class AssessmentViews {

    private AssessmentViews() {
    }

    /** Component scores by component name; components not named keep their score. */
    @Serdeable
    public record ScoresRequest(@NotNull @Size(min = 1, max = 50) Map<String, BigDecimal> scores) {
    }

    @Serdeable
    public record AssessmentView(Long participantId, String printedName, Map<String, BigDecimal> scores,
                                 BigDecimal finalScore, Assessment.Result result, String kualifikasi, List<String> missing) {
    }
}

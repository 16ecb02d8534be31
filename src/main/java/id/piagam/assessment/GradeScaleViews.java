package id.piagam.assessment;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** API records for grade scales. */
public final class GradeScaleViews {

    private GradeScaleViews() {
    }

    @Serdeable
    public record BandView(String label, BigDecimal lowerBound, boolean passing) {
    }

    @Serdeable
    public record ScaleView(Long id, String code, int version, String name, BigDecimal passBoundary, List<BandView> bands) {
    }

    @Serdeable
    public record BandRequest(@NotBlank @Size(max = 60) String label,
                              @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal lowerBound,
                              boolean passing) {
    }

    /** A new scale, or a new version of an existing code. */
    @Serdeable
    public record ScaleRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
                               @NotBlank @Size(max = 150) String name,
                               @NotEmpty @Size(max = 20) @Valid List<BandRequest> bands) {
    }
}

package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import id.piagam.validation.UploadedImage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rule for a participant's pas foto (3×4, printed 30 × 40 mm on the STTP): a real JPEG or PNG (by its
 * content) of at most 2 MB, at least 150 × 200 and at most 4000 × 4000 pixels, upright and roughly 3:4 (width
 * over height from 0.65 to 0.85, so 2:3, 3:4 and 35 × 45 mm passport photos pass; a landscape or square
 * picture does not). Transparency is flattened onto white (PDF/A-1 forbids it). The EXIF orientation tag is
 * not applied: the picture is stored and printed as its pixels lie.
 */
public final class PassPhoto {

    public static final String FIELD = "photo";
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MIN_WIDTH = 150;
    public static final int MIN_HEIGHT = 200;
    public static final int MAX_PIXELS = 4000;
    static final BigDecimal MIN_RATIO = new BigDecimal("0.65");
    static final BigDecimal MAX_RATIO = new BigDecimal("0.85");

    private static final UploadedImage.Limits LIMITS = new UploadedImage.Limits(MAX_BYTES, MIN_WIDTH, MAX_PIXELS);

    private PassPhoto() {
    }

    /** The picture as it will be stored and printed, or the problem with it under {@code photo}. */
    public static UploadedImage.Checked check(byte[] bytes) throws UploadedImage.InvalidImage {
        UploadedImage.Checked checked = UploadedImage.check(bytes, LIMITS, FIELD);
        int w = checked.width();
        int h = checked.height();
        if (w < MIN_WIDTH || h < MIN_HEIGHT) {
            throw UploadedImage.InvalidImage.of(FieldProblem.of(FIELD, "photo.small", w, h, MIN_WIDTH, MIN_HEIGHT));
        }
        BigDecimal ratio = BigDecimal.valueOf(w).divide(BigDecimal.valueOf(h), 2, RoundingMode.HALF_UP);
        if (ratio.compareTo(MIN_RATIO) < 0 || ratio.compareTo(MAX_RATIO) > 0) {
            throw UploadedImage.InvalidImage.of(FieldProblem.of(FIELD, "photo.shape", w, h));
        }
        return checked;
    }
}

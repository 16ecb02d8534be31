package id.piagam.validation;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An uploaded picture (an agency logo, a pas foto) checked before it is stored and printed: a PNG
 * or JPEG by its signature, within a size in bytes, really decodable, within sensible dimensions.
 * PDF/A-1 forbids transparency, so a picture with an alpha channel (or a palette with a transparent
 * colour) is flattened onto white and stored as an opaque PNG; an opaque picture is kept as uploaded.
 */
public final class UploadedImage {

    /** Accepted bytes and their media type ({@code image/png} or {@code image/jpeg}). */
    public record Checked(byte[] bytes, String mediaType, int width, int height) {
    }

    /** The limits of one kind of upload. */
    public record Limits(int maxBytes, int minPixels, int maxPixels) {
    }

    private UploadedImage() {
    }

    /** The picture, made PDF/A-safe, or the problem with it under {@code field} (codes {@code image.*}). */
    public static Checked check(byte[] bytes, Limits limits, String field) throws InvalidImage {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidImage(FieldProblem.of(field, "image.empty"));
        }
        if (bytes.length > limits.maxBytes()) {
            throw new InvalidImage(FieldProblem.of(field, "image.tooLarge", limits.maxBytes() / 1024));
        }
        String type = mediaType(bytes);
        if (type == null) {
            throw new InvalidImage(FieldProblem.of(field, "image.type"));
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw new InvalidImage(FieldProblem.of(field, "image.unreadable"));
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (Math.min(w, h) < limits.minPixels() || Math.max(w, h) > limits.maxPixels()) {
            throw new InvalidImage(FieldProblem.of(field, "image.dimensions", w, h, limits.minPixels(), limits.maxPixels()));
        }
        if (!image.getColorModel().hasAlpha() && image.getColorModel().getNumColorComponents() == 3) {
            return new Checked(bytes, type, w, h);
        }
        return new Checked(flattened(image), "image/png", w, h);
    }

    /** The picture drawn onto white, as an opaque 8-bit RGB PNG (also turns grey or CMYK into RGB). */
    private static byte[] flattened(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(rgb, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** PNG or JPEG by their signatures; anything else is null. */
    public static String mediaType(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    /** A refused upload, with the field named. */
    public static final class InvalidImage extends Exception {
        private final transient FieldProblem problem;

        InvalidImage(FieldProblem problem) {
            super(problem.code(), null, false, false);
            this.problem = problem;
        }

        /** A refusal by a stricter rule of one kind of picture (a pas foto's shape). */
        public static InvalidImage of(FieldProblem problem) {
            return new InvalidImage(problem);
        }

        public List<FieldProblem> problems() {
            return List.of(problem);
        }
    }
}

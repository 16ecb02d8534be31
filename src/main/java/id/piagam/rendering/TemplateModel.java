package id.piagam.rendering;

import com.samskivert.mustache.Template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A certificate template as parsed from its folder: immutable, validated, with its fonts and images
 * already loaded. Positions and sizes are in millimetres from the top-left corner of the page.
 */
public record TemplateModel(String name, String title, Set<String> kinds, float widthMm, float heightMm,
                            Map<String, Asset> fonts, List<Page> pages, String contentHash) {

    /** A file the template uses, read once at load. */
    public record Asset(String path, byte[] bytes) {
    }

    public record Page(Optional<Asset> background, List<Element> elements) {
    }

    public enum Align {
        LEFT, CENTER, RIGHT
    }

    /** One thing drawn on a page; {@code id} names it in error messages. */
    public sealed interface Element permits Text, Image, Qr, Line, Box, Curriculum, Scores {
        String id();

        /** The area it may cover, in mm: x, y, width, height. */
        float[] bounds();
    }

    static final float MM_PER_PT = 25.4f / 72f;

    /**
     * Text with placeholders. {@code y} is the top of the text box; a single line shrinks (down to
     * {@code minSize}) to fit {@code width}; with {@code maxLines > 1} it wraps, then shrinks.
     */
    public record Text(String id, String source, Template template, float x, float y, float width, String font, float size,
                       float minSize, int maxLines, float lineHeight, Align align, String color) implements Element {
        @Override
        public float[] bounds() {
            return new float[]{x, y, width, size * MM_PER_PT * lineHeight * maxLines};
        }
    }

    /**
     * A picture: the file {@code asset}, or the picture of the certificate named by {@code source}
     * ({@code agency.logo}, {@link TemplateFields#IMAGES}) with the file, when given, as its stand-in.
     * Either may be null, not both; a picture is fitted into the box, keeping its proportions, centred.
     */
    public record Image(String id, Asset asset, String source, float x, float y, float width, float height) implements Element {
        @Override
        public float[] bounds() {
            return new float[]{x, y, width, height};
        }
    }

    /** The QR code of the certificate's verification URL. */
    public record Qr(String id, float x, float y, float size) implements Element {
        @Override
        public float[] bounds() {
            return new float[]{x, y, size, size};
        }
    }

    public record Line(String id, float x1, float y1, float x2, float y2, float lineWidth, String color) implements Element {
        @Override
        public float[] bounds() {
            return new float[]{Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1)};
        }
    }

    public record Box(String id, float x, float y, float width, float height, float lineWidth, String color) implements Element {
        @Override
        public float[] bounds() {
            return new float[]{x, y, width, height};
        }
    }

    /** The curriculum (agenda pembelajaran): one row per mata pelatihan with its JP, and the total. */
    public record Curriculum(String id, float x, float y, float width, float maxHeight, String font, String headerFont,
                             float size) implements Element {
        @Override
        public float[] bounds() {
            return new float[]{x, y, width, maxHeight};
        }
    }

    /**
     * The assessment (competency certificates): each component with its weight and score, then the
     * final score and kualifikasi. Drawn only when the certificate has scores.
     */
    public record Scores(String id, float x, float y, float width, float maxHeight, String font, String headerFont,
                         float size) implements Element {
        @Override
        public float[] bounds() {
            return new float[]{x, y, width, maxHeight};
        }
    }
}

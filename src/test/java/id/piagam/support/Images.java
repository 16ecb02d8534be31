package id.piagam.support;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

/** Pictures for tests and the benchmark: a certificate background as a photographic JPEG. */
public final class Images {

    private Images() {
    }

    /**
     * A pas foto: a head and shoulders on a plain ground, {@code w} by {@code h} pixels, as a JPEG, or as a PNG whose
     * ground is transparent when {@code alpha}.
     */
    public static byte[] passPhoto(int w, int h, String format, boolean alpha) throws IOException {
        BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        if (!alpha) {
            g.setColor(new Color(0xB22222)); // the red ground of an Indonesian pas foto
            g.fillRect(0, 0, w, h);
        }
        g.setColor(new Color(0x2B2B2B));
        g.fillOval(w / 4, h / 8, w / 2, h * 3 / 8);
        g.fillRoundRect(w / 10, h * 9 / 16, w * 4 / 5, h / 2, w / 3, w / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A noisy photographic JPEG of at most about {@code target} bytes (A4 at 150 dpi). */
    public static byte[] noisyJpeg(int target) throws IOException {
        BufferedImage img = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(3);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int base = 235 + (int) (15 * Math.sin(x / 90.0) * Math.cos(y / 70.0));
                int noise = r.nextInt(60);
                int v = Math.min(255, base - noise);
                img.setRGB(x, y, (v << 16) | ((v - 3) << 8) | Math.min(255, v + 8));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        byte[] best = null;
        for (float q = 0.95f; q > 0.05f; q -= 0.05f) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(q);
            writer.setOutput(new MemoryCacheImageOutputStream(out));
            writer.write(null, new IIOImage(img, null, null), p);
            best = out.toByteArray();
            if (best.length <= target) {
                break;
            }
        }
        return best;
    }

    /**
     * A copy of the repository's {@code templates} folder in {@code to} with one more template,
     * {@code name}: the default STTP printed over {@code jpeg} as its background.
     */
    public static Path templatesWithBackground(Path to, String name, byte[] jpeg) throws IOException {
        Path from = Path.of("templates");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        Path bg = to.resolve(name);
        Files.createDirectories(bg);
        Files.write(bg.resolve("background.jpg"), jpeg);
        Files.writeString(bg.resolve("template.yml"), Files.readString(to.resolve("sttp-diklat/template.yml"))
                .replaceFirst("pages:\n  - elements:", "pages:\n  - background: background.jpg\n    elements:"));
        return to;
    }
}

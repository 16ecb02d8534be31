package id.piagam.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Safe download names and streamed downloads (written by a producer while the client reads). */
public final class Downloads {

    private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);
    private static final ExecutorService PRODUCERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "download-producer");
        t.setDaemon(true);
        return t;
    });

    /** Writes a download body to the stream it is given. */
    public interface Producer {
        void write(OutputStream out) throws IOException;
    }

    private Downloads() {
    }

    /** ASCII letters, digits and hyphens only: no path separators, quotes or control characters. */
    public static String slug(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-+|-+$)", "").toLowerCase(Locale.ROOT);
        return s.length() > 80 ? s.substring(0, 80) : s.isEmpty() ? "dokumen" : s;
    }

    public static String certificateFileName(String holder, String number) {
        return "sertifikat-" + slug(holder) + "-" + slug(number) + ".pdf";
    }

    public static String transcriptFileName(String holder) {
        return "transkrip-" + slug(holder) + ".pdf";
    }

    public static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
    }

    /**
     * An input stream fed by {@code producer} on its own thread, so large downloads are never held in
     * memory. If the client goes away, the producer's next write fails and it stops.
     */
    public static InputStream stream(Producer producer) {
        try {
            PipedInputStream in = new PipedInputStream(256 * 1024);
            PipedOutputStream out = new PipedOutputStream(in);
            PRODUCERS.submit(() -> {
                try (out) {
                    producer.write(out);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Download stopped: {}", e.getMessage());
                }
            });
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

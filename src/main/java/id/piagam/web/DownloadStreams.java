package id.piagam.web;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;

/**
 * Streamed downloads (the event's ZIP and print PDF): a producer writes the body on the managed
 * {@code downloads} executor (a fixed pool, {@code micronaut.executors.downloads} in application.yml)
 * while the client reads, so a large download is never held in memory and many at once cannot
 * start threads without bound; the ones beyond the pool wait their turn.
 */
@Singleton
public class DownloadStreams {

    /** The executor's name in application.yml. */
    public static final String EXECUTOR = "downloads";
    private static final Logger LOG = LoggerFactory.getLogger(DownloadStreams.class);

    /** Writes a download body to the stream it is given. */
    public interface Producer {
        void write(OutputStream out) throws IOException;
    }

    private final ExecutorService producers;

    DownloadStreams(@Named(EXECUTOR) ExecutorService producers) {
        this.producers = producers;
    }

    /**
     * An input stream fed by {@code producer} on the downloads executor. If the client goes away, the
     * producer's next write fails and it stops.
     */
    public InputStream stream(Producer producer) {
        try {
            PipedInputStream in = new PipedInputStream(256 * 1024);
            PipedOutputStream out = new PipedOutputStream(in);
            producers.submit(() -> {
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

package id.piagam.web;

import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.executor.ExecutorConfiguration;
import io.micronaut.scheduling.executor.ExecutorType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Streamed downloads are written on the managed, bounded {@code downloads} executor of application.yml. */
@MicronautTest(transactional = false)
class DownloadStreamsTest extends ApiTest {

    @Inject
    @Named(DownloadStreams.EXECUTOR)
    ExecutorConfiguration downloads;

    private byte[] get(String path) {
        HttpRequest<?> request = HttpRequest.GET(path).bearerAuth(anonymous.login("operator", "operator-secret-1"));
        return httpClient.toBlocking().retrieve(request, byte[].class);
    }

    @Test
    void theZipAndThePrintPdfAreWrittenOnTheBoundedDownloadsExecutor() {
        assertThat(downloads.getType()).isEqualTo(ExecutorType.FIXED);
        assertThat(downloads.getNumberOfThreads()).as("application.yml: micronaut.executors.downloads.n-threads").isEqualTo(4);
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        s.issue(s.attending(4501, "Yusuf Hidayat"));

        assertThat(get("/api/events/" + s.eventId + "/certificates.zip")).startsWith("PK".getBytes());
        assertThat(get("/api/events/" + s.eventId + "/certificates.pdf")).startsWith("%PDF".getBytes());

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("the producers ran on the managed executor's threads")
                .anyMatch(name -> name.startsWith("downloads-executor"))
                .noneMatch(name -> name.startsWith("download-producer"));
    }
}

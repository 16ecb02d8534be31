package id.piagam.certificate;

import id.piagam.web.Messages;
import id.piagam.web.OutageNote;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * While the database is down, every page and API answer names the bulk issues this instance holds and says
 * that they wait and go on by themselves (issue #16): the secretariat sees what happened to the job it started,
 * not only that the request failed.
 */
@Singleton
class JobsWaitingNote implements OutageNote {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Jakarta"));

    private final CertificateJobs jobs;
    private final Messages messages;

    JobsWaitingNote(CertificateJobs jobs, Messages messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    @Override
    public List<String> whileDatabaseUnavailable(Locale locale) {
        return jobs.waitingForDatabase().stream()
                .map(w -> w.eventId()
                        .map(event -> messages.get(locale, "problem.outage.jobOfEvent", List.of(String.valueOf(w.jobId()), String.valueOf(event), TIME.format(w.since()))))
                        .orElseGet(() -> messages.get(locale, "problem.outage.job", List.of(String.valueOf(w.jobId()), TIME.format(w.since())))))
                .toList();
    }
}

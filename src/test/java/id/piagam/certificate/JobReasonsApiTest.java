package id.piagam.certificate;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk job keeps each item's reason as a code with arguments and writes it in the reader's language. */
@MicronautTest(transactional = false)
class JobReasonsApiTest extends ApiTest {

    @Inject
    CertificateJobRepository jobs;
    @Inject
    CertificateJobItemRepository items;

    private static Map<?, ?> item(Api.Res job, long participantId) {
        return ((List<?>) job.get("items")).stream().map(i -> (Map<?, ?>) i)
                .filter(i -> ((Number) i.get("participantId")).longValue() == participantId).findFirst().orElseThrow();
    }

    @Test
    void anItemsReasonIsStoredAsACodeAndReadInEnglishOrIndonesian() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "REASONS"));
        long passed = s.attending(61, "Peserta Lulus");
        s.scored(passed, 80, 80);
        long failed = s.attending(62, "Peserta Gagal");
        s.scored(failed, 50, 50);
        String number = (String) s.issue(passed).get("number");

        Api.Res done = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat(done.get("skipped")).isEqualTo(2);

        List<CertificateJobItem> stored = items.findByJobIdOrderById(done.id());
        assertThat(stored).extracting(CertificateJobItem::reason).containsOnlyNulls();
        assertThat(stored).extracting(CertificateJobItem::reasonCode).containsExactlyInAnyOrder("job.alreadyIssued", "problem.notEligible");

        Api.Res english = operator.inLanguage("en").get("/api/jobs/" + done.id());
        assertThat(item(english, failed).get("reason")).isEqualTo("The participant is not eligible: final score 50.00 < 70");
        assertThat(item(english, failed).get("reasonCode")).isEqualTo(Map.of("code", "problem.notEligible",
                "args", List.of(List.of(Map.of("code", "eligibility.scoreBelow", "args", List.of(50.0, 70.0))))));
        assertThat(item(english, passed).get("reason")).isEqualTo("already issued: " + number);

        Api.Res indonesian = operator.get("/api/jobs/" + done.id());
        assertThat(item(indonesian, failed).get("reason")).isEqualTo("Peserta tidak memenuhi syarat: nilai akhir 50,00 < 70");
        assertThat(item(indonesian, passed).get("reason")).isEqualTo("sudah diterbitkan: " + number);
    }

    @Test
    void anItemStoredBeforeReasonsHadCodesKeepsItsText() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(63, "Peserta Lama");
        CertificateJob old = jobs.save(new CertificateJob(null, s.eventId, CertificateJob.Status.DONE, 1, 0, 1, 0, "operator",
                Instant.now(), Instant.now(), Instant.now()));
        items.save(new CertificateJobItem(null, old.id(), p, CertificateJobItem.Outcome.SKIPPED, "kehadiran 50,00% < 80%", null, null, null));

        Map<?, ?> item = item(operator.inLanguage("en").get("/api/jobs/" + old.id()), p);
        assertThat(item.get("reason")).isEqualTo("kehadiran 50,00% < 80%");
        assertThat(item.get("reasonCode")).isNull();
    }
}

package id.piagam.certificate;

import id.piagam.agency.Agency;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Images;
import id.piagam.support.Scenario;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk job renders certificates ahead with reserved numbers and commits them several per transaction (#14 point 1,
 * #16 point 3). Correctness never depends on what was rendered ahead: a reservation lost meanwhile or a score changed meanwhile gives the right
 * number and content in the stored PDF; a certificate that fails inside a batch is recorded FAILED while the others of
 * its batch issue.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.issuing.batch-wait", value = "60s") // whole batches, whatever the machine's load
class PipelineIssueTest extends ApiTest {

    @Inject
    PreparedCertificates prepared;
    @Inject
    NewCertificates newCertificates;
    @Inject
    Agency agency;
    @Inject
    CertificateService service;
    @Inject
    EligibilityService eligibility;
    @Inject
    EventService events;
    @Inject
    EnrolmentRepository enrolments;
    @Inject
    CertificateRepository certificates;
    @Inject
    CertificateJobItemRepository items;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    CertificateNumbers numbers;
    @Inject
    CertificateJobRepository jobs;

    private String pdfText(long certificateId) throws Exception {
        HttpRequest<?> request = HttpRequest.GET("/api/certificates/" + certificateId + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1"));
        byte[] pdf = httpClient.toBlocking().retrieve(request, byte[].class);
        return (PdfChecks.text(pdf, 1) + " " + PdfChecks.text(pdf, 2)).replaceAll("\\s+", " ");
    }

    /**
     * Prepares the person's certificate as the bulk job's planner does: facts outside a transaction, a number reserved
     * for a running job (one with nobody left to claim, so no runner joins it).
     */
    private NewCertificates.Prepared prepare(Scenario s, long participantId) {
        Event event = events.get(s.eventId);
        Enrolment en = enrolments.findByEventIdAndParticipantId(s.eventId, participantId).orElseThrow();
        EnrolmentOutcome outcome = eligibility.forEnrolment(event, en);
        CertificateJob job = jobs.save(new CertificateJob(null, s.eventId, CertificateJob.Status.RUNNING, 0, 0, 0, 0, "operator",
                Instant.now(), Instant.now(), null));
        CertificateNumbers.Series series = numbers.series(event, newCertificates.issuedOn(event), CertificateKind.COMPETENCY);
        long value = numbers.claim(job.id(), List.of(new CertificateNumbers.Wanted(en, series)), false).values().get(en.id());
        String number = numbers.format(series, value, event, newCertificates.issuedOn(event), CertificateKind.COMPETENCY);
        return newCertificates.prepare(outcome, CertificateKind.COMPETENCY, number, newCertificates.sources(List.of(en)));
    }

    /** Commits the person's certificate as a batch of the bulk job does, with the prepared one. */
    private Certificate commit(Scenario s, long participantId, NewCertificates.Prepared ahead) {
        return tx.executeWrite(status -> {
            Enrolment en = enrolments.findByEventIdAndParticipantId(s.eventId, participantId).orElseThrow();
            enrolments.lock(en.id());
            return service.issueAllLocked(events.get(s.eventId), List.of(en), "operator", Arrays.asList(ahead)).get(0).certificate();
        });
    }

    @Test
    void aPreparedCertificateStillRightIsStoredAsPrepared() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "PIPE-SAME"));
        long dewi = s.attending(1301, "Dewi Prediksi");
        s.scored(dewi, 80, 80);

        NewCertificates.Prepared ahead = prepare(s, dewi);
        Certificate issued = commit(s, dewi, ahead);

        assertThat(issued.number()).isEqualTo(ahead.number());
        assertThat(issued.sha256()).as("the PDF rendered ahead is the one stored").isEqualTo(ahead.sha256());
    }

    @Test
    void aSingleIssueBetweenPrepareAndCommitTakesTheNextNumberAndLeavesTheReservedOne() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "PIPE-TAKEN"));
        long ani = s.attending(1311, "Ani Prediksi");
        long budi = s.attending(1312, "Budi Penyela");
        s.scored(ani, 80, 80).scored(budi, 80, 80);

        NewCertificates.Prepared ahead = prepare(s, ani);
        Api.Res single = s.issue(budi); // issued while Ani's certificate is being rendered: not Ani's reserved number
        assertThat(single.get("number")).isNotEqualTo(ahead.number());
        Certificate issued = commit(s, ani, ahead);

        assertThat(issued.number()).isEqualTo(ahead.number());
        assertThat(issued.sha256()).as("the PDF rendered ahead is the one stored").isEqualTo(ahead.sha256());
        assertThat(pdfText(issued.id())).contains(issued.number()).contains("Ani Prediksi");
        assertThat(Math.abs(seq(issued.number()) - seq((String) single.get("number")))).as("two numbers side by side").isEqualTo(1);
    }

    @Test
    void aNumberLostBetweenPrepareAndCommitGivesTheNumberTakenPrintedInThePdf() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "PIPE-LOST"));
        long dina = s.attending(1316, "Dina Prediksi");
        long budi = s.attending(1317, "Budi Penyela");
        s.scored(dina, 80, 80).scored(budi, 80, 80);

        NewCertificates.Prepared ahead = prepare(s, dina);
        // the reservation's job ends (its numbers become free); a single issue then fills the free number
        tx.executeWrite(status -> {
            jobs.findByStatus(CertificateJob.Status.RUNNING).stream().filter(j -> j.eventId() == s.eventId)
                    .forEach(j -> numbers.free(enrolments.findByEventIdAndParticipantId(s.eventId, dina).orElseThrow().id(), j.id()));
            return null;
        });
        Api.Res single = s.issue(budi);
        assertThat(single.get("number")).isEqualTo(ahead.number());
        Certificate issued = commit(s, dina, ahead);

        assertThat(issued.number()).isNotEqualTo(ahead.number());
        assertThat(issued.sha256()).isNotEqualTo(ahead.sha256());
        String text = pdfText(issued.id());
        assertThat(text).contains(issued.number()).doesNotContain(ahead.number()).contains("Dina Prediksi");
    }

    private static int seq(String number) {
        return Integer.parseInt(number.split("/")[1]);
    }

    @Test
    void aScoreChangedBetweenPrepareAndCommitPrintsTheNewScore() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "PIPE-SCORE"));
        long citra = s.attending(1321, "Citra Prediksi");
        s.scored(citra, 80, 80);

        NewCertificates.Prepared ahead = prepare(s, citra);
        s.scored(citra, 80, 93.75);
        Certificate issued = commit(s, citra, ahead);

        assertThat(issued.number()).as("nobody took a number meanwhile").isEqualTo(ahead.number());
        assertThat(issued.sha256()).as("rendered again in the transaction").isNotEqualTo(ahead.sha256());
        assertThat(PdfChecks.text(ahead.printed().signed().pdf(), 2)).doesNotContain("93,75");
        assertThat(pdfText(issued.id())).contains("93,75");
    }

    @Test
    void aFailingCertificateInTheMiddleOfABatchIsFailedWhileItsBatchMatesIssue() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "PIPE-FAIL"));
        long[] people = {
                s.attending(1331, "Agus Batch"), s.attending(1332, "Bayu Batch"), 0, s.attending(1334, "Dodi Batch"),
                s.attending(1335, "Eko Batch")};
        Api.Res person = operator.post("/api/participants", Fixtures.aPns(1333, "Candra Batch"));
        assertThat(operator.send(HttpRequest.PUT("/api/participants/" + person.id() + "/photo", Images.passPhoto(300, 400, "png", false))
                .contentType("image/png")).status()).isEqualTo(200);
        people[2] = person.id();
        assertThat(operator.post("/api/events/" + s.eventId + "/enrolments", Map.of("participantId", people[2])).status()).isEqualTo(201);
        for (long session : s.sessionIds) {
            operator.put("/api/events/" + s.eventId + "/sessions/" + session + "/attendance",
                    List.of(Map.of("participantId", people[2], "status", "HADIR")));
        }
        for (long p : people) {
            s.scored(p, 80, 80);
        }
        // the frozen photo's bytes no longer decode: this person's certificate cannot be rendered
        tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "UPDATE participant_photo SET bytes = ? WHERE participant_id = ?")) {
                ps.setBytes(1, new byte[]{1, 2, 3, 4});
                ps.setLong(2, people[2]);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        Api.Res done = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));

        assertThat(done.get("issued")).isEqualTo(4);
        assertThat(done.get("failed")).isEqualTo(1);
        List<CertificateJobItem> lines = items.findByJobIdOrderById(((Number) done.get("id")).longValue());
        assertThat(lines).filteredOn(i -> i.participantId() == people[2]).singleElement()
                .satisfies(i -> assertThat(i.outcome()).isEqualTo(CertificateJobItem.Outcome.FAILED))
                .satisfies(i -> assertThat(i.reasonCode()).isEqualTo("job.systemError"));
        List<Certificate> issued = certificates.findByEventIdOrderByNumber(s.eventId);
        assertThat(issued).extracting(Certificate::participantId).containsExactlyInAnyOrder(people[0], people[1], people[3], people[4]);
        List<Integer> seqs = issued.stream().map(c -> Integer.parseInt(c.number().split("/")[1])).sorted().toList();
        assertThat(seqs.get(3) - seqs.get(0)).as("four consecutive numbers, no gap for the failed one").isEqualTo(3);
        for (Certificate c : issued) {
            assertThat(pdfText(c.id())).contains(c.number()).contains(c.holderName().split(",")[0]);
        }
    }
}

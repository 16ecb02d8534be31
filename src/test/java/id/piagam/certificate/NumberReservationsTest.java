package id.piagam.certificate;

import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Number reservations as the bulk job's work claims (issue #16 point 3): a job reserves its people's numbers before
 * rendering, so several runners split one job; whoever issues to a person takes the number reserved for them, a
 * number given up is filled by the next one taken, and a job leaves no gap and no reservation behind.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.issuing.join-running-jobs", value = "false") // each runner here is started by the test
class NumberReservationsTest extends ApiTest {

    @Inject
    CertificateJobs certificateJobs;
    @Inject
    CertificateJobRepository jobs;
    @Inject
    CertificateJobItemRepository items;
    @Inject
    CertificateNumbers numbers;
    @Inject
    CertificateRepository certificates;
    @Inject
    EnrolmentRepository enrolments;
    @Inject
    EventService events;
    @Inject
    NewCertificates newCertificates;
    @Inject
    TransactionOperations<Connection> tx;

    /** A Bimtek (attendance decides) numbered in a series of its own, so its numbers run from 1. */
    private Scenario bimtek(String prefix) {
        return Scenario.of(operator, Fixtures.aBimtek().with("code", prefix).with("certificate", Map.of("issuePlace", "Surabaya",
                "numberPattern", prefix + "/{seq:3}/{yyyy}", "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi"))));
    }

    private long[] people(Scenario s, int first, int count) {
        return IntStream.range(0, count).mapToLong(i -> s.attending(first + i, "Peserta " + Fixtures.letters(i))).toArray();
    }

    private CertificateJob runningJob(Scenario s, int total) {
        return jobs.save(new CertificateJob(null, s.eventId, CertificateJob.Status.RUNNING, total, 0, 0, 0, "operator",
                Instant.now(), Instant.now(), null));
    }

    /** What the planner of the job does for these people: their numbers reserved (counter values, by participant). */
    private Map<Long, Long> claim(Scenario s, CertificateJob job, long... participants) {
        Event event = events.get(s.eventId);
        List<CertificateNumbers.Wanted> wanted = new ArrayList<>();
        Map<Long, Long> participantOf = new HashMap<>();
        for (long p : participants) {
            Enrolment en = enrolments.findByEventIdAndParticipantId(s.eventId, p).orElseThrow();
            participantOf.put(en.id(), p);
            wanted.add(new CertificateNumbers.Wanted(en, numbers.series(event, newCertificates.issuedOn(event), CertificateKind.ATTENDANCE)));
        }
        Map<Long, Long> values = new HashMap<>();
        numbers.claim(job.id(), wanted, false).values().forEach((enrolment, value) -> values.put(participantOf.get(enrolment), value));
        return values;
    }

    private void absentFromEverySession(Scenario s, long participant) {
        for (long session : s.sessionIds) {
            operator.put("/api/events/" + s.eventId + "/sessions/" + session + "/attendance",
                    List.of(Map.of("participantId", participant, "status", "ALPA")));
        }
    }

    /** The counter values of the event's certificates, by participant. */
    private Map<Long, Integer> issuedNumbers(Scenario s) {
        Map<Long, Integer> found = new HashMap<>();
        for (Certificate c : certificates.findByEventIdOrderByNumber(s.eventId)) {
            assertThat(found.put(c.participantId(), seq(c.number()))).as("one certificate per person").isNull();
        }
        return found;
    }

    private static int seq(String number) {
        return Integer.parseInt(number.split("/")[1]);
    }

    private long single(String sql, Object... args) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long counter(String prefix) {
        return single("SELECT last_value FROM number_sequence WHERE pattern = ?", prefix + "/{seq:3}/{yyyy}");
    }

    private long reservations(String prefix) {
        return single("SELECT COUNT(*) FROM number_reservation WHERE pattern = ?", prefix + "/{seq:3}/{yyyy}");
    }

    private CertificateJobItem.Outcome outcome(CertificateJob job, long participant) {
        return items.findByJobIdOrderById(job.id()).stream().filter(i -> i.participantId() == participant)
                .map(CertificateJobItem::outcome).findFirst().orElseThrow();
    }

    @Test
    void aSingleIssueOfAReservedPersonTakesTheReservedNumberAndTheJobSkipsThem() {
        Scenario s = bimtek("RSVA");
        long[] p = people(s, 4101, 3);
        CertificateJob job = runningJob(s, 3);
        Map<Long, Long> reserved = claim(s, job, p);
        assertThat(reserved.values()).containsExactlyInAnyOrder(1L, 2L, 3L);

        Api.Res single = s.issue(p[1]);
        assertThat(single.status()).isEqualTo(201);
        assertThat(seq((String) single.get("number"))).isEqualTo(reserved.get(p[1]).intValue());

        certificateJobs.run(job.id());

        CertificateJob done = jobs.findById(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(CertificateJob.Status.DONE);
        assertThat(done.issued()).isEqualTo(2);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(outcome(job, p[1])).isEqualTo(CertificateJobItem.Outcome.SKIPPED);
        Map<Long, Integer> issued = issuedNumbers(s);
        for (long person : p) {
            assertThat(issued.get(person)).as("each person has the number reserved for them").isEqualTo(reserved.get(person).intValue());
        }
        assertThat(reservations("RSVA")).as("a finished job holds nothing").isZero();
        assertThat(counter("RSVA")).isEqualTo(3);
    }

    @Test
    void aPersonRefusedAtCommitGivesUpTheirNumberAndNoGapRemains() {
        Scenario s = bimtek("RSVB");
        long[] p = people(s, 4201, 4);
        CertificateJob job = runningJob(s, 4);
        Map<Long, Long> reserved = claim(s, job, p);
        long refused = p[0];
        absentFromEverySession(s, refused); // between the plan and the commit

        certificateJobs.run(job.id());

        CertificateJob done = jobs.findById(job.id()).orElseThrow();
        assertThat(done.issued()).isEqualTo(3);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(outcome(job, refused)).isEqualTo(CertificateJobItem.Outcome.SKIPPED);
        Map<Long, Integer> issued = issuedNumbers(s);
        assertThat(issued).doesNotContainKey(refused);
        assertThat(issued.values()).as("the refused person's number went to another, none left unused").containsExactlyInAnyOrder(1, 2, 3);
        assertThat(reserved.get(refused)).isEqualTo(1L);
        assertThat(counter("RSVB")).as("the number left over returned to the counter").isEqualTo(3);
        assertThat(reservations("RSVB")).isZero();
    }

    @Test
    void aNumberGivenUpBelowAnotherJobsReservationIsTakenByTheNextIssue() {
        Scenario s = bimtek("RSVC");
        long[] p = people(s, 4301, 2);
        Scenario other = Scenario.of(operator, Fixtures.aBimtek().with("code", "RSVC2").with("certificate", Map.of("issuePlace", "Surabaya",
                "numberPattern", "RSVC/{seq:3}/{yyyy}", "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi")))); // the same series
        long q = other.attending(4311, "Peserta Lain");
        CertificateJob first = runningJob(s, 2);
        CertificateJob second = runningJob(other, 1);
        Map<Long, Long> reserved = claim(s, first, p[0], p[1]);
        reserved.putAll(claim(other, second, q));
        assertThat(reserved).containsEntry(p[0], 1L).containsEntry(p[1], 2L).containsEntry(q, 3L);
        absentFromEverySession(s, p[0]);

        certificateJobs.run(first.id()); // p[0] refused: p[1] takes 1, and 2 stays free below the second job's 3

        assertThat(issuedNumbers(s)).containsOnly(Map.entry(p[1], 1));
        assertThat(reservations("RSVC")).as("2 free, 3 held").isEqualTo(2);
        long late = s.attending(4303, "Peserta Terlambat");
        Api.Res single = s.issue(late);
        assertThat(seq((String) single.get("number"))).as("the free number is taken first").isEqualTo(2);
        certificateJobs.run(second.id());

        assertThat(issuedNumbers(s)).containsOnly(Map.entry(p[1], 1), Map.entry(late, 2));
        assertThat(issuedNumbers(other)).containsOnly(Map.entry(q, 3));
        assertThat(counter("RSVC")).isEqualTo(3);
        assertThat(reservations("RSVC")).isZero();
    }

    @Test
    void aJobStoppedWithReservationsResumesWithTheSameNumbers() {
        Scenario s = bimtek("RSVD");
        long[] p = people(s, 4401, 5);
        CertificateJob job = runningJob(s, 5);
        // what a runner stopped (or killed) after planning leaves: the job RUNNING and three people's numbers reserved
        Map<Long, Long> reserved = claim(s, job, p[3], p[4], p[0]);
        Api.Res meanwhile = s.issue(p[2]); // an issue meanwhile does not take them
        assertThat(seq((String) meanwhile.get("number"))).isEqualTo(4);

        certificateJobs.run(job.id());

        Map<Long, Integer> issued = issuedNumbers(s);
        for (long person : new long[]{p[3], p[4], p[0]}) {
            assertThat(issued.get(person)).isEqualTo(reserved.get(person).intValue());
        }
        assertThat(issued.values()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(jobs.findById(job.id()).orElseThrow().issued()).isEqualTo(4);
        assertThat(reservations("RSVD")).isZero();
    }

    @Test
    void theNumbersOfAJobThatEndedAreFreeForTheNextIssue() {
        Scenario s = bimtek("RSVE");
        long[] p = people(s, 4501, 3);
        CertificateJob failed = runningJob(s, 2);
        CertificateJob other = runningJob(s, 1);
        claim(s, failed, p[0], p[1]);
        claim(s, other, p[2]);
        jobs.finish(failed.id(), CertificateJob.Status.FAILED, Instant.now()); // ended without giving its numbers back

        Api.Res single = s.issue(p[2]);

        assertThat(seq((String) single.get("number"))).as("the person's own reservation").isEqualTo(3);
        Api.Res next = s.issue(p[0]);
        assertThat(seq((String) next.get("number"))).as("a reservation of a job no longer running is a free number").isEqualTo(1);
        Api.Res last = s.issue(p[1]);
        assertThat(seq((String) last.get("number"))).isEqualTo(2);
        assertThat(counter("RSVE")).isEqualTo(3);
    }

    @Test
    void twoRunnersOfOneJobSplitThePeopleAndIssueEachOnceWithGaplessNumbers() throws Exception {
        Scenario s = bimtek("RSVF");
        int people = 80;
        people(s, 4601, people);
        CertificateJob job = runningJob(s, people);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runners = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return certificateJobs.run(job.id());
        })).toList();
        start.countDown();
        int first = runners.get(0).get();
        int second = runners.get(1).get();

        assertThat(first).as("the first runner issued some").isPositive();
        assertThat(second).as("the second runner issued some").isPositive();
        assertThat(first + second).as("each person once").isEqualTo(people);
        CertificateJob done = jobs.findById(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(CertificateJob.Status.DONE);
        assertThat(done.issued()).isEqualTo(people);
        assertThat(done.skipped() + done.failed()).isZero();
        assertThat(items.findByJobIdOrderById(job.id())).as("one progress line per person").hasSize(people);
        assertThat(issuedNumbers(s).values().stream().sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, people).boxed().toList());
        assertThat(reservations("RSVF")).isZero();
        assertThat(counter("RSVF")).isEqualTo(people);
    }

    @Test
    void anotherInstanceJoinsARunningJobWithPeopleNobodyClaimedAndNotOneWhollyClaimed() {
        Scenario s = bimtek("RSVG");
        long[] p = people(s, 4701, 3);
        CertificateJob claimed = runningJob(s, 2);
        claim(s, claimed, p[0], p[1]); // another runner holds both of its people
        CertificateJob open = runningJob(s, 3); // started elsewhere, nobody claimed anything yet

        List<Long> joined = certificateJobs.joinRunning();

        assertThat(joined).contains(open.id()).doesNotContain(claimed.id());
        CertificateJob done = await().atMost(Duration.ofMinutes(1)).until(() -> jobs.findById(open.id()).orElseThrow(),
                j -> j.status() != CertificateJob.Status.RUNNING);
        assertThat(done.status()).isEqualTo(CertificateJob.Status.DONE);
        assertThat(done.issued()).isEqualTo(3);
        assertThat(issuedNumbers(s).values()).containsExactlyInAnyOrder(1, 2, 3);
        jobs.finish(claimed.id(), CertificateJob.Status.DONE, Instant.now());
    }

    @Test
    void aJobThatFindsAPersonItHeldAlreadyIssuedGivesUpTheirNumberAndLeavesNoGap() {
        Scenario s = bimtek("RSVH");
        long[] p = people(s, 4721, 3);
        assertThat(seq((String) s.issue(p[0]).get("number"))).isEqualTo(1);
        CertificateJob job = runningJob(s, 3);
        // what a claim that read just before that issue committed leaves on PostgreSQL: the job holding 2 for p[0]
        long enrolment = enrolments.findByEventIdAndParticipantId(s.eventId, p[0]).orElseThrow().id();
        tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "INSERT INTO number_reservation (pattern, year, seq, enrolment_id, job_id) VALUES (?, ?, 2, ?, ?)");
                 PreparedStatement counter = status.getConnection().prepareStatement(
                         "UPDATE number_sequence SET last_value = 2 WHERE pattern = ?")) {
                ps.setString(1, "RSVH/{seq:3}/{yyyy}");
                ps.setInt(2, 2026);
                ps.setLong(3, enrolment);
                ps.setLong(4, job.id());
                ps.executeUpdate();
                counter.setString(1, "RSVH/{seq:3}/{yyyy}");
                return counter.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(claim(s, job, p[1], p[2]).values()).containsExactlyInAnyOrder(3L, 4L);

        certificateJobs.run(job.id());

        assertThat(outcome(job, p[0])).isEqualTo(CertificateJobItem.Outcome.SKIPPED);
        assertThat(issuedNumbers(s).values()).as("the number held for the person already issued went to another")
                .containsExactlyInAnyOrder(1, 2, 3);
        assertThat(counter("RSVH")).isEqualTo(3);
        assertThat(reservations("RSVH")).isZero();
    }
}

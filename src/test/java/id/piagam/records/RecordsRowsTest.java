package id.piagam.records;

import id.piagam.assessment.AssessmentComponent;
import id.piagam.assessment.AssessmentComponentRepository;
import id.piagam.assessment.Score;
import id.piagam.assessment.ScoreRepository;
import id.piagam.attendance.Attendance;
import id.piagam.attendance.AttendanceRepository;
import id.piagam.attendance.AttendanceStatus;
import id.piagam.certificate.Certificate;
import id.piagam.certificate.CertificateRepository;
import id.piagam.certificate.CertificateStatus;
import id.piagam.certificate.CertificateSummary;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.participant.Category;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRepository;
import id.piagam.participant.ParticipantRows;
import id.piagam.participant.Sex;
import id.piagam.programme.Event;
import id.piagam.programme.EventKind;
import id.piagam.programme.EventRepository;
import id.piagam.programme.EventSession;
import id.piagam.programme.EventSessionRepository;
import id.piagam.programme.FacilitatorRole;
import id.piagam.programme.Mode;
import id.piagam.programme.Track;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads a person's records map by hand (the person, their certificates, their enrolments, and
 * {@code findByParticipant} of events, sessions, attendance, assessment components and scores) give the
 * same rows as Micronaut Data's own mapping of the same rows, every column set and every nullable one empty: a column
 * added to the entity but not to the hand mapping, or read with another type or scale, fails here on either engine.
 */
@MicronautTest(transactional = false)
class RecordsRowsTest extends ApiTest {

    @Inject
    EventRepository events;
    @Inject
    EventSessionRepository sessions;
    @Inject
    AttendanceRepository attendance;
    @Inject
    EnrolmentRepository enrolments;
    @Inject
    AssessmentComponentRepository components;
    @Inject
    ScoreRepository scores;
    @Inject
    ParticipantRepository participants;
    @Inject
    ParticipantRows participantRows;
    @Inject
    CertificateRepository certificates;

    @Test
    void handMappedRowsEqualTheFrameworkMappedRows() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Event full = events.save(new Event(null, EventKind.DIKLAT, Track.KL03, "ROWS-1", "Pelatihan Kepemimpinan", "II", 2026,
                "BPSDM Provinsi Jawa Timur", "LAN RI", "Surabaya", Mode.LURING, LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 10), 45,
                new BigDecimal("90.00"), new BigDecimal("72.50"), 1L, true, created, created.plusSeconds(60), "{seq}/DIKLAT/{yyyy}",
                "sertifikat-diklat", "Malang", LocalDate.of(2026, 4, 11), 36, "a.n.", "Kepala BPSDM", "Dr. Hadi Prasetyo", "Pembina",
                "197105121996031002", "BPSDM Provinsi Jawa Timur", "IV/c", "SERTIFIKAT", "SURAT KETERANGAN", "{seq}/NS/{yyyy}",
                "{seq}/MOD/{yyyy}", "{seq}/PAN/{yyyy}", "PIAGAM NARASUMBER", "PIAGAM MODERATOR", "PIAGAM PANITIA"));
        long bare = operator.post("/api/events", Fixtures.aBimtek().with("code", "ROWS-2").body()).id();
        long person = participant(970, "Sari Wulandari");
        long other = participant(971, "Joko Susilo");
        for (long event : List.of(full.id(), bare)) {
            assertThat(operator.post("/api/events/" + event + "/enrolments", Map.of("participantId", person)).status()).isEqualTo(201);
        }
        assertThat(operator.post("/api/events/" + full.id() + "/enrolments", Map.of("participantId", other)).status()).isEqualTo(201);
        long enrolment = enrolments.findByParticipantId(person).stream().filter(e -> e.eventId().equals(full.id())).findFirst()
                .orElseThrow().id();
        EventSession taught = sessions.save(new EventSession(null, full.id(), 1, LocalDate.of(2026, 4, 6), "08:00", "11:00",
                "Kepemimpinan Pancasila", 4, "Prof. Rini", FacilitatorRole.WIDYAISWARA, enrolment, enrolment));
        sessions.save(new EventSession(null, full.id(), 2, LocalDate.of(2026, 4, 7), null, null, "Etika Publik", 3, null, null, null, null));
        attendance.save(new Attendance(null, enrolment, taught.id(), AttendanceStatus.TERLAMBAT, created, "operator"));
        AssessmentComponent exam = components.save(new AssessmentComponent(null, full.id(), 1, "Ujian", new BigDecimal("70.00")));
        components.save(new AssessmentComponent(null, full.id(), 2, "Sikap", new BigDecimal("30")));
        scores.save(new Score(null, enrolment, exam.id(), new BigDecimal("85.25"), created, "operator"));

        assertThat(events.findByParticipant(person)).as("events").containsExactlyInAnyOrderElementsOf(events.findByIdIn(List.of(full.id(), bare)))
                .contains(events.findById(full.id()).orElseThrow()).hasSize(2);
        assertThat(sessions.findByParticipant(person)).as("sessions")
                .containsExactlyInAnyOrderElementsOf(sessions.findByEventIdInOrderByPosition(List.of(full.id(), bare))).hasSize(4);
        assertThat(enrolments.findByParticipantId(person)).as("enrolments").hasSize(2)
                .containsExactlyInAnyOrderElementsOf(enrolments.findByEventIdIn(List.of(full.id(), bare)).stream()
                        .filter(e -> e.participantId().equals(person)).toList());
        List<Attendance> framework = attendance.findByEnrolmentIdIn(List.of(enrolment));
        assertThat(framework).hasSize(1).allSatisfy(a -> assertThat(a.recordedBy()).isEqualTo("operator"));
        assertThat(attendance.findByParticipant(person)).as("attendance").containsExactlyInAnyOrderElementsOf(framework);
        assertThat(components.findByParticipant(person)).as("components").hasSize(2)
                .containsExactlyInAnyOrderElementsOf(components.findByEventIdInOrderByPosition(List.of(full.id(), bare)));
        assertThat(scores.findByParticipant(person)).as("scores").hasSize(1)
                .containsExactlyInAnyOrderElementsOf(scores.findByEnrolmentIdIn(List.of(enrolment)));
    }

    @Test
    void aPersonAndTheirCertificatesReadByHandEqualTheFrameworkRows() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Participant full = participants.save(new Participant(null, "Sari Wulandari", "Dr.", "S.Kom., M.T.", "198703152010012004",
                "3578015503870004", Category.PNS, "Malang", LocalDate.of(1987, 3, 15), Sex.P, "III/c", "Analis Kebijakan",
                "Bidang Pengembangan Kompetensi", "BPSDM Provinsi Jawa Timur", "sari@example.go.id", "081234567890", "11223344",
                "sari wulandari 198703152010012004", created, created.plusSeconds(60)));
        Participant bare = participants.save(new Participant(null, "Joko", null, null, null, null, Category.NON_ASN, null, null, null,
                null, null, null, null, null, null, null, "joko", created, created));
        for (Participant p : List.of(full, bare)) {
            assertThat(participantRows.read(p.id())).as("participant " + p.fullName()).contains(participants.findById(p.id()).orElseThrow());
        }
        assertThat(participantRows.read(-1)).isEmpty();

        Scenario diklat = Scenario.of(operator, Fixtures.aDiklat().with("code", "ROWS-3"));
        long holder = diklat.attending(972, "Rina Kartika");
        diklat.scored(holder, 85, 80);
        long first = diklat.issue(holder).id();
        assertThat(admin.post("/api/certificates/" + first + "/revoke", Map.of("reason", "salah cetak")).status()).isEqualTo(200);
        assertThat(diklat.issue(holder).status()).isEqualTo(201);
        List<CertificateSummary> framework = certificates.findAll().stream().filter(c -> c.participantId().equals(holder))
                .sorted(Comparator.comparing(Certificate::issuedAt))
                .map(c -> new CertificateSummary(c.id(), c.enrolmentId(), c.kind(), c.number(), c.status(), c.issuedOn(), c.verificationCode()))
                .toList();
        assertThat(framework).extracting(CertificateSummary::status).containsExactly(CertificateStatus.REVOKED, CertificateStatus.VALID);
        assertThat(certificates.summariesOf(holder)).as("certificates").containsExactlyElementsOf(framework);
    }
}

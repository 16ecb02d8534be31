package id.piagam.programme;

import id.piagam.assessment.GradeBand;
import id.piagam.assessment.GradeScale;
import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventRulesTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final GradeScale COMMON = new GradeScale("UMUM-4", 1, "umum", List.of(
            new GradeBand("Kurang Memuaskan", BigDecimal.ZERO, false), new GradeBand("Cukup Memuaskan", new BigDecimal("70"), true),
            new GradeBand("Memuaskan", new BigDecimal("80.01"), true), new GradeBand("Sangat Memuaskan", new BigDecimal("90.01"), true)));

    private static EventRequest.SessionRequest session(LocalDate date, int jp) {
        return new EventRequest.SessionRequest(null, date, null, null, "Materi", BigDecimal.valueOf(jp), null, null);
    }

    private static EventRequest event(EventKind kind, Track track, List<EventRequest.SessionRequest> sessions,
                                      List<EventRequest.ComponentRequest> components, BigDecimal passMark, Boolean letter) {
        return new EventRequest(kind, track, null, "Judul", null, null, "BPSDM", null, "Surabaya", null, START, START.plusDays(2),
                null, new BigDecimal("80"), sessions, passMark, components, null, letter, null);
    }

    private static List<EventRequest.ComponentRequest> weights(String... w) {
        return java.util.Arrays.stream(w).map(x -> new EventRequest.ComponentRequest("K" + x + Math.random(), new BigDecimal(x))).toList();
    }

    @Test
    void aBimtekCarryingAssessmentSettingsIsRefusedFieldByField() {
        EventRequest r = event(EventKind.BIMTEK, null, List.of(), weights("100"), new BigDecimal("70"), true);
        assertThat(EventRules.diklatOnlySettings(r)).extracting(FieldProblem::field)
                .containsExactly("components", "passMark", "attendanceLetter");
        assertThat(EventRules.diklatOnlySettings(event(EventKind.BIMTEK, null, List.of(), null, null, null))).isEmpty();
    }

    @Test
    void componentWeightsMustAddUpToExactlyHundred() {
        assertThat(EventRules.check(event(EventKind.DIKLAT, Track.KL03, List.of(), weights("20", "30", "49.99"), new BigDecimal("70"), null),
                COMMON, new BigDecimal("70"))).extracting(FieldProblem::code).containsExactly("components.weightSum");
        assertThat(EventRules.check(event(EventKind.DIKLAT, Track.KL03, List.of(), weights("20", "30", "50"), new BigDecimal("70"), null),
                COMMON, new BigDecimal("70"))).isEmpty();
    }

    @Test
    void aDiklatNeedsComponentsAndItsOwnTrack() {
        assertThat(EventRules.check(event(EventKind.DIKLAT, null, List.of(), null, null, null), COMMON, new BigDecimal("70")))
                .extracting(FieldProblem::code).containsExactly("event.trackRequired", "components.required");
        assertThat(EventRules.check(event(EventKind.DIKLAT, Track.KL10, List.of(), weights("100"), null, null), COMMON, new BigDecimal("70")))
                .extracting(FieldProblem::code).containsExactly("event.diklatTrack");
    }

    @Test
    void anAttendanceOnlyEventTakesKl10OrTheAttendanceOnlyTrackThatFitsIt() {
        assertThat(EventRules.check(event(EventKind.BIMTEK, Track.KL03, List.of(), null, null, null), null, null))
                .extracting(FieldProblem::code).containsExactly("event.bimtekTrack");
        assertThat(EventRules.check(event(EventKind.BIMTEK, Track.NKL03, List.of(), null, null, null), null, null))
                .extracting(FieldProblem::code).containsExactly("event.bimtekTrack");
        assertThat(EventRules.check(event(EventKind.BIMTEK, Track.KL10, List.of(), null, null, null), null, null)).isEmpty();
        for (Track fits : List.of(Track.KL06, Track.KL07, Track.KL08, Track.KL09, Track.KL11, Track.KL12)) {
            assertThat(EventRules.check(event(EventKind.BIMTEK, fits, List.of(), null, null, null), null, null)).as(fits.name()).isEmpty();
        }
    }

    @Test
    void thePassMarkMustSitOnTheScaleBoundary() {
        List<FieldProblem> problems = EventRules.check(event(EventKind.DIKLAT, Track.KL03, List.of(), weights("100"), null, null),
                COMMON, new BigDecimal("75"));
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("passMark", "passMark.scaleMismatch"));
    }

    @Test
    void sessionsFallWithinTheEventAndFitTheirJp() {
        EventRequest.SessionRequest before = session(START.minusDays(1), 2);
        EventRequest.SessionRequest tooShort = new EventRequest.SessionRequest(null, START, LocalTime.of(8, 0), LocalTime.of(10, 0),
                "Materi", BigDecimal.valueOf(4), null, null);
        EventRequest.SessionRequest reversed = new EventRequest.SessionRequest(null, START, LocalTime.of(10, 0), LocalTime.of(8, 0),
                "Materi", BigDecimal.ONE, null, null);
        EventRequest.SessionRequest exact = new EventRequest.SessionRequest(null, START, LocalTime.of(8, 0), LocalTime.of(11, 0),
                "Materi", BigDecimal.valueOf(4), null, null);
        List<FieldProblem> problems = EventRules.check(event(EventKind.BIMTEK, null, List.of(before, tooShort, reversed, exact), null, null, null),
                null, null);
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sessions[0].date", "session.outsideEvent"),
                org.assertj.core.groups.Tuple.tuple("sessions[1].jp", "session.jpExceedsTime"),
                org.assertj.core.groups.Tuple.tuple("sessions[2].endTime", "session.timeOrder"));
    }

    @Test
    void certificateSettingsAreCheckedToo() {
        EventRequest r = new EventRequest(EventKind.BIMTEK, null, null, "Judul", null, null, "BPSDM", null, "Surabaya", null, START,
                START, null, new BigDecimal("80"), null, null, null, null, null,
                new EventRequest.CertificateSettings("800.2/{event}/{yyyy}", null, null, null, null,
                        new EventRequest.Signatory("a.n.", "Kepala", "Dr. X", null, "123")));
        assertThat(EventRules.check(r, null, null)).extracting(FieldProblem::field)
                .containsExactly("certificate.numberPattern", "code", "certificate.signatory.nip");
    }

    @Test
    void theEndIsNotBeforeTheStart() {
        EventRequest r = new EventRequest(EventKind.BIMTEK, null, null, "Judul", null, null, "BPSDM", null, "Surabaya", null, START,
                START.minusDays(1), null, new BigDecimal("80"), null, null, null, null, null, null);
        assertThat(EventRules.check(r, null, null)).extracting(FieldProblem::field).containsExactly("endDate");
    }

    @Test
    void noDayHoldsMoreJpThanFitInIt() {
        EventRequest r = event(EventKind.BIMTEK, null, List.of(session(START, 4), session(START.plusDays(1), 8), session(START, 4),
                session(START, 8), session(START, 4)), null, null, null);
        assertThat(EventRules.check(r, null, null, 12)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("sessions[3].jp");
            assertThat(p.code()).isEqualTo("session.jpPerDay");
            assertThat(p.args()).containsExactly("2 Maret 2026", 16, 12);
        });
        assertThat(EventRules.check(r, null, null, 20)).isEmpty();
        assertThat(EventRules.check(event(EventKind.BIMTEK, null, List.of(session(START, 12)), null, null, null), null, null, 12)).isEmpty();
    }

    @Test
    void datesStayWithinASaneRangeAndCertificatesAreNotDatedBeforeTheLastDay() {
        EventRequest far = new EventRequest(EventKind.BIMTEK, null, null, "Judul", null, null, "BPSDM", null, "Surabaya", null,
                LocalDate.of(9999, 1, 1), LocalDate.of(9999, 1, 2), null, new BigDecimal("80"), List.of(), null, null, null, null, null);
        assertThat(EventRules.check(far, null, null)).extracting(FieldProblem::field).containsExactly("startDate", "endDate");
        EventRequest early = new EventRequest(EventKind.BIMTEK, null, null, "Judul", null, null, "BPSDM", null, "Surabaya", null,
                START, START.plusDays(2), null, new BigDecimal("80"), List.of(), null, null, null, null,
                new EventRequest.CertificateSettings(null, null, null, START.plusDays(1), null, null));
        assertThat(EventRules.check(early, null, null)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("certificate.issueDate");
            assertThat(p.code()).isEqualTo("certificate.issueBeforeEnd");
        });
    }
}

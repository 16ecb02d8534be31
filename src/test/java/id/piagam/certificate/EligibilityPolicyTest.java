package id.piagam.certificate;

import id.piagam.assessment.Assessment;
import id.piagam.assessment.GradeBand;
import id.piagam.attendance.AttendanceRate;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.EnrolmentStatus;
import id.piagam.enrolment.PanitiaFunction;
import id.piagam.programme.EventKind;
import id.piagam.rules.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityPolicyTest {

    private static final BigDecimal MIN = new BigDecimal("80");
    private static final BigDecimal PASS = new BigDecimal("70");

    private static AttendanceRate rate(int present, int total) {
        return new AttendanceRate(present, total);
    }

    private static Assessment.Outcome passed(String score) {
        return new Assessment.Outcome(Optional.of(new BigDecimal(score)), Assessment.Result.LULUS,
                Optional.of(new GradeBand("Memuaskan", new BigDecimal("80.01"), true)), List.of(), List.of());
    }

    private static Assessment.Outcome failed(String score) {
        return new Assessment.Outcome(Optional.of(new BigDecimal(score)), Assessment.Result.TIDAK_LULUS,
                Optional.of(new GradeBand("Kurang Memuaskan", BigDecimal.ZERO, false)), List.of(), List.of());
    }

    private static EligibilityPolicy.Facts bimtek(AttendanceRate rate) {
        return new EligibilityPolicy.Facts(EventKind.BIMTEK, false, MIN, null, EnrolmentRole.PESERTA, EnrolmentStatus.AKTIF, rate, null);
    }

    private static EligibilityPolicy.Facts diklat(AttendanceRate rate, Assessment.Outcome outcome, boolean letter) {
        return new EligibilityPolicy.Facts(EventKind.DIKLAT, letter, MIN, PASS, EnrolmentRole.PESERTA, EnrolmentStatus.AKTIF, rate, outcome);
    }

    @Nested
    class Bimtek {
        @Test
        void givesAnAttendanceCertificateToThoseWhoMetTheThreshold() {
            EligibilityPolicy.Decision d = EligibilityPolicy.decide(bimtek(rate(20, 24)));
            assertThat(d.eligible()).isTrue();
            assertThat(d.kind()).contains(CertificateKind.ATTENDANCE);
            assertThat(d.reasons()).isEmpty();
        }

        @Test
        void explainsAShortfallWithTheRateAndTheThreshold() {
            EligibilityPolicy.Decision d = EligibilityPolicy.decide(bimtek(rate(18, 24)));
            assertThat(d.eligible()).isFalse();
            assertThat(d.kind()).isEmpty();
            assertThat(d.reasons()).containsExactly(Reason.of("eligibility.attendanceBelow", new Reason.Decimal2(new BigDecimal("75.00")), MIN));
        }

        @Test
        void refusesACompetencyCertificateForABimtekWhateverElseIsTrue() {
            assertThat(EligibilityPolicy.refuse(bimtek(rate(24, 24)), CertificateKind.COMPETENCY))
                    .contains(EligibilityPolicy.Refusal.COMPETENCY_REQUIRES_DIKLAT);
            assertThat(EligibilityPolicy.refuse(bimtek(rate(24, 24)), CertificateKind.ATTENDANCE)).isEmpty();
        }
    }

    @Nested
    class Diklat {
        @Test
        void givesTheSttpOnlyToThoseWhoAttendedAndPassed() {
            EligibilityPolicy.Decision d = EligibilityPolicy.decide(diklat(rate(40, 40), passed("85.10"), false));
            assertThat(d.kind()).contains(CertificateKind.COMPETENCY);
            assertThat(EligibilityPolicy.refuse(diklat(rate(40, 40), passed("85.10"), false), CertificateKind.COMPETENCY)).isEmpty();
        }

        @Test
        void aFailedParticipantGetsNothingAndSeesTheScore() {
            EligibilityPolicy.Decision d = EligibilityPolicy.decide(diklat(rate(40, 40), failed("68.50"), false));
            assertThat(d.eligible()).isFalse();
            assertThat(d.reasons()).containsExactly(Reason.of("eligibility.scoreBelow", new Reason.Decimal2(new BigDecimal("68.50")), PASS));
            assertThat(EligibilityPolicy.refuse(diklat(rate(40, 40), failed("68.50"), false), CertificateKind.COMPETENCY))
                    .contains(EligibilityPolicy.Refusal.NOT_ELIGIBLE);
        }

        @Test
        void aFailedParticipantWhoAttendedGetsTheLetterWhenTheEventAllowsIt() {
            EligibilityPolicy.Decision d = EligibilityPolicy.decide(diklat(rate(40, 40), failed("68.50"), true));
            assertThat(d.eligible()).isTrue();
            assertThat(d.kind()).contains(CertificateKind.ATTENDANCE);
            assertThat(d.reasons()).containsExactly(Reason.of("eligibility.scoreBelow", new Reason.Decimal2(new BigDecimal("68.50")), PASS),
                    Reason.of("eligibility.letterOnly"));
        }

        @Test
        void passingIsNotEnoughWithoutAttendance() {
            EligibilityPolicy.Decision d = EligibilityPolicy.decide(diklat(rate(30, 40), passed("95"), true));
            assertThat(d.eligible()).isFalse();
            assertThat(d.reasons()).containsExactly(Reason.of("eligibility.attendanceBelow", new Reason.Decimal2(new BigDecimal("75.00")), MIN));
        }

        @Test
        void listsEveryReasonAtOnce() {
            EligibilityPolicy.Decision d = EligibilityPolicy.decide(diklat(rate(30, 40), failed("60"), true));
            assertThat(d.reasons()).containsExactly(Reason.of("eligibility.attendanceBelow", new Reason.Decimal2(new BigDecimal("75.00")), MIN),
                    Reason.of("eligibility.scoreBelow", new Reason.Decimal2(new BigDecimal("60")), PASS));
        }

        @Test
        void waitsForEveryComponentScore() {
            Assessment.Outcome pending = new Assessment.Outcome(Optional.empty(), Assessment.Result.BELUM_DINILAI, Optional.empty(),
                    List.of("Ujian Akhir"), List.of());
            EligibilityPolicy.Decision d = EligibilityPolicy.decide(diklat(rate(40, 40), pending, true));
            assertThat(d.eligible()).isFalse();
            assertThat(d.reasons()).containsExactly(Reason.of("eligibility.scoresMissing", "Ujian Akhir"));
        }
    }

    private static EligibilityPolicy.Facts role(EventKind kind, EnrolmentRole role, PanitiaFunction function, int taught, int moderated) {
        return new EligibilityPolicy.Facts(kind, false, MIN, kind == EventKind.DIKLAT ? PASS : null, role, EnrolmentStatus.AKTIF,
                rate(0, 24), null, function, taught, moderated);
    }

    @Nested
    class OtherRoles {
        @Test
        void aNarasumberWhoTaughtASessionGetsTheNarasumberCertificateAndOneWhoTaughtNoneNothing() {
            EligibilityPolicy.Decision taught = EligibilityPolicy.decide(role(EventKind.DIKLAT, EnrolmentRole.NARASUMBER, null, 2, 0));
            assertThat(taught.eligible()).isTrue();
            assertThat(taught.kind()).contains(CertificateKind.NARASUMBER);
            EligibilityPolicy.Decision none = EligibilityPolicy.decide(role(EventKind.BIMTEK, EnrolmentRole.NARASUMBER, null, 0, 3));
            assertThat(none.eligible()).isFalse();
            assertThat(none.reasons()).containsExactly(Reason.of("eligibility.taughtNoSession"));
        }

        @Test
        void aModeratorCertificateOnlyForSomeoneWhoModeratedASession() {
            assertThat(EligibilityPolicy.decide(role(EventKind.BIMTEK, EnrolmentRole.MODERATOR, null, 0, 1)).kind())
                    .contains(CertificateKind.MODERATOR);
            EligibilityPolicy.Decision none = EligibilityPolicy.decide(role(EventKind.BIMTEK, EnrolmentRole.MODERATOR, null, 2, 0));
            assertThat(none.eligible()).isFalse();
            assertThat(none.reasons()).containsExactly(Reason.of("eligibility.moderatedNoSession"));
        }

        @Test
        void aPanitiaCertificateOnlyWithAFunction() {
            assertThat(EligibilityPolicy.decide(role(EventKind.DIKLAT, EnrolmentRole.PANITIA, PanitiaFunction.SEKRETARIS, 0, 0)).kind())
                    .contains(CertificateKind.PANITIA);
            EligibilityPolicy.Decision none = EligibilityPolicy.decide(role(EventKind.DIKLAT, EnrolmentRole.PANITIA, null, 0, 0));
            assertThat(none.eligible()).isFalse();
            assertThat(none.reasons()).containsExactly(Reason.of("eligibility.noFunction"));
        }

        @Test
        void nothingBeforeTheEventHasEnded() {
            EligibilityPolicy.Decision early = EligibilityPolicy.decide(role(EventKind.BIMTEK, EnrolmentRole.NARASUMBER, null, 1, 0),
                    LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 5));
            assertThat(early.eligible()).isFalse();
            assertThat(early.reasons()).containsExactly(Reason.of("eligibility.eventNotEnded", LocalDate.of(2026, 3, 6)));
        }

        @Test
        void neverACompetencyOrAttendanceCertificateForAnyoneButAPeserta() {
            for (EnrolmentRole r : List.of(EnrolmentRole.NARASUMBER, EnrolmentRole.MODERATOR, EnrolmentRole.PANITIA)) {
                EligibilityPolicy.Facts f = new EligibilityPolicy.Facts(EventKind.DIKLAT, true, MIN, PASS, r, EnrolmentStatus.AKTIF,
                        rate(24, 24), passed("95"), PanitiaFunction.KETUA, 1, 1);
                assertThat(EligibilityPolicy.refuse(f, CertificateKind.COMPETENCY)).contains(EligibilityPolicy.Refusal.NOT_ELIGIBLE);
                assertThat(EligibilityPolicy.refuse(f, CertificateKind.ATTENDANCE)).contains(EligibilityPolicy.Refusal.NOT_ELIGIBLE);
                assertThat(EligibilityPolicy.completed(EventKind.DIKLAT, EligibilityPolicy.decide(f))).isFalse();
            }
            EligibilityPolicy.Facts peserta = diklat(rate(24, 24), passed("95"), false);
            assertThat(EligibilityPolicy.refuse(peserta, CertificateKind.NARASUMBER)).contains(EligibilityPolicy.Refusal.NOT_ELIGIBLE);
            assertThat(EligibilityPolicy.refuse(role(EventKind.BIMTEK, EnrolmentRole.NARASUMBER, null, 1, 0), CertificateKind.COMPETENCY))
                    .contains(EligibilityPolicy.Refusal.COMPETENCY_REQUIRES_DIKLAT);
        }

        @Test
        void aWithdrawnNarasumberGetsNothing() {
            EligibilityPolicy.Facts f = new EligibilityPolicy.Facts(EventKind.BIMTEK, false, MIN, null, EnrolmentRole.NARASUMBER,
                    EnrolmentStatus.MUNDUR, rate(0, 24), null, null, 2, 0);
            assertThat(EligibilityPolicy.decide(f).reasons()).containsExactly(Reason.of("eligibility.notActive", EnrolmentStatus.MUNDUR));
        }
    }

    @Test
    void dropoutsGetNoParticipantCertificate() {
        EligibilityPolicy.Facts withdrew = new EligibilityPolicy.Facts(EventKind.BIMTEK, false, MIN, null, EnrolmentRole.PESERTA,
                EnrolmentStatus.MUNDUR, rate(24, 24), null);
        assertThat(EligibilityPolicy.decide(withdrew).reasons()).containsExactly(Reason.of("eligibility.notActive", EnrolmentStatus.MUNDUR));
    }

    @Test
    void anEventWithoutSessionsCertifiesNobody() {
        assertThat(EligibilityPolicy.decide(bimtek(rate(0, 0))).reasons()).containsExactly(Reason.of("eligibility.noSessions"));
    }

    @Test
    void aThresholdWithDecimalsIsKeptAsSet() {
        EligibilityPolicy.Facts f = new EligibilityPolicy.Facts(EventKind.BIMTEK, false, new BigDecimal("82.50"), null,
                EnrolmentRole.PESERTA, EnrolmentStatus.AKTIF, rate(3, 4), null);
        assertThat(EligibilityPolicy.decide(f).reasons()).containsExactly(Reason.of("eligibility.attendanceBelow", new Reason.Decimal2(new BigDecimal("75.00")), new BigDecimal("82.50")));
    }
}

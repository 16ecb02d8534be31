package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NipTest {

    private static final Year NOW = Year.of(2026);

    private static List<String> codes(String nip, Category category) {
        return Nip.check(nip, category, null, null, NOW).stream().map(FieldProblem::code).toList();
    }

    @Nested
    class CivilServant {
        @Test
        void acceptsAWellFormedNip() {
            assertThat(codes("196712031994031009", Category.PNS)).isEmpty();
            assertThat(codes("199505172020122003", Category.CPNS)).isEmpty();
        }

        @Test
        void refusesWrongLengthOrLetters() {
            assertThat(codes("19671203199403100", Category.PNS)).containsExactly("nip.format");
            assertThat(codes("19671203199403100A", Category.PNS)).containsExactly("nip.format");
        }

        @Test
        void refusesAnImpossibleBirthDate() {
            assertThat(codes("196702301994031009", Category.PNS)).containsExactly("nip.birthDate");
            assertThat(codes("196713011994031009", Category.PNS)).containsExactly("nip.birthDate");
        }

        @Test
        void refusesAppointmentMonthOutsideOneToTwelve() {
            assertThat(codes("196712031994131009", Category.PNS)).containsExactly("nip.appointmentMonth");
            assertThat(codes("196712031994001009", Category.PNS)).containsExactly("nip.appointmentMonth");
        }

        @Test
        void refusesAppointmentBeforeEighteenOrInTheFuture() {
            assertThat(codes("196712031980031009", Category.PNS)).containsExactly("nip.appointmentYear");
            assertThat(codes("196712032030031009", Category.PNS)).containsExactly("nip.appointmentYear");
        }

        @Test
        void refusesSequenceZeroTheTailOfARoundedNumber() {
            assertThat(codes("196712031994031000", Category.PNS)).containsExactly("nip.sequence");
            assertThat(codes("198807222021212000", Category.PPPK)).containsExactly("nip.sequence");
            assertThat(codes("196712031994031010", Category.PNS)).isEmpty();
        }

        @Test
        void refusesSexDigitOtherThanOneOrTwo() {
            assertThat(codes("196712031994033009", Category.PNS)).containsExactly("nip.sexDigit");
        }

        @Test
        void namesTheSexAndBirthDateFieldsWhenTheyDisagreeWithTheNumber() {
            List<FieldProblem> problems = Nip.check("196712031994031009", Category.PNS, LocalDate.of(1967, 12, 4), Sex.P, NOW);
            assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("sex", "nip.sexMismatch"),
                            org.assertj.core.groups.Tuple.tuple("birthDate", "nip.birthDateMismatch"));
            assertThat(Nip.check("196712031994031009", Category.PNS, LocalDate.of(1967, 12, 3), Sex.L, NOW)).isEmpty();
        }
    }

    @Nested
    class Pppk {
        @Test
        void doesNotReadDigitsThirteenAndFourteenAsAMonth() {
            assertThat(codes("199001012021212001", Category.PPPK)).isEmpty();
            assertThat(codes("199001012021212001", Category.PNS)).containsExactly("nip.appointmentMonth");
        }

        @Test
        void stillChecksBirthDateYearAndSex() {
            assertThat(codes("199013012021212001", Category.PPPK)).containsExactly("nip.birthDate");
            assertThat(codes("199001012021215001", Category.PPPK)).containsExactly("nip.sexDigit");
        }
    }

    @Test
    void normalisesWhatPeopleTypeAndPrintsGrouped() {
        assertThat(Nip.normalise(" 19671203 199403 1 009 ")).isEqualTo("196712031994031009");
        assertThat(Nip.normalise("19671203.199403.1.009")).isEqualTo("196712031994031009");
        assertThat(Nip.grouped("196712031994031009")).isEqualTo("19671203 199403 1 009");
    }
}

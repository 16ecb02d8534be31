package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NikTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static List<String> codes(String nik, LocalDate birth, Sex sex) {
        return Nik.check(nik, birth, sex, TODAY).stream().map(FieldProblem::code).toList();
    }

    @Test
    void acceptsMaleAndFemaleNumbers() {
        assertThat(codes("3526010312670001", LocalDate.of(1967, 12, 3), Sex.L)).isEmpty();
        assertThat(codes("3526014312670002", LocalDate.of(1967, 12, 3), Sex.P)).isEmpty();
    }

    @Test
    void addsFortyToTheDayForWomen() {
        assertThat(codes("3526014312670002", null, Sex.L)).containsExactly("nik.sexMismatch");
        assertThat(codes("3526010312670001", null, Sex.P)).containsExactly("nik.sexMismatch");
    }

    @Test
    void refusesImpossibleDates() {
        assertThat(codes("3526013212670001", null, null)).containsExactly("nik.birthDate");
        assertThat(codes("3526017212670001", null, null)).containsExactly("nik.birthDate");
        assertThat(codes("3526010113670001", null, null)).containsExactly("nik.birthDate");
        assertThat(codes("3526010000670001", null, null)).containsExactly("nik.birthDate");
    }

    @Test
    void acceptsOnlyProvinceCodesThatExistAndNoRegencyZero() {
        for (String province : new String[]{"11", "19", "21", "31", "36", "51", "53", "61", "65", "71", "76", "81", "82", "91", "96"}) {
            assertThat(codes(province + "26010312670001", null, null)).as(province).isEmpty();
        }
        for (String province : new String[]{"10", "20", "22", "30", "37", "50", "54", "60", "66", "70", "77", "80", "83", "90", "97", "99"}) {
            assertThat(codes(province + "26010312670001", null, null)).as(province).containsExactly("nik.province");
        }
        assertThat(codes("3500010312670001", null, null)).containsExactly("nik.regency");
        assertThat(codes("3526000312670001", null, null)).as("district 00 is not checked").isEmpty();
    }

    @Test
    void readsTheTwoDigitYearInTheLatestCenturyThatIsNotInTheFuture() {
        // 29 February 2000 exists; 29 February 1900 would not
        assertThat(codes("3526012902000001", LocalDate.of(2000, 2, 29), Sex.L)).isEmpty();
        assertThat(codes("3526010101300001", LocalDate.of(1930, 1, 1), null)).isEmpty();
    }

    @Test
    void refusesWrongLengthRegionAndZeroSequence() {
        assertThat(codes("352601031267000", null, null)).containsExactly("nik.format");
        assertThat(codes("0526010312670001", null, null)).containsExactly("nik.province");
        assertThat(codes("3526010312670000", null, null)).containsExactly("nik.sequence");
    }

    @Test
    void namesTheBirthDateWhenItDisagrees() {
        assertThat(Nik.check("3526010312670001", LocalDate.of(1967, 12, 4), null, TODAY))
                .extracting(FieldProblem::field).containsExactly("birthDate");
    }
}

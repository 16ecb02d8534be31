package id.piagam.participant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneTest {

    @Test
    void everyWayOfWritingAnIndonesianNumberGivesOneStoredForm() {
        assertThat(Phone.normalise("0813-0000-0004")).isEqualTo("081300000004");
        assertThat(Phone.normalise("+62 813 0000 0004")).isEqualTo("081300000004");
        assertThat(Phone.normalise("6281300000004")).isEqualTo("081300000004");
        assertThat(Phone.normalise("81300000004")).as("a number cell lost the leading 0").isEqualTo("081300000004");
        assertThat(Phone.normalise("(031) 555.1234")).isEqualTo("0315551234");
    }

    @Test
    void refusesWhatCannotBeAnIndonesianPhone() {
        assertThat(Phone.isValid("081300000004")).isTrue();
        assertThat(Phone.isValid("0315551234")).isTrue();
        assertThat(Phone.isValid(Phone.normalise("12345"))).isFalse();
        assertThat(Phone.isValid(Phone.normalise("0812"))).as("too short").isFalse();
        assertThat(Phone.isValid(Phone.normalise("08123456789012345"))).as("too long").isFalse();
        assertThat(Phone.isValid(Phone.normalise("+1 555 123 4567"))).as("not Indonesian").isFalse();
        assertThat(Phone.isValid(Phone.normalise("0012345678"))).isFalse();
        assertThat(Phone.isValid(Phone.normalise("0812-3456-789a"))).isFalse();
    }
}

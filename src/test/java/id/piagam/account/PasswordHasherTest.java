package id.piagam.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theDummyHashCostsWhatARealOneCosts() {
        // a sign-in for an unknown user verifies against it: it must take as long as a real hash
        String real = hasher.hash("sebuah-kata-sandi-panjang");
        assertThat(PasswordHasher.DUMMY_HASH.substring(0, 7)).isEqualTo(real.substring(0, 7)).isEqualTo("$2a$12$");
        assertThat(hasher.matches("piagam-dummy-password", PasswordHasher.DUMMY_HASH)).isTrue();
        assertThat(hasher.matches("piagam-dummy-password", real)).isFalse();
    }
}

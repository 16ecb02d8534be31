package id.piagam.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void refusesCommonPasswordsWithOrWithoutDigitsAdded() {
        assertThat(PasswordPolicy.problem("password123", List.of())).contains("password.common");
        assertThat(PasswordPolicy.problem("Bismillah2026!", List.of())).contains("password.common");
        assertThat(PasswordPolicy.problem("qwertyuiop", List.of())).contains("password.common");
    }

    @Test
    void refusesTriviallyPatternedPasswords() {
        assertThat(PasswordPolicy.problem("1234567890", List.of())).isPresent();
        assertThat(PasswordPolicy.problem("aaaaaaaaaa", List.of())).contains("password.pattern");
        assertThat(PasswordPolicy.problem("9876543210", List.of())).isPresent();
        assertThat(PasswordPolicy.problem("abcdefghijk", List.of())).contains("password.pattern");
        assertThat(PasswordPolicy.problem("xyzxyzxyzxyz", List.of())).contains("password.pattern");
        assertThat(PasswordPolicy.problem("operator1operator1", List.of("operator1"))).contains("password.pattern");
    }

    @Test
    void refusesTheAccountsOwnIdentifiersWithDigitsAdded() {
        assertThat(PasswordPolicy.problem("199003152015032002", List.of("199003152015032002"))).contains("password.personal");
        assertThat(PasswordPolicy.problem("budisantoso1990", List.of("Budi Santoso"))).contains("password.personal");
        assertThat(PasswordPolicy.problem("sekretariat2026", List.of("sekretariat"))).contains("password.personal");
        assertThat(PasswordPolicy.problem("dewi.lestari@contoh.go.id", List.of("dewi.lestari@contoh.go.id"))).contains("password.personal");
    }

    @Test
    void acceptsLongUnusualPasswordsAndKeepsTheLength() {
        assertThat(PasswordPolicy.problem("kuda-lari-di-sawah", List.of("budi"))).isEmpty();
        assertThat(PasswordPolicy.problem("operator-secret-1", List.of("operator"))).isEmpty();
        assertThat(PasswordPolicy.problem("Tr0mpet Biru Senja", List.of())).isEmpty();
        assertThat(PasswordPolicy.problem("pendek", List.of())).contains("password.length");
    }
}

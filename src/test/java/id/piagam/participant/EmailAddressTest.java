package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** An address is refused at input when an SMTP server could not be given it, so invitations and certificates can be emailed. */
class EmailAddressTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static ParticipantRequest withEmail(String email) {
        return ParticipantRules.normalise(new ParticipantRequest("Siti Aminah", null, "S.E.", "196712031994032009", null, Category.PNS,
                "Pamekasan", null, null, "III/a", null, null, "Pemkab Pamekasan", email, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"siti,aminah@contoh.go.id", "siti@contoh..go.id", "siti(aminah)@contoh.go.id", "siti;x@contoh.go.id",
            "siti@contoh.go.id.", "<siti@contoh.go.id>", "siti\"@contoh.go.id"})
    void refusesAnAddressNoMailServerAccepts(String email) {
        assertThat(ParticipantRules.check(withEmail(email), TODAY)).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "jakarta.validation.constraints.Email.message"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"siti.aminah@contoh.go.id", "siti+bimtek@pamekasankab.go.id", "s_aminah@mail.contoh.co.id"})
    void acceptsOrdinaryAddresses(String email) {
        assertThat(ParticipantRules.check(withEmail(email), TODAY)).isEmpty();
    }
}

package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static ParticipantRequest request(Category category, String nip, String nik, String golongan) {
        return ParticipantRules.normalise(new ParticipantRequest("Siti Aminah", null, "S.E.", nip, nik, category, "Pamekasan",
                null, null, golongan, null, null, "Pemkab Pamekasan", " Siti@Contoh.GO.id ", "0812-3456-7890", null));
    }

    @Test
    void civilServantsMustGiveTheirNip() {
        assertThat(ParticipantRules.check(request(Category.PNS, null, null, "III/a"), TODAY))
                .extracting(FieldProblem::field, FieldProblem::code).containsExactly(org.assertj.core.groups.Tuple.tuple("nip", "nip.required"));
    }

    @Test
    void nonAsnHaveNoNipAndAreIdentifiedByNik() {
        assertThat(ParticipantRules.check(request(Category.NON_ASN, "196712031994031009", "3526010312670001", null), TODAY))
                .extracting(FieldProblem::code).containsExactly("nip.notApplicable");
        assertThat(ParticipantRules.check(request(Category.NON_ASN, null, null, null), TODAY))
                .extracting(FieldProblem::code).containsExactly("nik.required");
        assertThat(ParticipantRules.check(request(Category.NON_ASN, null, "3526014312670001", null), TODAY)).isEmpty();
    }

    @Test
    void normalisesEmailAndNumbers() {
        ParticipantRequest r = request(Category.PNS, "19671203 199403 2 009", null, "iii/b");
        assertThat(r.email()).isEqualTo("siti@contoh.go.id");
        assertThat(r.nip()).isEqualTo("196712031994032009");
        assertThat(r.golongan()).isEqualTo("III/b");
        assertThat(ParticipantRules.check(r, TODAY)).isEmpty();
    }

    @Test
    void refusesTitlesAndDigitsInsideTheName() {
        ParticipantRequest r = ParticipantRules.normalise(new ParticipantRequest("Siti Aminah, S.E.", null, null, null,
                "3526014312670001", Category.NON_ASN, null, null, null, null, null, null, null, null, null, null));
        assertThat(ParticipantRules.check(r, TODAY)).extracting(FieldProblem::code).containsExactly("name.characters");
        ParticipantRequest ok = ParticipantRules.normalise(new ParticipantRequest("Imam Syafi'i", null, null, null,
                "3526010312670001", Category.NON_ASN, null, null, null, null, null, null, null, null, null, null));
        assertThat(ParticipantRules.check(ok, TODAY)).isEmpty();
    }

    @Test
    void printedNameCarriesFrontAndBackTitles() {
        assertThat(Participant.printedName("Dr.", "Budi Santoso", "S.T., M.T.")).isEqualTo("Dr. Budi Santoso, S.T., M.T.");
        assertThat(Participant.printedName(null, "Budi Santoso", " ")).isEqualTo("Budi Santoso");
    }
}

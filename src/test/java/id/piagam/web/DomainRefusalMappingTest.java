package id.piagam.web;

import id.piagam.rules.DomainRefusal;
import id.piagam.validation.FieldProblem;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal thrown by a rule or service knows no HTTP; the web layer gives each kind the status the
 * API contract documents (docs/API.md, Errors) and writes the same problem document as before.
 */
class DomainRefusalMappingTest {

    private final ProblemResponses responses = new ProblemResponses(
            new Messages(new ResourceBundleMessageSource("i18n.messages", Messages.INDONESIAN), null));

    private static int code(DomainRefusal refusal) {
        return ProblemResponses.status(refusal).getCode();
    }

    @Test
    void eachKindHasItsDocumentedStatus() {
        assertThat(code(DomainRefusal.invalid(FieldProblem.of("nip", "nip.length")))).isEqualTo(400);
        assertThat(code(DomainRefusal.forbidden("problem.http.403"))).isEqualTo(403);
        assertThat(code(DomainRefusal.notFound("entity.event", 7))).isEqualTo(404);
        assertThat(code(DomainRefusal.conflict("duplicate-participant", "problem.duplicateParticipant", 5L)))
                .isEqualTo(409);
        assertThat(code(new DomainRefusal(DomainRefusal.Kind.GONE, "invitation-expired", "problem.invitationExpired",
                List.of(), List.of(), null))).isEqualTo(410);
        assertThat(code(DomainRefusal.rule("competency-requires-diklat", "problem.competencyRequiresDiklat", List.of())))
                .isEqualTo(422);
        assertThat(code(new DomainRefusal(DomainRefusal.Kind.UNAVAILABLE, "timestamp-unavailable", "problem.timestampUnavailable",
                List.of("http://tsa.example"), List.of(), null))).isEqualTo(503);
    }

    @Test
    void aRefusedRuleBecomesA422ProblemWithItsStableType() {
        Problem p = responses.problem(null, DomainRefusal.rule("competency-requires-diklat", "problem.competencyRequiresDiklat", List.of()));
        assertThat(p.type()).isEqualTo("https://piagam.id/problems/competency-requires-diklat");
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.title()).isEqualTo("Sertifikat kompetensi hanya untuk Diklat");
        assertThat(p.errors()).isNull();
    }

    @Test
    void invalidInputNamesTheFieldAndAConflictPointsAtTheExistingRecord() {
        Problem invalid = responses.problem(null, DomainRefusal.invalid(FieldProblem.of("nip", "nip.length")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.type()).isEqualTo("https://piagam.id/problems/validation");
        assertThat(invalid.errors()).extracting(Problem.FieldError::field, Problem.FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nip", "nip.length"));

        Problem conflict = responses.problem(null, DomainRefusal.conflict("duplicate-participant", "problem.duplicateParticipant", 5L));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.existingId()).isEqualTo(5L);

        Problem notFound = responses.problem(null, DomainRefusal.notFound("entity.event", 7));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.detail()).isEqualTo("Kegiatan dengan id 7 tidak ditemukan.");
    }

    @Test
    void theWebLayersOwnRefusalKeepsItsStatus() {
        ProblemException notImplemented = new ProblemException(HttpStatus.NOT_IMPLEMENTED, "backup-with-pg-dump", "problem.backupWithPgDump",
                List.of(), List.of(), null);
        assertThat(responses.problem(null, notImplemented).status()).isEqualTo(501);
    }
}

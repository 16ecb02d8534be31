package id.piagam.participant;

import id.piagam.validation.FieldProblem;
import id.piagam.rules.DomainRefusal;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Creates and updates people so that each appears once, with a valid identity. */
@Singleton
public class ParticipantService {

    private final ParticipantRepository participants;
    private final Clock clock;

    ParticipantService(ParticipantRepository participants, Clock clock) {
        this.participants = participants;
        this.clock = clock;
    }

    @Transactional
    public Participant create(ParticipantRequest raw) {
        ParticipantRequest r = validated(raw);
        refuseDuplicate(r, null);
        Instant now = clock.instant();
        return participants.save(toEntity(null, r, now, now));
    }

    @Transactional
    public Participant update(long id, ParticipantRequest raw) {
        Participant existing = participants.findById(id).orElseThrow(() -> DomainRefusal.notFound("entity.participant", id));
        ParticipantRequest r = validated(raw);
        refuseDuplicate(r, id);
        return participants.update(toEntity(id, r, existing.createdAt(), clock.instant()));
    }

    /**
     * Who a row of a participant list is: the person with its NIP or NRP (or NIK), or a conflict when its
     * NIK, email or phone belongs to someone else (see {@link IdentityMatch}).
     */
    public IdentityMatch.Result match(ParticipantRequest normalised) {
        return IdentityMatch.decide(normalised, find(normalised.nip(), participants::findByNip),
                find(normalised.nrp(), participants::findByNrp), find(normalised.nik(), participants::findByNik),
                find(normalised.email(), participants::findByEmail),
                normalised.phone() == null ? List.of() : participants.findByPhone(normalised.phone()));
    }

    private static Optional<Participant> find(String key, Function<String, Optional<Participant>> finder) {
        return key == null ? Optional.empty() : finder.apply(key);
    }

    public Page<Participant> search(String q, Pageable pageable) {
        if (q == null || q.isBlank()) {
            return participants.listAll(pageable);
        }
        String needle = q.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (needle.matches("[0-9 ]+")) {
            needle = needle.replace(" ", "");
        }
        String escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return participants.search("%" + escaped + "%", pageable);
    }

    ParticipantRequest validated(ParticipantRequest raw) {
        ParticipantRequest r = ParticipantRules.normalise(raw);
        List<FieldProblem> problems = ParticipantRules.check(r, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw DomainRefusal.invalid(problems);
        }
        return r;
    }

    private void refuseDuplicate(ParticipantRequest r, Long self) {
        check(r.nip() == null ? Optional.empty() : participants.findByNip(r.nip()), self, "nip");
        check(r.nrp() == null ? Optional.empty() : participants.findByNrp(r.nrp()), self, "nrp");
        check(r.nik() == null ? Optional.empty() : participants.findByNik(r.nik()), self, "nik");
        check(r.email() == null ? Optional.empty() : participants.findByEmail(r.email()), self, "email");
    }

    private static void check(Optional<Participant> found, Long self, String field) {
        found.filter(p -> !p.id().equals(self)).ifPresent(p -> {
            throw DomainRefusal.conflict("duplicate-participant", "problem.duplicateParticipant", p.id(),
                    FieldProblem.of(field, "duplicate." + field));
        });
    }

    private static Participant toEntity(Long id, ParticipantRequest r, Instant created, Instant updated) {
        return new Participant(id, r.fullName(), r.frontTitle(), r.backTitle(), r.nip(), r.nik(), r.category(),
                r.birthPlace(), r.birthDate(), r.sex(), r.golongan(), r.jabatan(), r.unitKerja(), r.instansi(),
                r.email(), r.phone(), r.nrp(), ParticipantRules.searchText(r), created, updated);
    }
}

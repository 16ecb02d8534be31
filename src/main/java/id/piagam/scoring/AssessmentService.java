package id.piagam.scoring;

import id.piagam.assessment.Assessment;
import id.piagam.assessment.AssessmentComponent;
import id.piagam.assessment.AssessmentComponentRepository;
import id.piagam.assessment.GradeBand;
import id.piagam.assessment.GradeScale;
import id.piagam.assessment.GradeScales;
import id.piagam.assessment.Score;
import id.piagam.assessment.ScoreRepository;
import id.piagam.enrolment.Enrolment;
import id.piagam.text.Bahasa;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.validation.FieldProblem;
import id.piagam.programme.Event;
import id.piagam.programme.EventKind;
import id.piagam.programme.EventService;
import id.piagam.rules.DomainRefusal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Records Diklat scores and computes final score, result and kualifikasi. A Bimtek has no assessment. */
@Singleton
public class AssessmentService {

    private final EventService events;
    private final EnrolmentRepository enrolments;
    private final AssessmentComponentRepository components;
    private final ScoreRepository scores;
    private final GradeScales gradeScales;
    private final Clock clock;

    AssessmentService(EventService events, EnrolmentRepository enrolments, AssessmentComponentRepository components,
                      ScoreRepository scores, GradeScales gradeScales, Clock clock) {
        this.events = events;
        this.enrolments = enrolments;
        this.components = components;
        this.scores = scores;
        this.gradeScales = gradeScales;
        this.clock = clock;
    }

    @Transactional
    public AssessmentViews.AssessmentView record(long eventId, long participantId, Map<String, BigDecimal> values, String by) {
        Event event = diklat(eventId);
        Enrolment enrolment = enrolments.findByEventIdAndParticipantId(eventId, participantId)
                .orElseThrow(() -> DomainRefusal.notFound("entity.enrolment", participantId));
        Map<String, AssessmentComponent> byName = components.findByEventIdOrderByPosition(eventId).stream()
                .collect(Collectors.toMap(c -> c.name().toLowerCase(Locale.ROOT), Function.identity()));
        List<FieldProblem> problems = new ArrayList<>();
        values.forEach((name, value) -> {
            String field = "scores." + name;
            if (!byName.containsKey(name.trim().toLowerCase(Locale.ROOT))) {
                problems.add(FieldProblem.of(field, "score.unknownComponent", name));
            } else if (value == null) {
                problems.add(FieldProblem.of(field, "jakarta.validation.constraints.NotNull.message"));
            } else if (!Assessment.isValidScore(value)) {
                problems.add(FieldProblem.of(field, "score.range"));
            }
        });
        if (!problems.isEmpty()) {
            throw DomainRefusal.invalid(problems);
        }
        Instant now = clock.instant();
        values.forEach((name, value) -> {
            AssessmentComponent c = byName.get(name.trim().toLowerCase(Locale.ROOT));
            BigDecimal v = value.setScale(2);
            scores.findByEnrolmentIdAndComponentId(enrolment.id(), c.id()).ifPresentOrElse(
                    s -> scores.update(new Score(s.id(), s.enrolmentId(), s.componentId(), v, now, by)),
                    () -> scores.save(new Score(null, enrolment.id(), c.id(), v, now, by)));
        });
        return views(event, List.of(enrolment)).get(0);
    }

    /** Several participants' scores at once (the page's grid): all are recorded, or, on any problem, none. */
    @Transactional
    public List<AssessmentViews.AssessmentView> recordAll(long eventId, Map<Long, Map<String, BigDecimal>> byParticipant, String by) {
        byParticipant.forEach((participantId, values) -> record(eventId, participantId, values, by));
        return list(eventId);
    }

    public List<AssessmentViews.AssessmentView> list(long eventId) {
        Event event = diklat(eventId);
        return views(event, enrolments.findByEventIdOrderByPrintedName(eventId).stream()
                .sorted(Bahasa.byName(Enrolment::printedName)).toList());
    }

    /** The component scores of one enrolment, by component name. */
    public static Map<String, BigDecimal> scoresByName(List<AssessmentComponent> comps, List<Score> own) {
        Map<Long, String> names = comps.stream().collect(Collectors.toMap(AssessmentComponent::id, AssessmentComponent::name));
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        own.stream().filter(s -> names.containsKey(s.componentId())).forEach(s -> result.put(names.get(s.componentId()), s.value()));
        return result;
    }

    public static List<Assessment.Component> domain(List<AssessmentComponent> comps) {
        return comps.stream().map(c -> new Assessment.Component(c.name(), c.weight())).toList();
    }

    private List<AssessmentViews.AssessmentView> views(Event event, List<Enrolment> list) {
        List<AssessmentComponent> comps = components.findByEventIdOrderByPosition(event.id());
        GradeScale scale = event.gradeScaleId() == null ? null : gradeScales.find(event.gradeScaleId()).orElse(null);
        Map<Long, List<Score>> byEnrolment = scores.findByEnrolmentIdIn(list.stream().map(Enrolment::id).toList())
                .stream().collect(Collectors.groupingBy(Score::enrolmentId));
        return list.stream().map(en -> {
            Map<String, BigDecimal> own = scoresByName(comps, byEnrolment.getOrDefault(en.id(), List.of()));
            Assessment.Outcome o = Assessment.evaluate(domain(comps), own, event.passMark(), scale);
            return new AssessmentViews.AssessmentView(en.participantId(), en.printedName(), own, o.finalScore().orElse(null),
                    o.result(), o.band().map(GradeBand::label).orElse(null), o.missing());
        }).toList();
    }

    private Event diklat(long eventId) {
        Event event = events.get(eventId);
        if (event.kind() != EventKind.DIKLAT) {
            throw DomainRefusal.rule("assessment-requires-diklat", "problem.assessmentRequiresDiklat",
                    List.of(FieldProblem.of("scores", "bimtek.noAssessment")));
        }
        return event;
    }
}

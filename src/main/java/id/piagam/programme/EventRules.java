package id.piagam.programme;

import id.piagam.assessment.AssessmentComponent;
import id.piagam.assessment.GradeScale;
import id.piagam.numbering.NumberPattern;
import id.piagam.participant.Category;
import id.piagam.validation.FieldProblem;
import id.piagam.participant.Nip;
import id.piagam.text.Bahasa;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of a programme's settings.
 *
 * <ul>
 *   <li>Dates: between 2000 and 2099 (a typing error otherwise; {@code {yy}} numbers stay unique); the
 *       end is not before the start; every session falls within them; a session with times is long
 *       enough for its JP at the event's minutes per JP; no day holds more JP than fit in it
 *       ({@code piagam.events.max-jp-per-day}, default 12: a training day holds about 8–10 JP of 45
 *       minutes, evening sessions stretch it); certificates are not dated before the last day.</li>
 *   <li>Track: an attendance-only event (kind BIMTEK) is LAN track KL10 by default, or the
 *       attendance-only track that fits it (seminar, workshop, sosialisasi… KL06–KL12); a Diklat
 *       names its own track, not KL10.</li>
 *   <li>Assessment belongs to a Diklat only: components with weights summing to exactly 100, a pass
 *       mark that falls on the grade scale's pass boundary (so no passing participant gets a failing
 *       band). A Bimtek carrying any of it is refused as a rule, not silently ignored.</li>
 * </ul>
 */
public final class EventRules {

    public static final int DEFAULT_MINUTES_PER_JP = 45;
    public static final int DEFAULT_MAX_JP_PER_DAY = 12;
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private EventRules() {
    }

    /** The Diklat-only settings a Bimtek request carries (each is a refusal). */
    public static List<FieldProblem> diklatOnlySettings(EventRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.kind() != EventKind.BIMTEK) {
            return problems;
        }
        if (!r.componentList().isEmpty()) {
            problems.add(FieldProblem.of("components", "bimtek.noAssessment"));
        }
        if (r.passMark() != null) {
            problems.add(FieldProblem.of("passMark", "bimtek.noAssessment"));
        }
        if (r.gradeScaleId() != null) {
            problems.add(FieldProblem.of("gradeScaleId", "bimtek.noAssessment"));
        }
        if (Boolean.TRUE.equals(r.attendanceLetter())) {
            problems.add(FieldProblem.of("attendanceLetter", "bimtek.noAttendanceLetter"));
        }
        return problems;
    }

    /** Every problem with the request; {@code scale} and {@code passMark} are the effective ones (Diklat only). */
    public static List<FieldProblem> check(EventRequest r, GradeScale scale, BigDecimal passMark) {
        return check(r, scale, passMark, DEFAULT_MAX_JP_PER_DAY);
    }

    /** As {@link #check(EventRequest, GradeScale, BigDecimal)}, with at most {@code maxJpPerDay} JP on one day. */
    public static List<FieldProblem> check(EventRequest r, GradeScale scale, BigDecimal passMark, int maxJpPerDay) {
        List<FieldProblem> problems = new ArrayList<>();
        inRange(r.startDate(), "startDate", problems);
        inRange(r.endDate(), "endDate", problems);
        if (r.endDate().isBefore(r.startDate())) {
            problems.add(FieldProblem.of("endDate", "event.endBeforeStart"));
        } else if (ChronoUnit.DAYS.between(r.startDate(), r.endDate()) > 366) {
            problems.add(FieldProblem.of("endDate", "event.tooLong"));
        }
        if (r.kind() == EventKind.BIMTEK && r.track() != null && !r.track().attendanceOnly()) {
            problems.add(FieldProblem.of("track", "event.bimtekTrack", r.track().name()));
        }
        if (r.kind() == EventKind.DIKLAT) {
            if (r.track() == null) {
                problems.add(FieldProblem.of("track", "event.trackRequired"));
            } else if (r.track() == Track.BIMTEK) {
                problems.add(FieldProblem.of("track", "event.diklatTrack"));
            }
        }
        int minutesPerJp = r.minutesPerJp() == null ? DEFAULT_MINUTES_PER_JP : r.minutesPerJp();
        Set<Long> ids = new HashSet<>();
        Map<LocalDate, Integer> jpPerDay = new HashMap<>();
        List<EventRequest.SessionRequest> sessions = r.sessionList();
        for (int i = 0; i < sessions.size(); i++) {
            EventRequest.SessionRequest s = sessions.get(i);
            String at = "sessions[" + i + "]";
            if (s.id() != null && !ids.add(s.id())) {
                problems.add(FieldProblem.of(at + ".id", "session.duplicateId"));
            }
            if (s.date().isBefore(r.startDate()) || s.date().isAfter(r.endDate())) {
                problems.add(FieldProblem.of(at + ".date", "session.outsideEvent", Bahasa.longDate(s.date())));
            }
            int before = jpPerDay.getOrDefault(s.date(), 0);
            int day = jpPerDay.merge(s.date(), s.jp().intValue(), Integer::sum);
            if (day > maxJpPerDay && before <= maxJpPerDay) {
                problems.add(FieldProblem.of(at + ".jp", "session.jpPerDay", Bahasa.longDate(s.date()), day, maxJpPerDay));
            }
            if (s.startTime() != null && s.endTime() != null) {
                long minutes = Duration.between(s.startTime(), s.endTime()).toMinutes();
                if (minutes <= 0) {
                    problems.add(FieldProblem.of(at + ".endTime", "session.timeOrder"));
                } else if (s.jp().longValue() * minutesPerJp > minutes) {
                    problems.add(FieldProblem.of(at + ".jp", "session.jpExceedsTime", s.jp().intValue(), minutesPerJp, minutes));
                }
            } else if (s.startTime() == null ^ s.endTime() == null) {
                problems.add(FieldProblem.of(at + (s.startTime() == null ? ".startTime" : ".endTime"), "session.timePair"));
            }
        }
        if (r.certificate() != null) {
            EventRequest.CertificateSettings c = r.certificate();
            Map<String, String> patterns = new LinkedHashMap<>();
            patterns.put("certificate.numberPattern", c.numberPattern());
            patterns.putAll(rolePatterns(c.roleNumberPatterns()));
            patterns.forEach((field, pattern) -> {
                if (pattern != null && !pattern.isBlank()) {
                    problems.addAll(NumberPattern.check(pattern, field));
                    if (pattern.contains("{event}") && (r.code() == null || r.code().isBlank())
                            && problems.stream().noneMatch(p -> p.field().equals("code"))) {
                        problems.add(FieldProblem.of("code", "numberPattern.eventCode"));
                    }
                }
            });
            if (c.issueDate() != null) {
                inRange(c.issueDate(), "certificate.issueDate", problems);
                if (c.issueDate().isBefore(r.endDate())) {
                    problems.add(FieldProblem.of("certificate.issueDate", "certificate.issueBeforeEnd", Bahasa.longDate(r.endDate())));
                }
            }
            problems.addAll(SignatoryBlock.check(c.signatory()));
            if (c.signatory() != null && c.signatory().nip() != null && !c.signatory().nip().isBlank()) {
                Nip.check(Nip.normalise(c.signatory().nip()), Category.PNS, null, null, Year.of(r.startDate().getYear() + 1))
                        .forEach(p -> problems.add(FieldProblem.of("certificate.signatory.nip", p.code(), p.args().toArray())));
            }
        }
        if (r.kind() == EventKind.DIKLAT) {
            checkComponents(r.componentList(), problems);
            if (scale != null && passMark != null) {
                problems.addAll(scale.check("gradeScaleId"));
                if (!scale.agreesWith(passMark)) {
                    problems.add(FieldProblem.of("passMark", "passMark.scaleMismatch", Bahasa.decimal(passMark),
                            scale.passBoundary().map(Bahasa::decimal).orElse("-"), scale.name()));
                }
            }
        }
        return problems;
    }

    /**
     * What certificates state, field by field (the request's paths): the event's identity, dates,
     * place and organiser, its curriculum (each mata pelatihan with its JP, hence the total), the
     * assessment that decides the grade and who completed it, and the signatory and issue line. While
     * valid certificates exist none of it may change, or the records, transcript, SIASN export and
     * verification would disagree with the paper.
     */
    /**
     * A session's narasumber and moderator, when named as enrolled people, must be enrolments of this event in
     * that role: their certificates list the sessions ({@code rolesByEnrolment}: the event's enrolments; a new
     * event has none).
     */
    public static List<FieldProblem> sessionPeople(List<EventRequest.SessionRequest> sessions, Map<Long, String> rolesByEnrolment) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            EventRequest.SessionRequest s = sessions.get(i);
            if (s.facilitatorEnrolmentId() != null && !"NARASUMBER".equals(rolesByEnrolment.get(s.facilitatorEnrolmentId()))) {
                problems.add(FieldProblem.of("sessions[" + i + "].facilitatorEnrolmentId", "session.facilitatorNotNarasumber",
                        s.facilitatorEnrolmentId()));
            }
            if (s.moderatorEnrolmentId() != null && !"MODERATOR".equals(rolesByEnrolment.get(s.moderatorEnrolmentId()))) {
                problems.add(FieldProblem.of("sessions[" + i + "].moderatorEnrolmentId", "session.moderatorNotModerator",
                        s.moderatorEnrolmentId()));
            }
        }
        return problems;
    }

    /** Each role's own numbering pattern by its field ({@code certificate.roleNumberPatterns.narasumber}…), blank ones too. */
    public static Map<String, String> rolePatterns(EventRequest.RoleNumberPatterns roles) {
        Map<String, String> patterns = new LinkedHashMap<>();
        String at = "certificate.roleNumberPatterns.";
        patterns.put(at + "narasumber", roles == null ? null : roles.narasumber());
        patterns.put(at + "moderator", roles == null ? null : roles.moderator());
        patterns.put(at + "panitia", roles == null ? null : roles.panitia());
        return patterns;
    }

    public static List<String> certifiedChanges(Event before, List<EventSession> sessionsBefore, List<AssessmentComponent> compsBefore,
                                                Event after, List<EventRequest.SessionRequest> sessionsAfter,
                                                List<EventRequest.ComponentRequest> compsAfter) {
        List<String> changed = new ArrayList<>();
        Map<String, Function<Event, Object>> fields = new LinkedHashMap<>();
        fields.put("kind", Event::kind);
        fields.put("track", Event::track);
        fields.put("code", Event::code);
        fields.put("title", Event::title);
        fields.put("angkatan", Event::angkatan);
        fields.put("year", Event::year);
        fields.put("organiser", Event::organiser);
        fields.put("partner", Event::partner);
        fields.put("place", Event::place);
        fields.put("startDate", Event::startDate);
        fields.put("endDate", Event::endDate);
        fields.put("minAttendancePercent", e -> decimal(e.minAttendancePercent()));
        fields.put("passMark", e -> decimal(e.passMark()));
        fields.put("gradeScaleId", Event::gradeScaleId);
        fields.put("attendanceLetter", Event::attendanceLetter);
        fields.put("certificate.template", Event::certificateTemplate);
        fields.put("certificate.issuePlace", Event::issuePlace);
        fields.put("certificate.issueDate", Event::certificateDate);
        fields.put("certificate.validityMonths", Event::validityMonths);
        fields.put("certificate.roleTitles.narasumber", Event::narasumberTitle);
        fields.put("certificate.roleTitles.moderator", Event::moderatorTitle);
        fields.put("certificate.roleTitles.panitia", Event::panitiaTitle);
        fields.put("certificate.signatory.prefix", Event::signatoryPrefix);
        fields.put("certificate.signatory.position", Event::signatoryPosition);
        fields.put("certificate.signatory.name", Event::signatoryName);
        fields.put("certificate.signatory.pangkat", Event::signatoryPangkat);
        fields.put("certificate.signatory.nip", Event::signatoryNip);
        fields.forEach((field, value) -> {
            if (!Objects.equals(value.apply(before), value.apply(after))) {
                changed.add(field);
            }
        });
        // a narasumber's or moderator's certificate states the sessions they taught or moderated
        List<String> curriculumBefore = sessionsBefore.stream().map(s -> s.topic().trim() + "\u0000" + s.jp() + "\u0000"
                + s.facilitatorEnrolmentId() + "\u0000" + s.moderatorEnrolmentId()).toList();
        List<String> curriculumAfter = sessionsAfter.stream().map(s -> s.topic().trim() + "\u0000" + s.jp().intValue() + "\u0000"
                + s.facilitatorEnrolmentId() + "\u0000" + s.moderatorEnrolmentId()).toList();
        if (!curriculumBefore.equals(curriculumAfter)) {
            changed.add("sessions");
        }
        List<String> weightsBefore = compsBefore.stream().map(c -> c.name().trim() + "\u0000" + decimal(c.weight())).toList();
        List<String> weightsAfter = compsAfter.stream().map(c -> c.name().trim() + "\u0000" + decimal(c.weight())).toList();
        if (!weightsBefore.equals(weightsAfter)) {
            changed.add("components");
        }
        return changed;
    }

    private static String decimal(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private static void inRange(LocalDate date, String field, List<FieldProblem> problems) {
        if (date != null && (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY))) {
            problems.add(FieldProblem.of(field, "date.range", FIRST_DAY.getYear(), LAST_DAY.getYear()));
        }
    }

    private static void checkComponents(List<EventRequest.ComponentRequest> components, List<FieldProblem> problems) {
        if (components.isEmpty()) {
            problems.add(FieldProblem.of("components", "components.required"));
            return;
        }
        Set<String> names = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < components.size(); i++) {
            EventRequest.ComponentRequest c = components.get(i);
            if (!names.add(c.name().trim().toLowerCase(Locale.ROOT))) {
                problems.add(FieldProblem.of("components[" + i + "].name", "components.duplicateName", c.name().trim()));
            }
            sum = sum.add(c.weight());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            problems.add(FieldProblem.of("components", "components.weightSum", Bahasa.decimal(sum)));
        }
    }
}

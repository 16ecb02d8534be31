package id.piagam.programme;

import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The event page's form, flat text fields named exactly as the API's JSON paths
 * ({@code sessions[2].jp}, {@code certificate.signatory.nip}), so that every problem the API's rules
 * report lands next to the input that caused it. Blank session and component rows are dropped and
 * the rest renumbered before anything is checked, so row numbers in messages match the page.
 */
public final class EventForm {

    static final List<String> SESSION_FIELDS = List.of("id", "date", "startTime", "endTime", "topic", "jp", "facilitator", "facilitatorRole",
            "facilitatorEnrolmentId", "moderatorEnrolmentId");
    static final List<String> COMPONENT_FIELDS = List.of("name", "weight");
    static final int MAX_ROWS = 500;

    /** The form after binding: the (renumbered) values to show again, the request, and what could not be read. */
    public record Bound(Map<String, String> values, int sessions, int components, EventRequest request, List<FieldProblem> problems) {
    }

    private EventForm() {
    }

    /** The values of an existing event, for its edit form. */
    public static Map<String, String> values(EventView e) {
        Map<String, String> v = new HashMap<>();
        put(v, "kind", e.kind());
        put(v, "track", e.track());
        put(v, "code", e.code());
        put(v, "title", e.title());
        put(v, "angkatan", e.angkatan());
        put(v, "year", e.year());
        put(v, "organiser", e.organiser());
        put(v, "partner", e.partner());
        put(v, "place", e.place());
        put(v, "mode", e.mode());
        put(v, "startDate", e.startDate());
        put(v, "endDate", e.endDate());
        put(v, "minutesPerJp", e.minutesPerJp());
        put(v, "minAttendancePercent", plain(e.minAttendancePercent()));
        put(v, "passMark", plain(e.passMark()));
        put(v, "gradeScaleId", e.gradeScale() == null ? null : e.gradeScale().id());
        put(v, "attendanceLetter", Boolean.TRUE.equals(e.attendanceLetter()) ? "on" : null);
        for (int i = 0; i < e.sessions().size(); i++) {
            EventView.SessionView s = e.sessions().get(i);
            String at = "sessions[" + i + "].";
            put(v, at + "id", s.id());
            put(v, at + "date", s.date());
            put(v, at + "startTime", s.startTime());
            put(v, at + "endTime", s.endTime());
            put(v, at + "topic", s.topic());
            put(v, at + "jp", s.jp());
            put(v, at + "facilitator", s.facilitator());
            put(v, at + "facilitatorRole", s.facilitatorRole());
            put(v, at + "facilitatorEnrolmentId", s.facilitatorEnrolmentId());
            put(v, at + "moderatorEnrolmentId", s.moderatorEnrolmentId());
        }
        List<EventView.ComponentView> comps = e.components() == null ? List.of() : e.components();
        for (int i = 0; i < comps.size(); i++) {
            put(v, "components[" + i + "].name", comps.get(i).name());
            put(v, "components[" + i + "].weight", plain(comps.get(i).weight()));
        }
        EventRequest.CertificateSettings c = e.certificate();
        if (c != null) {
            put(v, "certificate.numberPattern", c.numberPattern());
            put(v, "certificate.template", c.template());
            put(v, "certificate.issuePlace", c.issuePlace());
            put(v, "certificate.issueDate", c.issueDate());
            put(v, "certificate.validityMonths", c.validityMonths());
            put(v, "certificate.title", c.title());
            put(v, "certificate.attendanceTitle", c.attendanceTitle());
            EventRules.rolePatterns(c.roleNumberPatterns()).forEach((field, pattern) -> put(v, field, pattern));
            if (c.roleTitles() != null) {
                put(v, "certificate.roleTitles.narasumber", c.roleTitles().narasumber());
                put(v, "certificate.roleTitles.moderator", c.roleTitles().moderator());
                put(v, "certificate.roleTitles.panitia", c.roleTitles().panitia());
            }
            if (c.signatory() != null) {
                put(v, "certificate.signatory.prefix", c.signatory().prefix());
                put(v, "certificate.signatory.position", c.signatory().position());
                put(v, "certificate.signatory.name", c.signatory().name());
                put(v, "certificate.signatory.pangkat", c.signatory().pangkat());
                put(v, "certificate.signatory.nip", c.signatory().nip());
                put(v, "certificate.signatory.office", c.signatory().office());
                put(v, "certificate.signatory.golongan", c.signatory().golongan());
            }
        }
        return v;
    }

    /** Reads the submitted form. Unreadable numbers, dates and choices are problems; blanks are absent. */
    public static Bound bind(Map<String, String> raw) {
        Map<String, String> v = new HashMap<>();
        raw.forEach((k, value) -> {
            if (value != null && !value.isBlank() && !k.startsWith("sessions[") && !k.startsWith("components[")) {
                v.put(k, value.trim());
            }
        });
        int sessions = compact(raw, v, "sessions", SESSION_FIELDS, List.of("id", "facilitatorRole",
                "facilitatorEnrolmentId", "moderatorEnrolmentId"));
        int components = compact(raw, v, "components", COMPONENT_FIELDS, List.of());
        Reader r = new Reader(v);
        EventKind kind = r.choice("kind", EventKind::valueOf, "BIMTEK, DIKLAT");
        List<EventRequest.SessionRequest> sessionList = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String at = "sessions[" + i + "].";
            sessionList.add(new EventRequest.SessionRequest(r.number(at + "id", Long::valueOf), r.date(at + "date"),
                    r.time(at + "startTime"), r.time(at + "endTime"), r.text(at + "topic"), r.decimal(at + "jp"),
                    r.text(at + "facilitator"), r.choice(at + "facilitatorRole", FacilitatorRole::valueOf, "NARASUMBER, WIDYAISWARA"),
                    r.number(at + "facilitatorEnrolmentId", Long::valueOf), r.number(at + "moderatorEnrolmentId", Long::valueOf)));
        }
        List<EventRequest.ComponentRequest> componentList = new ArrayList<>();
        for (int i = 0; i < components; i++) {
            String at = "components[" + i + "].";
            componentList.add(new EventRequest.ComponentRequest(r.text(at + "name"), r.decimal(at + "weight")));
        }
        EventRequest.Signatory signatory = new EventRequest.Signatory(r.text("certificate.signatory.prefix"),
                r.text("certificate.signatory.position"), r.text("certificate.signatory.name"), r.text("certificate.signatory.pangkat"),
                r.text("certificate.signatory.nip"), r.text("certificate.signatory.office"), r.text("certificate.signatory.golongan"));
        EventRequest.CertificateSettings certificate = new EventRequest.CertificateSettings(r.text("certificate.numberPattern"),
                r.text("certificate.template"), r.text("certificate.issuePlace"), r.date("certificate.issueDate"),
                r.number("certificate.validityMonths", Integer::valueOf), signatory, r.text("certificate.title"),
                r.text("certificate.attendanceTitle"), new EventRequest.RoleNumberPatterns(r.text("certificate.roleNumberPatterns.narasumber"),
                r.text("certificate.roleNumberPatterns.moderator"), r.text("certificate.roleNumberPatterns.panitia")),
                new EventRequest.RoleTitles(r.text("certificate.roleTitles.narasumber"), r.text("certificate.roleTitles.moderator"),
                        r.text("certificate.roleTitles.panitia")));
        EventRequest request = new EventRequest(kind, r.choice("track", Track::valueOf, "KL01 … NKL13"), r.text("code"),
                r.text("title"), r.text("angkatan"), r.number("year", Integer::valueOf), r.text("organiser"), r.text("partner"),
                r.text("place"), r.choice("mode", Mode::valueOf, "LURING, DARING, HYBRID"), r.date("startDate"), r.date("endDate"),
                r.number("minutesPerJp", Integer::valueOf), r.decimal("minAttendancePercent"),
                sessionList, r.decimal("passMark"), kind == EventKind.BIMTEK && componentList.isEmpty() ? null : componentList,
                r.number("gradeScaleId", Long::valueOf), v.containsKey("attendanceLetter") ? Boolean.TRUE : null, certificate);
        return new Bound(v, sessions, components, request, r.problems);
    }

    /** Copies the non-blank rows of a repeated group into {@code into}, numbered from 0; returns how many. */
    private static int compact(Map<String, String> raw, Map<String, String> into, String group, List<String> fields, List<String> notContent) {
        int next = 0;
        for (int i = 0; i < MAX_ROWS; i++) {
            String at = group + "[" + i + "].";
            boolean content = false;
            for (String f : fields) {
                String value = raw.get(at + f);
                content |= value != null && !value.isBlank() && !notContent.contains(f);
            }
            if (!content) {
                continue;
            }
            for (String f : fields) {
                String value = raw.get(at + f);
                if (value != null && !value.isBlank()) {
                    into.put(group + "[" + next + "]." + f, value.trim());
                }
            }
            next++;
        }
        return next;
    }

    /** Reads typed values from the text fields, collecting a problem for each one that cannot be read. */
    private static final class Reader {
        final Map<String, String> v;
        final List<FieldProblem> problems = new ArrayList<>();

        Reader(Map<String, String> v) {
            this.v = v;
        }

        String text(String field) {
            return v.get(field);
        }

        <T> T choice(String field, Function<String, T> parse, String choices) {
            String s = v.get(field);
            if (s == null) {
                return null;
            }
            try {
                return parse.apply(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of(field, "value.choice", choices));
                return null;
            }
        }

        <T> T number(String field, Function<String, T> parse) {
            String s = v.get(field);
            if (s == null) {
                return null;
            }
            try {
                return parse.apply(s);
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of(field, "value.unreadable"));
                return null;
            }
        }

        /** A decimal as Indonesians write it ({@code 87,5}) or with a point. */
        BigDecimal decimal(String field) {
            String s = v.get(field);
            if (s == null) {
                return null;
            }
            try {
                return Bahasa.readDecimal(s);
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of(field, "value.unreadable"));
                return null;
            }
        }

        LocalDate date(String field) {
            String s = v.get(field);
            try {
                return s == null ? null : LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of(field, "value.unreadable"));
                return null;
            }
        }

        LocalTime time(String field) {
            String s = v.get(field);
            try {
                return s == null ? null : LocalTime.parse(s);
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of(field, "value.unreadable"));
                return null;
            }
        }
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private static void put(Map<String, String> v, String key, Object value) {
        if (value != null) {
            v.put(key, value.toString());
        }
    }
}

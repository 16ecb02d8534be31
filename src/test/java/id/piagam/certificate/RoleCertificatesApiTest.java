package id.piagam.certificate;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role at an event gets its own document (issue 13, points 9-10): narasumber and moderator a piagam
 * naming their sessions, the panitia one stating their function, each kind in its own numbering series.
 */
@MicronautTest(transactional = false)
class RoleCertificatesApiTest extends ApiTest {

    private byte[] download(String path) {
        HttpRequest<?> request = HttpRequest.GET(path).bearerAuth(anonymous.login("operator", "operator-secret-1"));
        return httpClient.toBlocking().retrieve(request, byte[].class);
    }

    /** Creates a person and enrols them in the role (and function); returns the enrolment as the API answers it. */
    private Api.Res enrol(long eventId, int n, String name, String role, String function) {
        long person = participant(n, name);
        Map<String, Object> body = new HashMap<>(Map.of("participantId", person, "role", role));
        if (function != null) {
            body.put("panitiaFunction", function);
        }
        Api.Res r = operator.post("/api/events/" + eventId + "/enrolments", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    /** The event's body with its sessions (by id) naming narasumber and moderator enrolments. */
    @SuppressWarnings("unchecked")
    private Api.Res linkSessions(Fixtures.EventBuilder event, Scenario s, List<Long> facilitators, List<Long> moderators) {
        Map<String, Object> body = new HashMap<>(event.body());
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> given = (List<Map<String, Object>>) body.get("sessions");
        for (int i = 0; i < given.size(); i++) {
            Map<String, Object> session = new HashMap<>(given.get(i));
            session.put("id", s.sessionIds.get(i));
            session.put("facilitatorEnrolmentId", facilitators.get(i));
            session.put("moderatorEnrolmentId", moderators.get(i));
            sessions.add(session);
        }
        body.put("sessions", sessions);
        return operator.put("/api/events/" + s.eventId, body);
    }

    @Test
    void oneBulkJobIssuesFortyNineDocumentsOfEveryRoleEachOfItsKindTemplateAndSeries() throws Exception {
        Fixtures.EventBuilder event = Fixtures.aBimtek().with("title", "Bimtek Pengelolaan Arsip Dinamis").withSessions(4, 4, 4);
        Scenario s = Scenario.of(operator, event);
        for (int i = 0; i < 40; i++) {
            s.absent(3000 + i, Fixtures.name(3000 + i));
        }
        for (long session : s.sessionIds) {
            operator.put("/api/events/" + s.eventId + "/sessions/" + session + "/attendance",
                    s.participants.stream().map(p -> Map.of("participantId", p, "status", "HADIR")).toList());
        }
        List<Long> narasumber = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            narasumber.add(enrol(s.eventId, 3100 + i, "Narasumber " + Fixtures.letters(i), "NARASUMBER", null).id());
        }
        long moderator = enrol(s.eventId, 3110, "Moderator Arsip", "MODERATOR", null).id();
        String[] functions = {"KETUA", "SEKRETARIS", "BENDAHARA", "ANGGOTA", "ANGGOTA"};
        for (int i = 0; i < functions.length; i++) {
            enrol(s.eventId, 3120 + i, "Panitia " + Fixtures.letters(i), "PANITIA", functions[i]);
        }
        Api.Res linked = linkSessions(event, s, narasumber, List.of(moderator, moderator, moderator));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat((List<?>) linked.get("sessions")).allSatisfy(session -> assertThat(((Map<?, ?>) session).get("moderatorEnrolmentId"))
                .isEqualTo((int) moderator));

        Map<String, String> kindByParticipant = operator.get("/api/events/" + s.eventId + "/eligibility").list().stream()
                .collect(Collectors.toMap(e -> e.get("participantId").toString(), e -> String.valueOf(e.get("kind"))));
        assertThat(kindByParticipant).hasSize(49).doesNotContainValue("null");

        Api.Res done = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(done.get("issued")).isEqualTo(49);
        assertThat(done.get("skipped")).isEqualTo(0);
        assertThat(done.get("failed")).isEqualTo(0);

        List<Map<String, Object>> issued = operator.get("/api/events/" + s.eventId + "/certificates").list();
        Map<Object, List<Map<String, Object>>> byKind = issued.stream().collect(Collectors.groupingBy(c -> c.get("kind")));
        assertThat(byKind.get("ATTENDANCE")).hasSize(40).allSatisfy(c -> assertThat(c.get("templateName")).isEqualTo("sertifikat-keikutsertaan"));
        assertThat(byKind.get("NARASUMBER")).hasSize(3).allSatisfy(c -> assertThat(c.get("templateName")).isEqualTo("piagam-narasumber"));
        assertThat(byKind.get("MODERATOR")).hasSize(1).allSatisfy(c -> assertThat(c.get("templateName")).isEqualTo("piagam-moderator"));
        assertThat(byKind.get("PANITIA")).hasSize(5).allSatisfy(c -> assertThat(c.get("templateName")).isEqualTo("piagam-panitia"));
        // each kind in its own series: the default pattern of the kind, numbers consecutive within it
        assertSeries(byKind.get("ATTENDANCE"), "800\\.2\\.4\\.2/(\\d{4})/BPSDM/\\d{4}");
        assertSeries(byKind.get("NARASUMBER"), "800\\.2\\.4\\.2/(\\d{4})/BPSDM-NS/\\d{4}");
        assertSeries(byKind.get("MODERATOR"), "800\\.2\\.4\\.2/(\\d{4})/BPSDM-MOD/\\d{4}");
        assertSeries(byKind.get("PANITIA"), "800\\.2\\.4\\.2/(\\d{4})/BPSDM-PAN/\\d{4}");

        for (Map<String, Object> c : issued) {
            String text = PdfChecks.text(download("/api/certificates/" + c.get("id") + "/pdf"), 1).replaceAll("\\s+", " ");
            assertThat(text).contains(c.get("number").toString()).contains(c.get("holderName").toString());
            switch (c.get("kind").toString()) {
                case "ATTENDANCE" -> assertThat(text).contains("SERTIFIKAT").contains("telah mengikuti").doesNotContain("PENGHARGAAN");
                case "NARASUMBER" -> assertThat(text).contains("PIAGAM PENGHARGAAN").contains("sebagai Narasumber")
                        .contains("sebanyak 4 (empat) jam pelajaran, dengan materi").doesNotContain("(4 (empat)")
                        .containsPattern("Materi \\d \\(\\d Maret 2026\\)");
                case "MODERATOR" -> assertThat(text).contains("PIAGAM PENGHARGAAN").contains("sebagai Moderator")
                        .contains("sebanyak 12 (dua belas) jam pelajaran, pada sesi").contains("Materi 1 (2 Maret 2026)").contains("Materi 3 (4 Maret 2026)");
                default -> assertThat(text).contains("PIAGAM PENGHARGAAN").containsPattern("sebagai (Ketua|Sekretaris|Bendahara|Anggota) Panitia");
            }
        }
        Map<String, Object> narasumberA = byKind.get("NARASUMBER").stream()
                .filter(c -> c.get("holderName").toString().startsWith("Narasumber A")).findFirst().orElseThrow();
        String taught = PdfChecks.text(download("/api/certificates/" + narasumberA.get("id") + "/pdf"), 1);
        assertThat(taught).contains("Materi 1 (2 Maret 2026)").doesNotContain("Materi 2");

        // each person's records show the JP their document states: the session taught (4), the sessions moderated (12),
        // the programme's for the peserta and the panitia (12); JP are credited to the year only for a completed programme
        for (String kind : List.of("NARASUMBER", "MODERATOR", "PANITIA", "ATTENDANCE")) {
            Map<String, Object> c = byKind.get(kind).get(0);
            Api.Res records = operator.get("/api/participants/" + c.get("participantId") + "/records");
            assertThat(records.status()).isEqualTo(200);
            Map<?, ?> row = (Map<?, ?>) ((List<?>) records.get("events")).get(0);
            assertThat(row.get("totalJp")).as(kind).isEqualTo(kind.equals("NARASUMBER") ? 4 : 12);
            assertThat(row.get("creditedJp")).as(kind).isEqualTo(kind.equals("ATTENDANCE") ? 12 : 0);
        }
        // and the staff page of the narasumber says so, with the role as the result instead of an empty cell
        Map<String, Object> taughtBy = byKind.get("NARASUMBER").get(0);
        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document page = Jsoup.parse(staff.get("/peserta/" + taughtBy.get("participantId")).body());
        Element row = page.selectFirst("#trainings tr[data-event=" + s.eventId + "]");
        assertThat(row.selectFirst("td.num").text()).isEqualTo("4");
        assertThat(row.selectFirst("td.result").text()).isEqualTo("Narasumber");
        // on the event's page a narasumber has no attendance rate (only a peserta attends), not "0,00%"
        Document eventPage = Jsoup.parse(staff.get("/kegiatan/" + s.eventId).body());
        assertThat(eventPage.select("#eligibility tr[data-participant=" + taughtBy.get("participantId") + "] td").get(1).text()).isEqualTo("\u2013");

        List<String> zipped = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(download("/api/events/" + s.eventId + "/certificates.zip")))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zipped.add(e.getName());
            }
        }
        assertThat(zipped).hasSize(49);
        assertThat(PdfChecks.pages(download("/api/events/" + s.eventId + "/certificates.pdf"))).isEqualTo(49);
    }

    private static void assertSeries(List<Map<String, Object>> certificates, String pattern) {
        List<Integer> seqs = certificates.stream().map(c -> c.get("number").toString()).peek(n -> assertThat(n).matches(pattern))
                .map(n -> Integer.parseInt(n.replaceAll(pattern, "$1"))).sorted().toList();
        assertThat(seqs.get(seqs.size() - 1) - seqs.get(0) + 1).as("consecutive, no gap: %s", seqs).isEqualTo(seqs.size());
        assertThat(seqs).doesNotHaveDuplicates();
    }
}

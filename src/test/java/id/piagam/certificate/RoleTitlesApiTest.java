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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each role's document title is set per event, printed on its PDF, and defaults to PIAGAM PENGHARGAAN. */
@MicronautTest(transactional = false)
class RoleTitlesApiTest extends ApiTest {

    private String pdfText(Api.Res certificate) throws Exception {
        HttpRequest<?> request = HttpRequest.GET("/api/certificates/" + certificate.get("id") + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1"));
        return PdfChecks.text(httpClient.toBlocking().retrieve(request, byte[].class), 1).replaceAll("\\s+", " ");
    }

    private long enrol(long eventId, long person, String role, String function) {
        Map<String, Object> body = new HashMap<>(Map.of("participantId", person, "role", role));
        if (function != null) {
            body.put("panitiaFunction", function);
        }
        Api.Res r = operator.post("/api/events/" + eventId + "/enrolments", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    @SuppressWarnings("unchecked")
    @Test
    void eachRoleDocumentPrintsTheEventsTitleForTheRoleOrTheDefaultAndAnIssuedTitleCannotChange() throws Exception {
        Map<String, Object> certificate = new HashMap<>((Map<String, Object>) Fixtures.aBimtek().body().get("certificate"));
        certificate.put("roleTitles", Map.of("narasumber", "SERTIFIKAT NARASUMBER", "panitia", "SURAT KETERANGAN PANITIA"));
        Fixtures.EventBuilder event = Fixtures.aBimtek().with("certificate", certificate);
        Scenario s = Scenario.of(operator, event);
        long narasumber = participant(4701, "Narasumber Judul");
        long moderator = participant(4702, "Moderator Judul");
        long panitia = participant(4703, "Panitia Judul");
        long narasumberEnrolment = enrol(s.eventId, narasumber, "NARASUMBER", null);
        long moderatorEnrolment = enrol(s.eventId, moderator, "MODERATOR", null);
        enrol(s.eventId, panitia, "PANITIA", "KETUA");
        Map<String, Object> body = new HashMap<>(event.body());
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> given = (List<Map<String, Object>>) body.get("sessions");
        for (int i = 0; i < given.size(); i++) {
            Map<String, Object> session = new HashMap<>(given.get(i));
            session.put("id", s.sessionIds.get(i));
            session.put("facilitatorEnrolmentId", narasumberEnrolment);
            session.put("moderatorEnrolmentId", moderatorEnrolment);
            sessions.add(session);
        }
        body.put("sessions", sessions);
        assertThat(operator.put("/api/events/" + s.eventId, body).status()).isEqualTo(200);
        assertThat((Map<String, Object>) ((Map<String, Object>) operator.get("/api/events/" + s.eventId).get("certificate")).get("roleTitles"))
                .containsEntry("narasumber", "SERTIFIKAT NARASUMBER").containsEntry("panitia", "SURAT KETERANGAN PANITIA");

        Api.Res taught = operator.post("/api/events/" + s.eventId + "/enrolments/" + narasumber + "/certificate", Map.of());
        Api.Res moderated = operator.post("/api/events/" + s.eventId + "/enrolments/" + moderator + "/certificate", Map.of());
        Api.Res committee = operator.post("/api/events/" + s.eventId + "/enrolments/" + panitia + "/certificate", Map.of());
        assertThat(List.of(taught.status(), moderated.status(), committee.status())).containsOnly(201);
        assertThat(pdfText(taught)).contains("SERTIFIKAT NARASUMBER").contains("sebagai Narasumber").doesNotContain("PIAGAM PENGHARGAAN");
        assertThat(pdfText(moderated)).contains("PIAGAM PENGHARGAAN").contains("sebagai Moderator");
        assertThat(pdfText(committee)).contains("SURAT KETERANGAN PANITIA").contains("sebagai Ketua Panitia");

        // the form shows the titles; once issued, a title is what the paper states and cannot change
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document edit = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/ubah").body());
        assertThat(edit.selectFirst("[id=certificate.roleTitles.narasumber]").val()).isEqualTo("SERTIFIKAT NARASUMBER");
        assertThat(edit.selectFirst("[id=certificate.roleTitles.moderator]").val()).isEmpty();
        Map<String, Object> retitled = new HashMap<>(certificate);
        retitled.put("roleTitles", Map.of("narasumber", "PIAGAM NARASUMBER", "panitia", "SURAT KETERANGAN PANITIA"));
        body.put("certificate", retitled);
        Api.Res refused = operator.put("/api/events/" + s.eventId, body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("certificate.roleTitles.narasumber");
    }
}

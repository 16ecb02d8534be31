package id.piagam.certificate;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Images;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pas foto on the STTP: printed (an image of the photo's own pixels) when the enrolment froze one, left out
 * cleanly when not, PDF/A-1b either way, and frozen like the name: a later photo changes neither the issued PDF
 * nor a reissue, until the enrolment's identity is refreshed.
 */
@MicronautTest(transactional = false)
class PhotoCertificateTest extends ApiTest {

    private byte[] pdf(long certificateId) {
        HttpRequest<?> request = HttpRequest.GET("/api/certificates/" + certificateId + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1"));
        return httpClient.toBlocking().retrieve(request, byte[].class);
    }

    private void photo(long participantId, byte[] picture) {
        Api.Res r = operator.send(HttpRequest.PUT("/api/participants/" + participantId + "/photo", picture).contentType("image/png"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** A person who has a photo before being enrolled; attends every session and passes. */
    private long enrolledWithPhoto(Scenario s, int n, String name, byte[] picture) {
        Api.Res p = operator.post("/api/participants", Fixtures.aPns(n, name));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        photo(p.id(), picture);
        assertThat(operator.post("/api/events/" + s.eventId + "/enrolments", Map.of("participantId", p.id())).status()).isEqualTo(201);
        for (long session : s.sessionIds) {
            operator.put("/api/events/" + s.eventId + "/sessions/" + session + "/attendance",
                    List.of(Map.of("participantId", p.id(), "status", "HADIR")));
        }
        s.scored(p.id(), 85, 90);
        return p.id();
    }

    @Test
    void theSttpPrintsTheFrozenPhotoAndLaysOutWithoutOne() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long withPhoto = enrolledWithPhoto(s, 1201, "Dewi Lestari", Images.passPhoto(300, 400, "png", true));
        long without = s.attending(1202, "Ahmad Fauzi");
        s.scored(without, 85, 90);

        Api.Res issued = s.issue(withPhoto);
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
        byte[] printed = pdf(issued.id());
        assertThat(PdfChecks.images(printed, 1)).as("the photo, opaque (its transparency flattened)").contains("300 x 400")
                .noneMatch(i -> i.endsWith("alpha"));
        assertThat(PdfChecks.pdfA1b(printed).isCompliant()).as("PDF/A-1b with a PNG photo that had transparency").isTrue();
        String front = PdfChecks.text(printed, 1);
        assertThat(front).contains("SURAT TANDA TAMAT PELATIHAN", "Dewi Lestari, S.Kom.", "Tempat, tgl. lahir", "Pangkat/golongan",
                "telah mengikuti", "Pindai untuk memeriksa keaslian");

        byte[] plain = pdf(s.issue(without).id());
        assertThat(PdfChecks.images(plain, 1)).as("no photo image").noneMatch(i -> i.startsWith("300 x 400"));
        assertThat(PdfChecks.images(plain, 1)).hasSize(PdfChecks.images(printed, 1).size() - 1);
        assertThat(PdfChecks.text(plain, 1)).contains("SURAT TANDA TAMAT PELATIHAN", "Ahmad Fauzi, S.Kom.", "Tempat, tgl. lahir",
                "telah mengikuti", "Pindai untuk memeriksa keaslian");
        assertThat(PdfChecks.pdfA1b(plain).isCompliant()).isTrue();
    }

    /** The bulk job reads the frozen photos of a whole batch at once (#14 point 1): each certificate still prints its own. */
    @Test
    void theBulkJobPrintsEachPersonsOwnFrozenPhoto() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "PHOTO-BULK"));
        long dewi = enrolledWithPhoto(s, 1221, "Dewi Batch", Images.passPhoto(300, 400, "png", false));
        long none = s.attending(1222, "Ahmad Batch");
        s.scored(none, 85, 90);
        long rina = enrolledWithPhoto(s, 1223, "Rina Batch", Images.passPhoto(330, 440, "png", false));

        Api.Res done = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));

        assertThat(done.get("issued")).as(done.body()).isEqualTo(3);
        Map<Long, Long> byPerson = new HashMap<>();
        for (Object item : (List<?>) done.get("items")) {
            Map<?, ?> line = (Map<?, ?>) item;
            byPerson.put(((Number) line.get("participantId")).longValue(), ((Number) line.get("certificateId")).longValue());
        }
        assertThat(PdfChecks.images(pdf(byPerson.get(dewi)), 1)).contains("300 x 400").noneMatch(i -> i.startsWith("330 x 440"));
        assertThat(PdfChecks.images(pdf(byPerson.get(rina)), 1)).contains("330 x 440").noneMatch(i -> i.startsWith("300 x 400"));
        assertThat(PdfChecks.images(pdf(byPerson.get(none)), 1)).noneMatch(i -> i.startsWith("300 x 400") || i.startsWith("330 x 440"));
    }

    @Test
    void aLaterPhotoChangesNothingIssuedNorAReissueUntilTheIdentityIsRefreshed() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long p = enrolledWithPhoto(s, 1211, "Rina Marlina", Images.passPhoto(300, 400, "png", false));
        Api.Res first = s.issue(p);
        byte[] firstPdf = pdf(first.id());

        photo(p, Images.passPhoto(330, 440, "png", false));
        assertThat(pdf(first.id())).as("the issued PDF never changes").isEqualTo(firstPdf);
        Api.Res reissued = admin.post("/api/certificates/" + first.id() + "/reissue", Map.of("reason", "salah ketik"));
        assertThat(reissued.status()).as(reissued.body()).isIn(200, 201);
        assertThat(PdfChecks.images(pdf(reissued.id()), 1)).as("the enrolment's frozen photo").contains("300 x 400")
                .noneMatch(i -> i.startsWith("330 x 440"));

        assertThat(operator.put("/api/events/" + s.eventId + "/enrolments/" + p, Map.of("refreshIdentity", true)).status()).isEqualTo(200);
        Api.Res refreshed = admin.post("/api/certificates/" + reissued.id() + "/reissue", Map.of("reason", "foto baru"));
        assertThat(refreshed.status()).as(refreshed.body()).isIn(200, 201);
        assertThat(PdfChecks.images(pdf(refreshed.id()), 1)).contains("330 x 440").noneMatch(i -> i.startsWith("300 x 400"));

        // removing the person's photo and refreshing again prints none
        assertThat(operator.send(HttpRequest.DELETE("/api/participants/" + p + "/photo")).status()).isEqualTo(204);
        operator.put("/api/events/" + s.eventId + "/enrolments/" + p, Map.of("refreshIdentity", true));
        Api.Res none = admin.post("/api/certificates/" + refreshed.id() + "/reissue", Map.of("reason", "tanpa foto"));
        assertThat(PdfChecks.images(pdf(none.id()), 1)).noneMatch(i -> i.startsWith("330 x 440") || i.startsWith("300 x 400"));
        // the certificates issued before still print theirs
        assertThat(PdfChecks.images(pdf(refreshed.id()), 1)).contains("330 x 440");
    }
}

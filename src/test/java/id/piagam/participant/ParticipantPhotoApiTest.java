package id.piagam.participant;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Images;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pas foto through {@code /api/participants/{id}/photo}: what is accepted, how it is stored, who may do what. */
@MicronautTest(transactional = false)
class ParticipantPhotoApiTest extends ApiTest {

    @Inject
    ParticipantPhotoRepository photos;

    private Api.Res upload(Api caller, long id, byte[] bytes, String type) {
        return caller.send(HttpRequest.PUT("/api/participants/" + id + "/photo", bytes).contentType(type));
    }

    private HttpResponse<byte[]> download(long id, String token) {
        try {
            return httpClient.toBlocking().exchange(HttpRequest.GET("/api/participants/" + id + "/photo").bearerAuth(token), byte[].class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<byte[]>) e.getResponse();
        }
    }

    private String operatorToken() {
        return anonymous.login("operator", "operator-secret-1");
    }

    private long storedRows(long participantId) {
        return photos.findAll().stream().filter(p -> p.participantId() == participantId).count();
    }

    @Test
    void aJpegIsStoredAsUploadedAndServedWithItsType() throws IOException {
        long id = participant(1151, "Dewi Lestari");
        assertThat(download(id, operatorToken()).getStatus().getCode()).as("no photo yet").isEqualTo(404);
        byte[] jpeg = Images.passPhoto(300, 400, "jpeg", false);

        Api.Res r = upload(operator, id, jpeg, "image/jpeg");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.get("mediaType")).isEqualTo("image/jpeg");
        assertThat(r.get("width")).isEqualTo(300);
        assertThat(r.get("height")).isEqualTo(400);
        assertThat(r.get("url")).isEqualTo("/api/participants/" + id + "/photo");

        HttpResponse<byte[]> got = download(id, operatorToken());
        assertThat(got.getStatus().getCode()).isEqualTo(200);
        assertThat(got.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("image/jpeg"));
        assertThat(got.body()).isEqualTo(jpeg);

        // the same picture again is stored once
        assertThat(upload(operator, id, jpeg, MediaType.APPLICATION_OCTET_STREAM).status()).isEqualTo(200);
        assertThat(storedRows(id)).isEqualTo(1);
    }

    @Test
    void aPngWithTransparencyIsFlattenedOntoWhite() throws IOException {
        long id = participant(1152, "Rina Marlina");
        Api.Res r = upload(admin, id, Images.passPhoto(300, 400, "png", true), "image/png");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.get("mediaType")).isEqualTo("image/png");
        byte[] served = download(id, operatorToken()).body();
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(stored.getColorModel().hasAlpha()).isFalse();
        assertThat(new Color(stored.getRGB(0, 0))).isEqualTo(Color.WHITE);
        assertThat(new Color(stored.getRGB(150, 120))).isEqualTo(new Color(0x2B2B2B));
        assertThat(photos.findByParticipantIdAndRetiredAtIsNull(id)).get().satisfies(p -> assertThat(p.bytes()).isEqualTo(served));
    }

    @Test
    void refusesWhatIsNotAPassPhotoAtTheFieldAndKeepsTheOneThereWas() throws IOException {
        long id = participant(1153, "Ahmad Fauzi");
        byte[] good = Images.passPhoto(300, 400, "jpeg", false);
        assertThat(upload(operator, id, good, "image/jpeg").status()).isEqualTo(200);

        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("image.type", Images.passPhoto(300, 400, "gif", false));
        bad.put("image.type ", "bukan gambar, hanya teks bernama foto.jpg".getBytes());
        bad.put("image.tooLarge", new byte[2 * 1024 * 1024 + 1]);
        bad.put("image.dimensions", Images.passPhoto(90, 120, "png", false));
        bad.put("photo.small", Images.passPhoto(160, 190, "png", false));
        bad.put("photo.shape", Images.passPhoto(400, 300, "jpeg", false));
        bad.put("photo.shape ", Images.passPhoto(400, 400, "jpeg", false));
        bad.put("image.unreadable", Arrays.copyOf(Images.passPhoto(300, 400, "png", false), 60));
        for (Map.Entry<String, byte[]> b : bad.entrySet()) {
            Api.Res r = upload(operator, id, b.getValue(), "image/jpeg");
            assertThat(r.status()).as(b.getKey() + ": " + r.body()).isEqualTo(400);
            assertThat(r.errors()).as(b.getKey()).singleElement().satisfies(e -> {
                assertThat(e.get("field")).isEqualTo("photo");
                assertThat(e.get("code")).isEqualTo(b.getKey().trim());
                assertThat((String) e.get("message")).isNotBlank();
            });
        }
        assertThat(storedRows(id)).as("nothing written").isEqualTo(1);
        assertThat(download(id, operatorToken()).body()).isEqualTo(good);
        Api.Res english = upload(operator.inLanguage("en"), id, Images.passPhoto(400, 300, "jpeg", false), "image/jpeg");
        assertThat(english.errors().get(0).get("message")).asString().contains("400\u00d7300").contains("3\u00d74");
        assertThat(upload(operator, id, new byte[2 * 1024 * 1024 + 1], "image/jpeg").errors().get(0).get("message"))
                .isEqualTo("Gambar lebih besar dari 2048 KB.");
        assertThat(upload(operator, id, Images.passPhoto(90, 120, "png", false), "image/png").errors().get(0).get("message"))
                .isEqualTo("Gambar berukuran 90\u00d7120 piksel; setiap sisi harus antara 150 dan 4000 piksel.");
    }

    @Test
    void deletingRemovesThePhotoAndAnUnknownPersonIsNotFound() throws IOException {
        long id = participant(1154, "Bagus Pratama");
        assertThat(upload(operator, id, Images.passPhoto(300, 400, "jpeg", false), "image/jpeg").status()).isEqualTo(200);
        assertThat(operator.send(HttpRequest.DELETE("/api/participants/" + id + "/photo")).status()).isEqualTo(204);
        assertThat(download(id, operatorToken()).getStatus().getCode()).isEqualTo(404);
        assertThat(storedRows(id)).as("no enrolment froze it: gone").isZero();
        assertThat(operator.send(HttpRequest.DELETE("/api/participants/" + id + "/photo")).status()).isEqualTo(404);
        assertThat(upload(operator, 999_999, Images.passPhoto(300, 400, "jpeg", false), "image/jpeg").status()).isEqualTo(404);
    }

    @Test
    void aParticipantSeesAndSetsTheirOwnPhotoOnly() throws IOException {
        long own = participant(1155, "Wulan Sari");
        long other = participant(1156, "Yoga Saputra");
        admin.post("/api/users", Map.of("username", "wulan5105", "password", "wulan-secret-123", "role", "PARTICIPANT", "participantId", own));
        String token = anonymous.login("wulan5105", "wulan-secret-123");
        Api wulan = anonymous.as(token);
        byte[] jpeg = Images.passPhoto(300, 400, "jpeg", false);

        assertThat(upload(wulan, own, jpeg, "image/jpeg").status()).isEqualTo(200);
        assertThat(download(own, token).body()).isEqualTo(jpeg);
        assertThat(upload(wulan, other, jpeg, "image/jpeg").status()).isEqualTo(403);
        assertThat(download(other, token).getStatus().getCode()).isEqualTo(403);
        assertThat(wulan.send(HttpRequest.DELETE("/api/participants/" + own + "/photo")).status()).isEqualTo(403);
        assertThat(upload(anonymous, own, jpeg, "image/jpeg").status()).isEqualTo(401);
        assertThat(storedRows(other)).isZero();
    }
}

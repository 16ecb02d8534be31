package id.piagam.agency;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The agency profile through {@code /api/agency}: the settings until one is saved, then the saved one, for everyone. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgencyApiTest extends ApiTest {

    @Inject
    AgencyProfileRepository profiles;
    @Inject
    AgencySignatoryRepository signatories;
    @Inject
    Agency agency;

    static Map<String, Object> jatim() {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", "Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur");
        body.put("shortName", "BPSDM Jatim");
        body.put("parent", "Pemerintah Provinsi Jawa Timur");
        body.put("address", "Jalan Balongsari Tama, Tandes\nSurabaya 60186");
        body.put("phone", "031-7402456");
        body.put("email", "bpsdm@jatimprov.go.id");
        body.put("website", "https://bpsdm.jatimprov.go.id");
        body.put("signatories", List.of(
                Map.of("name", "Dr. Ir. Ramliyanto, M.P.", "nip", "196907071995031004", "pangkat", "Pembina Utama Muda",
                        "golongan", "IV/c", "position", "Kepala Badan"),
                Map.of("name", "Dra. Sri Wahyuni, M.Si.", "nip", "197105121996032002", "golongan", "iv/b",
                        "position", "Sekretaris", "office", "Kepala BPSDM Provinsi Jawa Timur", "isDefault", true)));
        return body;
    }

    @Test
    @Order(1)
    void withoutAProfileTheSettingsAreRead() throws IOException {
        Api.Res r = operator.get("/api/agency");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.get("source")).isEqualTo("SETTINGS");
        assertThat(r.get("signatories")).isEqualTo(List.of());
        Api.Res logo = admin.send(HttpRequest.PUT("/api/agency/logo", png(200, 200, false)).contentType("image/png"));
        assertThat(logo.status()).isEqualTo(400);
        assertThat(logo.errorFields()).containsExactly("logo");
    }

    @Test
    @Order(2)
    void anAdministratorSavesTheProfileAndEveryoneReadsIt() {
        assertThat(operator.put("/api/agency", jatim()).status()).isEqualTo(403);

        Api.Res saved = admin.put("/api/agency", jatim());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.get("source")).isEqualTo("PROFILE");
        assertThat(saved.get("fullName")).isEqualTo("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur");
        assertThat(saved.get("parent")).isEqualTo("Pemerintah Provinsi Jawa Timur");
        assertThat(profiles.findById(1L)).get().satisfies(p -> {
            assertThat(p.shortName()).isEqualTo("BPSDM Jatim");
            assertThat(p.address()).isEqualTo("Jalan Balongsari Tama, Tandes\nSurabaya 60186");
            assertThat(p.defaultSignatory()).isEqualTo(1);
        });
        assertThat(signatories.findAllOrderBySeq()).extracting(AgencySignatory::golongan).containsExactly("IV/c", "IV/b");
        assertThat(agency.name()).isEqualTo("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur");
        List<?> people = (List<?>) operator.get("/api/agency").get("signatories");
        assertThat(people).hasSize(2);
        assertThat(((Map<?, ?>) people.get(1)).get("isDefault")).isEqualTo(true);
        assertThat(((Map<?, ?>) people.get(0)).get("isDefault")).isEqualTo(false);
    }

    @Test
    @Order(3)
    void aNewEventStartsWithTheAgencyAndItsDefaultSignatoryWhenThereIsNoEarlierEvent() {
        admin.put("/api/agency", jatim());
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        var page = Jsoup.parse(browser.get("/kegiatan/baru").body());
        assertThat(Browser.fields(page, "#event-form"))
                .containsEntry("organiser", "Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur")
                .containsEntry("certificate.signatory.name", "Dra. Sri Wahyuni, M.Si.")
                .containsEntry("certificate.signatory.prefix", "a.n.")
                .containsEntry("certificate.signatory.office", "Kepala BPSDM Provinsi Jawa Timur")
                .containsEntry("certificate.signatory.position", "Sekretaris")
                .containsEntry("certificate.signatory.golongan", "IV/b")
                .containsEntry("certificate.signatory.nip", "197105121996032002");
        assertThat(page.selectFirst("#defaults-agency").text()).contains("profil instansi");
    }

    @Test
    @Order(4)
    void refusesBadFieldsAndWritesNothing() {
        admin.put("/api/agency", jatim());
        Map<String, Object> bad = jatim();
        bad.put("website", "bukan situs");
        bad.put("signatories", List.of(
                Map.of("name", "A", "position", "Kepala", "isDefault", true, "nip", "123"),
                Map.of("name", "B", "position", "Sekretaris", "isDefault", true, "golongan", "V/z")));
        bad.put("fullName", "Nama Lain");
        Api.Res r = admin.put("/api/agency", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("website", "signatories[0].nip", "signatories[1].isDefault",
                "signatories[1].golongan");
        assertThat(profiles.findById(1L)).get().extracting(AgencyProfile::fullName)
                .isEqualTo("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur");
        Map<String, Object> blank = jatim();
        blank.put("fullName", " ");
        blank.put("email", "bukan-email");
        assertThat(admin.put("/api/agency", blank).errorFields()).containsExactlyInAnyOrder("fullName", "email");
    }

    @Test
    @Order(5)
    void aLogoIsCheckedAndTransparencyFlattenedOntoWhite() throws IOException {
        admin.put("/api/agency", jatim());
        Api.Res text = admin.send(HttpRequest.PUT("/api/agency/logo", "bukan gambar".getBytes()).contentType(MediaType.APPLICATION_OCTET_STREAM));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("logo");
            assertThat(e.get("code")).isEqualTo("image.type");
        });
        byte[] broken = png(200, 200, false);
        byte[] truncated = Arrays.copyOf(broken, 40);
        assertThat(admin.send(HttpRequest.PUT("/api/agency/logo", truncated).contentType("image/png")).errors())
                .singleElement().satisfies(e -> assertThat(e.get("code")).isEqualTo("image.unreadable"));
        assertThat(admin.send(HttpRequest.PUT("/api/agency/logo", png(10, 10, false)).contentType("image/png")).errors())
                .singleElement().satisfies(e -> assertThat(e.get("code")).isEqualTo("image.dimensions"));
        assertThat(admin.send(HttpRequest.PUT("/api/agency/logo", new byte[1024 * 1024 + 1]).contentType("image/png")).errors())
                .singleElement().satisfies(e -> assertThat(e.get("code")).isEqualTo("image.tooLarge"));
        assertThat(profiles.findById(1L).get().logo()).isNull();

        Api.Res ok = admin.send(HttpRequest.PUT("/api/agency/logo", png(240, 240, true)).contentType("image/png"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.get("hasLogo")).isEqualTo(true);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(profiles.findById(1L).get().logo()));
        assertThat(stored.getColorModel().hasAlpha()).isFalse();
        assertThat(new Color(stored.getRGB(0, 0))).isEqualTo(Color.WHITE); // the transparent corner, on white
        assertThat(new Color(stored.getRGB(120, 120))).isEqualTo(new Color(0x1F3A68));
        // a later save of the texts keeps the logo
        admin.put("/api/agency", jatim());
        assertThat(profiles.findById(1L).get().logo()).isNotNull();
    }

    /** A PNG: a blue disc, on a transparent ground when {@code alpha}, else on white. */
    static byte[] png(int w, int h, boolean alpha) throws IOException {
        BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        if (!alpha) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
        }
        g.setColor(new Color(0x1F3A68));
        g.fillOval(w / 8, h / 8, w * 3 / 4, h * 3 / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

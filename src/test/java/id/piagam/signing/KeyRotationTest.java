package id.piagam.signing;

import eu.europa.esig.dss.enumerations.Indication;
import id.piagam.support.Api;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.TestDatabase;
import id.piagam.support.TestKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency renews its key: the service is restarted with another keystore on the same database. What was
 * signed with the old key stays as it was and still verifies; each certificate keeps the fingerprint of the
 * key that signed it, and the verification page names that signer, not the current one.
 */
class KeyRotationTest {

    @TempDir
    Path dir;

    /** What one run of the service did: the certificate it issued and its PDF. */
    private record Issued(Api.Res certificate, byte[] pdf) {
    }

    /** A running service: its API (anonymous) and the HTTP client under it, for downloads. */
    private record Service(Api api, HttpClient client) {
        byte[] pdf(String token, long id) {
            return client.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + id + "/pdf").bearerAuth(token), byte[].class);
        }
    }

    private static <T> T withService(TestDatabase db, TestKeys.Signer key, Function<Service, T> work) {
        Map<String, Object> properties = new HashMap<>(Map.of("micronaut.server.port", -1, "datasources.default.url", db.url(),
                "piagam.admin-password", "rotation-admin-secret", "piagam.signing.keystore", key.p12().toString(),
                "piagam.signing.password", TestKeys.PASSWORD));
        if (db.user() != null) {
            properties.put("datasources.default.username", db.user());
            properties.put("datasources.default.password", db.password());
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
             HttpClient client = HttpClient.create(server.getURL())) {
            return work.apply(new Service(new Api(client, server.getApplicationContext().getBean(JsonMapper.class)), client));
        }
    }

    private static Issued issue(Service service, int n, String name) {
        String token = service.api().login("admin", "rotation-admin-secret");
        Scenario s = Scenario.of(service.api().as(token), Fixtures.aBimtek());
        Api.Res c = s.issue(s.attending(n, name));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return new Issued(c, service.pdf(token, c.id()));
    }

    @Test
    void certificatesSignedBeforeAKeyRotationStillVerifyAndNameTheirOwnSigner() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        TestKeys.Signer keyA = TestKeys.signer(dir, "RSA", "Kepala BPSDM Lama");
        TestKeys.Signer keyB = TestKeys.signer(dir, "EC", "Kepala BPSDM Baru");

        Issued a = withService(db, keyA, api -> issue(api, 4301, "Ratna Sari"));
        Issued b = withService(db, keyB, api -> issue(api, 4302, "Yusuf Hidayat"));

        assertThat(PadesChecks.read(a.pdf()).signer().getSubject().toString()).contains("CN=Kepala BPSDM Lama");
        assertThat(PadesChecks.read(b.pdf()).signer().getSubject().toString()).contains("CN=Kepala BPSDM Baru");
        assertThat(DssChecks.validate(a.pdf(), keyA.crl(), keyA.ca()).indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(DssChecks.validate(b.pdf(), keyB.crl(), keyB.ca()).indication()).isEqualTo(Indication.TOTAL_PASSED);

        withService(db, keyB, service -> {
            Api api = service.api();
            String token = api.login("admin", "rotation-admin-secret");
            for (Map.Entry<Issued, TestKeys.Signer> e : Map.of(a, keyA, b, keyB).entrySet()) {
                Issued issued = e.getKey();
                String fingerprint = SigningKey.fingerprint(e.getValue().certificate());
                String subject = e.getValue().certificate().getSubjectX500Principal().getName();
                String code = (String) issued.certificate().get("verificationCode");
                assertThat(api.as(token).get("/api/certificates/" + issued.certificate().id()).get("signerFingerprint"))
                        .as("each certificate records the key that signed it").isEqualTo(fingerprint);
                assertThat(service.pdf(token, issued.certificate().id())).as("never re-signed").isEqualTo(issued.pdf());
                Api.Res uploaded = api.send(HttpRequest.POST("/api/verify", issued.pdf()).contentType(MediaType.APPLICATION_PDF_TYPE));
                assertThat(uploaded.get("found")).as("the upload check still recognises it").isEqualTo(true);
                assertThat(uploaded.get("number")).isEqualTo(issued.certificate().get("number"));
                @SuppressWarnings("unchecked")
                Map<String, Object> signature = (Map<String, Object>) api.get("/api/verify/" + code).get("signature");
                assertThat(signature.get("fingerprint")).isEqualTo(fingerprint);
                String page = Jsoup.parse(new Browser(api).get("/verify/" + code).body()).selectFirst("#signature .subject").text();
                assertThat(page).as("the verification page names this certificate's signer")
                        .contains(subject.contains("Lama") ? "CN=Kepala BPSDM Lama" : "CN=Kepala BPSDM Baru");
            }
            return null;
        });
    }
}

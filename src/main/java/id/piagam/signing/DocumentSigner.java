package id.piagam.signing;

import id.piagam.rendering.PdfSigning;
import id.piagam.rules.DomainRefusal;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signs every issued PDF with the agency's key as PAdES baseline B-B (B-T with a timestamp authority):
 * the key from a PKCS#12 file ({@code PIAGAM_SIGNING_KEYSTORE}, {@code _PASSWORD}, {@code _ALIAS}) or
 * a PKCS#11 token through the JDK's SunPKCS11 provider ({@code PIAGAM_SIGNING_PKCS11_CONFIG}, the PIN in
 * {@code _PASSWORD}), where the private key stays inside the token. Without either, documents are
 * issued unsigned, as before. A key that is configured but cannot be loaded stops the start: issuing
 * unsigned by mistake is worse than not starting.
 */
@Context
public class DocumentSigner {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentSigner.class);

    /** A PDF as issued, and the fingerprint of the certificate that signed it (null when unsigned). */
    public record Signed(byte[] pdf, String fingerprint) {
    }

    private final Optional<SigningKey> key;
    /** The key's CMS maker, prepared on first use (BouncyCastle's classes stay unloaded at start-up). */
    private volatile CadesSignature cades;
    private final TimestampClient tsa;
    private final String statement;
    private final Clock clock;
    /**
     * The largest CMS this signer has made so far: the room reserved for the next one, so that a document carries a
     * few hundred bytes of padding rather than a fixed 24 KB written as 48 KB of hex (issue #13: signed STTPs were
     * 106 KB, of which 48 KB zeros).
     */
    private final AtomicInteger largestCms = new AtomicInteger();

    DocumentSigner(@Value("${piagam.signing.keystore:}") String keystore, @Value("${piagam.signing.password:}") String password,
                   @Value("${piagam.signing.alias:}") String alias, @Value("${piagam.signing.pkcs11-config:}") String pkcs11Config,
                   @Value("${piagam.signing.tsa-url:}") String tsaUrl, @Value("${piagam.signing.statement:}") String statement,
                   Clock clock) {
        this.key = load(blankToNull(keystore), password == null ? "" : password, blankToNull(alias), blankToNull(pkcs11Config));
        this.tsa = blankToNull(tsaUrl) == null ? null : new TimestampClient(URI.create(tsaUrl.strip()), clock);
        this.statement = statement == null ? "" : statement.strip();
        this.clock = clock;
        key.ifPresentOrElse(
                k -> LOG.info("Signing issued PDFs as {} (SHA-256 fingerprint {}){}", k.certificate().getSubjectX500Principal().getName(),
                        k.fingerprint(), tsa == null ? "" : " with timestamps from " + tsaUrl.strip()),
                () -> LOG.warn("No signing key configured (PIAGAM_SIGNING_KEYSTORE or PIAGAM_SIGNING_PKCS11_CONFIG): certificates are issued unsigned"));
    }

    /** Whether issued PDFs are signed. */
    public boolean enabled() {
        return key.isPresent();
    }

    /** The statement the signature carries (its reason), printed on signed documents instead of a scanned signature. */
    public String statement() {
        return statement;
    }

    public Optional<SigningKey> key() {
        return key;
    }

    /**
     * {@code pdf} signed with the agency's key, or as it is when no key is configured. With a timestamp
     * authority configured, a signature without its timestamp is not made: the document is refused
     * ({@code timestamp-unavailable}) so the secretariat issues it again once the authority answers,
     * instead of holding a weaker signature than it configured without knowing.
     */
    public Signed sign(byte[] pdf) {
        if (key.isEmpty()) {
            return new Signed(pdf, null);
        }
        SigningKey k = key.get();
        CadesSignature cades = cades(k);
        try {
            int expected = Math.max(largestCms.get(), cades.expectedSize(tsa != null));
            byte[] signed = PdfSigning.sign(pdf, clock.instant(), statement, null, expected, range -> {
                byte[] cms = cades.sign(range, tsa);
                largestCms.accumulateAndGet(cms.length, Math::max);
                return cms;
            });
            return new Signed(signed, k.fingerprint());
        } catch (TimestampClient.Failure e) {
            LOG.warn("Not signed: {}", e.getMessage());
            throw new DomainRefusal(DomainRefusal.Kind.UNAVAILABLE, "timestamp-unavailable", "problem.timestampUnavailable",
                    List.of(tsa.url().toString()), List.of(), null);
        }
    }

    private CadesSignature cades(SigningKey k) {
        CadesSignature c = cades;
        if (c == null) {
            c = new CadesSignature(k);
            cades = c;
        }
        return c;
    }

    private static Optional<SigningKey> load(String keystore, String password, String alias, String pkcs11Config) {
        if (keystore == null && pkcs11Config == null) {
            return Optional.empty();
        }
        try {
            KeyStore store;
            Provider provider = null;
            if (pkcs11Config != null) {
                provider = Security.getProvider("SunPKCS11").configure(pkcs11Config);
                store = KeyStore.getInstance("PKCS11", provider);
                store.load(null, password.toCharArray());
            } else {
                store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(Path.of(keystore))) {
                    store.load(in, password.toCharArray());
                }
            }
            String name = alias != null ? alias : firstKeyAlias(store);
            if (name == null || !store.isKeyEntry(name)) {
                throw new IllegalStateException("no private key " + (alias == null ? "" : "named " + alias + " ") + "in the signing key store");
            }
            PrivateKey privateKey = (PrivateKey) store.getKey(name, password.toCharArray());
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certificates = store.getCertificateChain(name);
            if (certificates == null) {
                certificates = new Certificate[]{store.getCertificate(name)};
            }
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            return Optional.of(new SigningKey(privateKey, chain, provider));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The signing key could not be loaded (" + (pkcs11Config != null ? "PKCS#11 " + pkcs11Config
                    : "PKCS#12 " + keystore) + "): " + e.getMessage(), e);
        }
    }

    private static String firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                return a;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

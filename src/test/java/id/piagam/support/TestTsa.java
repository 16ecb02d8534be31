package id.piagam.support;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real RFC 3161 timestamp authority for tests: BouncyCastle's {@code TimeStampResponseGenerator} behind
 * the JDK's HTTP server on a free loopback port. It can be switched to answer as a broken one would:
 * {@link Mode#DOWN} (HTTP 503) or {@link Mode#GARBAGE} (200 with bytes that are no timestamp response).
 */
public final class TestTsa implements AutoCloseable {

    public enum Mode { GRANT, DOWN, GARBAGE }

    private final HttpServer server;
    private final TestKeys.Authority authority;
    private final AtomicLong serials = new AtomicLong();
    private volatile Mode mode = Mode.GRANT;

    private TestTsa() throws Exception {
        authority = TestKeys.timestampAuthority();
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", authority.keys().getPrivate(), authority.certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(authority.certificate())));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            try (exchange) {
                byte[] body;
                int status = 200;
                switch (mode) {
                    case DOWN -> {
                        status = 503;
                        body = "maintenance".getBytes(StandardCharsets.US_ASCII);
                    }
                    case GARBAGE -> body = "<html>not a timestamp</html>".getBytes(StandardCharsets.US_ASCII);
                    default -> {
                        TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                        body = responses.generate(request, BigInteger.valueOf(serials.incrementAndGet()), new Date()).getEncoded();
                        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                    }
                }
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        server.start();
    }

    public static TestTsa start() {
        try {
            return new TestTsa();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public X509Certificate certificate() {
        return authority.certificate();
    }

    /** How many tokens it has granted. */
    public long granted() {
        return serials.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real RFC 3161 timestamp authority for tests: BouncyCastle's {@code TimeStampResponseGenerator} behind
 * the JDK's HTTP server on a free loopback port. It can be switched to answer as a broken one would:
 * {@link Mode#DOWN} (HTTP 503), {@link Mode#GARBAGE} (200 with bytes that are no timestamp response) or
 * {@link Mode#HANG} (reads the request and does not answer until it is switched back or closed).
 */
public final class TestTsa implements AutoCloseable {

    public enum Mode { GRANT, DOWN, GARBAGE, HANG }

    private final HttpServer server;
    private final TestKeys.Authority authority;
    private final AtomicLong serials = new AtomicLong();
    private volatile Mode mode = Mode.GRANT;
    private volatile CountDownLatch released = new CountDownLatch(1);
    private final AtomicLong requests = new AtomicLong();

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
                requests.incrementAndGet();
                if (mode == Mode.HANG) {
                    exchange.getRequestBody().readAllBytes();
                    released.await(2, TimeUnit.MINUTES);
                }
                byte[] body;
                int status = 200;
                switch (mode) {
                    case DOWN, HANG -> {
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
        server.setExecutor(Executors.newCachedThreadPool()); // a hanging answer holds only its own thread
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
        if (this.mode == Mode.HANG && mode != Mode.HANG) {
            released.countDown();
            released = new CountDownLatch(1);
        }
        this.mode = mode;
    }

    /** How many requests it has received, answered or not. */
    public long requests() {
        return requests.get();
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
        released.countDown();
        server.stop(0);
    }
}

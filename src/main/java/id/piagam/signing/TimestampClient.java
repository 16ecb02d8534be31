package id.piagam.signing;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * An RFC 3161 time-stamping client (BouncyCastle's TSP classes over HTTP): asks the authority at
 * {@code url} to stamp a SHA-256 digest, and checks that the answer is granted and matches the request
 * (digest and nonce) before its token is used.
 */
final class TimestampClient {

    private static final SecureRandom NONCES = new SecureRandom();
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TimestampClient(URI url) {
        this.url = url;
    }

    /** The DER-encoded timestamp token (a CMS ContentInfo) over {@code sha256}. */
    byte[] token(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, NONCES));
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("timestamp authority answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException("timestamp refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TSPException e) {
            throw new IllegalStateException("timestamp answer not valid: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the timestamp authority", e);
        }
    }

    static ContentInfo contentInfo(byte[] token) {
        return ContentInfo.getInstance(token);
    }
}

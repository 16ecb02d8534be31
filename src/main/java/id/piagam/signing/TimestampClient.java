package id.piagam.signing;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import java.io.IOException;
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
 * (digest and nonce) before its token is used. Any failure (not reachable, an HTTP error, an answer that is
 * not a granted RFC 3161 response for this request) is a {@link Failure}: the caller refuses to sign
 * rather than quietly sign without the timestamp it was configured to add.
 */
final class TimestampClient {

    /** The authority gave no usable timestamp; the message says why (for the log). */
    static final class Failure extends RuntimeException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final SecureRandom NONCES = new SecureRandom();
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TimestampClient(URI url) {
        this.url = url;
    }

    URI url() {
        return url;
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
                throw new Failure("timestamp authority " + url + " answered HTTP " + answer.statusCode(), null);
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new Failure("timestamp authority " + url + " refused: " + response.getStatusString(), null);
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException | RuntimeException e) {
            if (e instanceof Failure f) {
                throw f;
            }
            throw new Failure("timestamp authority " + url + " gave no valid answer: " + e, e);
        } catch (TSPException e) {
            throw new Failure("timestamp answer from " + url + " not valid: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for the timestamp authority " + url, e);
        }
    }

    static ContentInfo contentInfo(byte[] token) {
        return ContentInfo.getInstance(token);
    }
}

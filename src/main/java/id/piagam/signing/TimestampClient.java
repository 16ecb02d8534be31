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
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An RFC 3161 time-stamping client (BouncyCastle's TSP classes over HTTP): asks the authority at
 * {@code url} to stamp a SHA-256 digest, and checks that the answer is granted and matches the request
 * (digest and nonce) before its token is used. Any failure (not reachable, an HTTP error, an answer that is
 * not a granted RFC 3161 response for this request) is a {@link Failure}: the caller refuses to sign
 * rather than quietly sign without the timestamp it was configured to add. An authority that does not answer
 * in time is not asked again for {@link #QUIET_AFTER_TIMEOUT}: a bulk issue then refuses each person at once
 * instead of waiting half a minute for each.
 */
final class TimestampClient {

    /** The authority gave no usable timestamp; the message says why (for the log). */
    static final class Failure extends RuntimeException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How long an authority that did not answer in time is not asked again. */
    static final Duration QUIET_AFTER_TIMEOUT = Duration.ofMinutes(1);

    private static final SecureRandom NONCES = new SecureRandom();
    private final URI url;
    private final Duration answerTimeout;
    private final Clock clock;
    private final HttpClient http;
    /** Until when a timed-out authority is not asked: a bulk job then fails each person at once, not after a wait each. */
    private volatile Instant quietUntil = Instant.MIN;

    TimestampClient(URI url, Clock clock) {
        this(url, Duration.ofSeconds(10), Duration.ofSeconds(20), clock);
    }

    TimestampClient(URI url, Duration connectTimeout, Duration answerTimeout, Clock clock) {
        this.url = url;
        this.answerTimeout = answerTimeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    URI url() {
        return url;
    }

    /** The DER-encoded timestamp token (a CMS ContentInfo) over {@code sha256}. */
    byte[] token(byte[] sha256) {
        Instant quiet = quietUntil;
        if (clock.instant().isBefore(quiet)) {
            throw new Failure("timestamp authority " + url + " did not answer in time; not asked again before " + quiet, null);
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, NONCES));
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(answerTimeout)
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
            if (e instanceof HttpTimeoutException) {
                quietUntil = clock.instant().plus(QUIET_AFTER_TIMEOUT);
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

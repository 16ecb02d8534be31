package id.piagam.mail;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;

/**
 * How email leaves: the SMTP server ({@code PIAGAM_SMTP_*}), the sender address and the secretariat's
 * reply address. Without a host nothing is queued or sent, and the pages say so (links are copied by hand).
 */
@Singleton
public class MailSettings {

    /** How the connection to the SMTP server is protected. */
    public enum Tls {
        NONE, STARTTLS, TLS
    }

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final Tls tls;
    private final String from;
    private final String replyTo;
    private final int perMinute;
    private final boolean attachPdf;
    private final int maxAttempts;
    private final Duration reminderAfter;
    private final Duration claimLapse;

    MailSettings(@Value("${piagam.mail.smtp.host:}") String host, @Value("${piagam.mail.smtp.port:587}") int port,
                 @Value("${piagam.mail.smtp.username:}") String username, @Value("${piagam.mail.smtp.password:}") String password,
                 @Value("${piagam.mail.smtp.tls:STARTTLS}") String tls, @Value("${piagam.mail.from:}") String from,
                 @Value("${piagam.mail.reply-to:}") String replyTo, @Value("${piagam.mail.per-minute:60}") int perMinute,
                 @Value("${piagam.mail.attach-pdf:true}") boolean attachPdf, @Value("${piagam.mail.max-attempts:8}") int maxAttempts,
                 @Value("${piagam.mail.reminder-after:7d}") Duration reminderAfter,
                 @Value("${piagam.mail.claim-lapse:5m}") Duration claimLapse) {
        this.host = host == null ? "" : host.trim();
        this.port = port;
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
        this.tls = Tls.valueOf(tls.trim().toUpperCase(Locale.ROOT));
        this.from = from == null ? "" : from.trim();
        this.replyTo = replyTo == null ? "" : replyTo.trim();
        this.perMinute = Math.max(1, perMinute);
        this.attachPdf = attachPdf;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.reminderAfter = reminderAfter;
        this.claimLapse = claimLapse;
    }

    /** Whether email is sent at all: only with an SMTP host. */
    public boolean enabled() {
        return !host.isEmpty();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Tls tls() {
        return tls;
    }

    /** The sender address; without one, {@code piagam@<host>}. */
    public String from() {
        return from.isEmpty() ? "piagam@" + host : from;
    }

    public String replyTo() {
        return replyTo;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Whether the certificate's PDF travels with the "issued" email (else the email links the verification page only). */
    public boolean attachPdf() {
        return attachPdf;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration reminderAfter() {
        return reminderAfter;
    }

    /**
     * How long an instance's claim on a message holds: after it, a message whose instance died while
     * sending goes again (from another instance, with the same Message-ID). It must outlast one send
     * (the SMTP timeouts below allow 10 s to connect and 30 s per read or write), or a slow send is
     * duplicated without any crash.
     */
    public Duration claimLapse() {
        return claimLapse;
    }
}

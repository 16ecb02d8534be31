package id.piagam.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server that answers RCPT with a scripted reply per address (GreenMail accepts everyone): to
 * see what the sender does with a temporary (4xx) or permanent (5xx) refusal. It can also take its time
 * to accept each message (so that messages are in flight when a sender is killed) and keeps the
 * Message-ID of every message it accepted, in order, duplicates included.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> rcptReplies;
    private final Duration acceptDelay;
    private final List<String> accepted = new CopyOnWriteArrayList<>();

    ScriptedSmtpServer(Map<String, String> rcptReplies, Duration acceptDelay) throws IOException {
        this.rcptReplies = rcptReplies;
        this.acceptDelay = acceptDelay;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "scripted-smtp");
        t.setDaemon(true);
        t.start();
    }

    /** A server refusing these recipients with these replies; every other recipient is accepted. */
    static ScriptedSmtpServer refusing(Map<String, String> rcptReplies) {
        try {
            return new ScriptedSmtpServer(rcptReplies, Duration.ZERO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server accepting everyone, waiting {@code delay} after each message's data before it answers "250". */
    static ScriptedSmtpServer slow(Duration delay) {
        try {
            return new ScriptedSmtpServer(Map.of(), delay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Message-ID of each message accepted so far (a message accepted twice is here twice). */
    List<String> acceptedMessageIds() {
        return List.copyOf(accepted);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The settings that send the service's mail here, polling the outbox every 200 ms. */
    Map<String, String> mailProperties() {
        return Map.of("piagam.mail.smtp.host", "127.0.0.1", "piagam.mail.smtp.port", String.valueOf(port()),
                "piagam.mail.smtp.tls", "NONE", "piagam.mail.from", "piagam@bpsdm.contoh.go.id", "piagam.mail.poll", "200ms");
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> serve(s), "scripted-smtp-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** One connection at a time per client, several clients at once (as several instances connect). */
    private void serve(Socket s) {
        try (s) {
            converse(s);
        } catch (IOException e) {
            // the client went away (a killed sender among them)
        }
    }

    private void converse(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO") || upper.startsWith("HELO") || upper.startsWith("MAIL") || upper.startsWith("RSET")
                    || upper.startsWith("NOOP")) {
                reply(out, "250 ok");
            } else if (upper.startsWith("RCPT")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                reply(out, rcptReplies.getOrDefault(address, "250 ok"));
            } else if (upper.startsWith("DATA")) {
                reply(out, "354 go on");
                String messageId = null;
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                        messageId = line.substring(11).trim();
                    }
                }
                if (line == null) {
                    return; // the sender went away before the end of the data: nothing was accepted
                }
                pause();
                accepted.add(String.valueOf(messageId));
                reply(out, "250 queued");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "502 unknown");
            }
        }
    }

    private void pause() {
        if (!acceptDelay.isZero()) {
            Latency.pause(acceptDelay);
        }
    }

    /** A server's latency: it waits for nothing, it only takes its time (the one sleep {@code TestWaitsTest} allows here). */
    static final class Latency {
        private Latency() {
        }

        static void pause(Duration delay) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

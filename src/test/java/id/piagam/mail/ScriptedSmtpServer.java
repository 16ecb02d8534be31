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
import java.util.Map;

/**
 * An SMTP server that answers RCPT with a scripted reply per address (GreenMail accepts everyone): to
 * see what the sender does with a temporary (4xx) or permanent (5xx) refusal.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> rcptReplies;

    ScriptedSmtpServer(Map<String, String> rcptReplies) throws IOException {
        this.rcptReplies = rcptReplies;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "scripted-smtp");
        t.setDaemon(true);
        t.start();
    }

    /** A server refusing these recipients with these replies; every other recipient is accepted. */
    static ScriptedSmtpServer refusing(Map<String, String> rcptReplies) {
        try {
            return new ScriptedSmtpServer(rcptReplies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            try (Socket s = socket.accept()) {
                converse(s);
            } catch (IOException e) {
                // closed, or the client went away
            }
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
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself is not kept
                }
                reply(out, "250 queued");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "502 unknown");
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

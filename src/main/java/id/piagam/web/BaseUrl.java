package id.piagam.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The public address printed in QR codes, verification links and invitation links: {@code PIAGAM_BASE_URL}
 * when set, otherwise {@code http://localhost:<port>} with the port the server actually listens on
 * (a certificate carries its link for good, so a link to another port would never work).
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE) // known before any other listener (the demo issues certificates) runs
public class BaseUrl implements ApplicationEventListener<ServerStartupEvent> {

    private final String configured;
    private volatile int port;

    BaseUrl(@Value("${piagam.base-url:}") String configured, @Value("${micronaut.server.port:8080}") int configuredPort) {
        String c = configured == null ? "" : configured.trim();
        this.configured = c.endsWith("/") ? c.substring(0, c.length() - 1) : c;
        this.port = configuredPort;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        port = event.getSource().getPort();
    }

    /** The base without a trailing slash. */
    public String get() {
        return configured.isEmpty() ? "http://localhost:" + port : configured;
    }

    /** Whether the base names this machine only: links and QR codes then work nowhere else. */
    public boolean isLoopback() {
        String host = URI.create(get()).getHost();
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|\\[?[0-9a-f:]+]?")) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(h.replace("[", "").replace("]", ""));
            return a.isLoopbackAddress() || a.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Secure cookies only when the public address is https. */
    public boolean isHttps() {
        return get().startsWith("https:");
    }
}

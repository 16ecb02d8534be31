package id.piagam.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Arrays;

/** The client address of a request, through the trusted proxies of {@code piagam.trusted-proxies} ({@link TrustedProxies}). */
@Singleton
public class ClientAddresses {

    private final TrustedProxies proxies;

    ClientAddresses(@Value("${piagam.trusted-proxies:}") String trusted) {
        this.proxies = new TrustedProxies(Arrays.asList(trusted.split(",")));
    }

    public String of(HttpRequest<?> request) {
        return proxies.client(request.getRemoteAddress().getAddress().getHostAddress(), request.getHeaders().getAll("X-Forwarded-For"));
    }
}

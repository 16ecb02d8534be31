package id.piagam.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.5", "::1"));

    @Test
    void theForwardedAddressCountsOnlyWhenATrustedProxySentIt() {
        assertThat(proxies.client("10.1.2.3", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(proxies.client("::1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        // anyone else's header is ignored: a client cannot pick its own bucket
        assertThat(proxies.client("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(proxies.client("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void theRightMostAddressThatIsNotAProxyIsTheClient() {
        // the client wrote a fake first hop; the proxies appended the real ones
        assertThat(proxies.client("10.0.0.1", List.of("1.2.3.4, 203.0.113.7, 192.168.1.5"))).isEqualTo("203.0.113.7");
        assertThat(proxies.client("10.0.0.1", List.of("1.2.3.4", "203.0.113.8"))).isEqualTo("203.0.113.8");
        assertThat(proxies.client("10.0.0.1", List.of("bukan-alamat"))).isEqualTo("10.0.0.1");
        assertThat(proxies.client("10.0.0.1", List.of("10.0.0.2"))).isEqualTo("10.0.0.1");
    }

    @Test
    void noProxiesMeansTheSocketAddress() {
        assertThat(new TrustedProxies(List.of()).client("10.1.2.3", List.of("203.0.113.7"))).isEqualTo("10.1.2.3");
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
    }
}
